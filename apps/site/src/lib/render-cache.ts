import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where rendered modules are kept between builds (ignored by git, cleared by a fresh install). */
const DIR = join(repo, 'node_modules', '.cache', 'frontline-site');

/** A hash of the code that renders modules: a change to it invalidates every cached module. */
function rendererHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['packages/schema/src', 'packages/guides/src']) {
    const files = readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(repo, dir, file)));
  }
  return hash.digest('hex');
}

/**
 * Rendered module data cached on disk by content hash: the module's text, plus everything
 * else its rendering reads (glossary, module titles, build audience, renderer code).
 */
export class RenderCache {
  readonly #salt: string;

  constructor(...context: string[]) {
    this.#salt = createHash('sha256').update(rendererHash()).update(context.join('\0')).digest('hex');
    mkdirSync(DIR, { recursive: true });
  }

  keyOf(source: string): string {
    return createHash('sha256').update(this.#salt).update(source).digest('hex');
  }

  get<T>(source: string): T | undefined {
    try {
      return JSON.parse(readFileSync(join(DIR, `${this.keyOf(source)}.json`), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Stores a value atomically (temporary file, then rename) and returns it. */
  set<T>(source: string, value: T): T {
    const file = join(DIR, `${this.keyOf(source)}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
    return value;
  }
}
