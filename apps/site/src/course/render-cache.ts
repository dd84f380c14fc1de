import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * One file per context, one JSON line per entry: read once when the cache opens; entries
 * rendered during a build are appended to a temporary file in batches, so a cold build holds
 * none of them in memory, and `save` (at the end of a build) adds the reused entries and moves
 * the file into place. A thousand small files cost more in system calls than the rendering
 * they save. Without `persist` (the dev server) new entries stay in memory and are not saved.
 */
export class RenderCache {
  readonly #salt: string;
  readonly #file: string;
  readonly #persist: boolean;
  readonly #previous = new Map<string, unknown>();
  readonly #reused = new Set<string>();
  readonly #fresh = new Map<string, unknown>();
  #pending: string[] = [];
  #pendingLength = 0;
  #temporary: string | undefined;

  constructor(context: readonly string[], { persist = true }: { persist?: boolean } = {}) {
    this.#salt = createHash('sha256').update(rendererHash()).update(context.join('\0')).digest('hex');
    this.#file = join(DIR, `${this.#salt.slice(0, 32)}.ndjson`);
    this.#persist = persist;
    let text = '';
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      // No cache yet.
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const [key, value] = JSON.parse(line) as [string, unknown];
        this.#previous.set(key, value);
      } catch {
        // A damaged line is a cache miss, nothing worse.
      }
    }
  }

  keyOf(source: string): string {
    return createHash('sha256').update(this.#salt).update(source).digest('base64url');
  }

  get<T>(source: string): T | undefined {
    const key = this.keyOf(source);
    if (this.#fresh.has(key)) return this.#fresh.get(key) as T;
    if (!this.#previous.has(key)) return undefined;
    this.#reused.add(key);
    return this.#previous.get(key) as T;
  }

  set<T>(source: string, value: T): T {
    const key = this.keyOf(source);
    if (!this.#persist) {
      this.#fresh.set(key, value);
      return value;
    }
    const line = `${JSON.stringify([key, value])}\n`;
    this.#pending.push(line);
    this.#pendingLength += line.length;
    if (this.#pendingLength > 1 << 20) this.#flush();
    return value;
  }

  #flush(): void {
    if (!this.#pending.length) return;
    if (!this.#temporary) {
      mkdirSync(DIR, { recursive: true });
      this.#temporary = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(this.#temporary, '');
    }
    appendFileSync(this.#temporary, this.#pending.join(''));
    this.#pending = [];
    this.#pendingLength = 0;
  }

  /**
   * Moves this build's entries (new and reused) into place and drops the files of other
   * contexts; does nothing when nothing new was rendered and nothing cached went unused.
   */
  save(): void {
    if (!this.#persist) return;
    if (!this.#pending.length && !this.#temporary && this.#reused.size === this.#previous.size) return;
    for (const key of this.#reused) this.#pending.push(`${JSON.stringify([key, this.#previous.get(key)])}\n`);
    this.#flush();
    this.#temporary ??= (writeFileSync(`${this.#file}.${process.pid}.tmp`, ''), `${this.#file}.${process.pid}.tmp`);
    for (const name of readdirSync(DIR))
      if (!name.startsWith(`${this.#salt.slice(0, 32)}.ndjson`))
        rmSync(join(DIR, name), { force: true, recursive: true });
    renameSync(this.#temporary, this.#file);
    this.#temporary = undefined;
  }
}
