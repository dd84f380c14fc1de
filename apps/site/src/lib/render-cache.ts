import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * Rendered module data cached between builds by content hash: the module's text, plus
 * everything else its rendering reads (glossary, module titles, build audience, renderer code).
 *
 * The cache is one file per context, read once and written once (`save`, at the end of a build):
 * a thousand small files cost more in system calls than the rendering they save. Saving keeps
 * only the entries this build used, so the file never grows past the course.
 */
export class RenderCache {
  readonly #salt: string;
  readonly #file: string;
  readonly #previous: Map<string, unknown>;
  readonly #used = new Map<string, unknown>();
  #dirty = false;

  constructor(...context: string[]) {
    this.#salt = createHash('sha256').update(rendererHash()).update(context.join('\0')).digest('hex');
    this.#file = join(DIR, `${this.#salt.slice(0, 32)}.json`);
    let previous: Map<string, unknown>;
    try {
      previous = new Map(Object.entries(JSON.parse(readFileSync(this.#file, 'utf8')) as Record<string, unknown>));
    } catch {
      previous = new Map();
    }
    this.#previous = previous;
  }

  keyOf(source: string): string {
    return createHash('sha256').update(this.#salt).update(source).digest('base64url');
  }

  get<T>(source: string): T | undefined {
    const key = this.keyOf(source);
    const value = this.#used.get(key) ?? this.#previous.get(key);
    if (value !== undefined) this.#used.set(key, value);
    return value as T | undefined;
  }

  set<T>(source: string, value: T): T {
    this.#used.set(this.keyOf(source), value);
    this.#dirty = true;
    return value;
  }

  /**
   * Writes the entries used since this cache was opened, atomically (temporary file, then
   * rename), and drops the files of other contexts; does nothing when nothing new was rendered.
   */
  save(): void {
    if (!this.#dirty && this.#used.size === this.#previous.size) return;
    mkdirSync(DIR, { recursive: true });
    for (const name of readdirSync(DIR))
      if (name !== `${this.#salt.slice(0, 32)}.json`) rmSync(join(DIR, name), { force: true, recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.#used)));
    renameSync(temporary, this.#file);
    this.#dirty = false;
  }
}
