import { createHash } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/**
 * Where rendered modules are kept between builds: FRONTLINE_RENDER_CACHE_DIR (tests give each
 * build its own), else under node_modules (ignored by git, cleared by a fresh install).
 */
const DIR = resolve(process.env.FRONTLINE_RENDER_CACHE_DIR || join(repo, 'node_modules', '.cache', 'frontline-site'));

/** A hash of the code that renders modules: a change to it invalidates every cached module. */
function rendererHash(): string {
  const hash = createHash('sha256');
  for (const dir of ['packages/schema/src', 'packages/guides/src', 'apps/site/src/course']) {
    const files = readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(repo, dir, file)));
  }
  return hash.digest('hex');
}

/** Caches of other contexts kept: the trainers' and the learner build, each after a code change. */
const KEEP = 4;
/** A temporary file older than this is left by a build that died (one still running renames its own). */
const ABANDONED_MS = 60 * 60 * 1000;

/**
 * Drops all but the KEEP most recently saved caches besides `kept`, and temporary files of
 * builds that died: a context per build audience, base path and renderer code, so that a
 * learner build after a trainers' build does not throw away the other's cache.
 */
function pruneOthers(kept: string): void {
  const now = Date.now();
  const others = readdirSync(DIR)
    .map((name) => join(DIR, name))
    .filter((file) => file !== kept)
    .map((file) => ({ file, mtime: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  const caches = others.filter((o) => o.file.endsWith('.ndjson')).sort((a, b) => b.mtime - a.mtime);
  for (const { file } of caches.slice(KEEP)) rmSync(file, { force: true });
  for (const { file, mtime } of others)
    if (!file.endsWith('.ndjson') && now - mtime > ABANDONED_MS) rmSync(file, { force: true, recursive: true });
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
  /** The last build's file, read whole; entries are decoded from it when asked for. */
  #bytes: Buffer = Buffer.alloc(0);
  /** Where each entry of the last build is in `#bytes`: its JSON line (`[key, value]`). */
  readonly #previous = new Map<string, { start: number; end: number }>();
  readonly #reused = new Set<string>();
  readonly #fresh = new Map<string, unknown>();
  #pending: (string | Buffer)[] = [];
  #pendingLength = 0;
  #temporary: string | undefined;

  constructor(context: readonly string[], { persist = true }: { persist?: boolean } = {}) {
    this.#salt = createHash('sha256').update(rendererHash()).update(context.join('\0')).digest('hex');
    this.#file = join(DIR, `${this.#salt.slice(0, 32)}.ndjson`);
    this.#persist = persist;
    try {
      this.#bytes = readFileSync(this.#file);
    } catch {
      // No cache yet.
    }
    // The file stays as bytes and each entry is decoded when a page asks for it: a thousand
    // modules' views decoded up front and held to the end of a build cost hundreds of megabytes.
    const bytes = this.#bytes;
    for (let start = 0; start < bytes.length;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      const quote = bytes.indexOf(0x22, start + 2);
      // `["<key>",…]`: keys are base64url, so the first quote after the opening one ends it.
      if (bytes[start] === 0x5b && bytes[start + 1] === 0x22 && quote > 0 && quote < end && bytes[end - 1] === 0x5d)
        this.#previous.set(bytes.toString('latin1', start + 2, quote), { start, end });
      start = end + 1;
    }
  }

  keyOf(source: string): string {
    return createHash('sha256').update(this.#salt).update(source).digest('base64url');
  }

  get<T>(source: string): T | undefined {
    const key = this.keyOf(source);
    if (this.#fresh.has(key)) return this.#fresh.get(key) as T;
    const at = this.#previous.get(key);
    if (at === undefined) return undefined;
    try {
      const [, value] = JSON.parse(this.#bytes.toString('utf8', at.start, at.end)) as [string, T];
      this.#reused.add(key);
      return value;
    } catch {
      // A damaged line is a cache miss, nothing worse.
      this.#previous.delete(key);
      return undefined;
    }
  }

  set<T>(source: string, value: T): T {
    const key = this.keyOf(source);
    if (!this.#persist) {
      this.#fresh.set(key, value);
      return value;
    }
    this.#queue(`${JSON.stringify([key, value])}\n`);
    return value;
  }

  /** Adds lines to the next write, writing a batch once about a megabyte is waiting. */
  #queue(...chunks: (string | Buffer)[]): void {
    for (const chunk of chunks) {
      this.#pending.push(chunk);
      this.#pendingLength += chunk.length;
    }
    if (this.#pendingLength > 1 << 20) this.#flush();
  }

  #flush(): void {
    if (!this.#pending.length) return;
    if (!this.#temporary) {
      mkdirSync(DIR, { recursive: true });
      this.#temporary = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(this.#temporary, '');
    }
    appendFileSync(
      this.#temporary,
      Buffer.concat(this.#pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))),
    );
    this.#pending = [];
    this.#pendingLength = 0;
  }

  /**
   * Moves this build's entries (new and reused) into place and drops the files of contexts
   * not built lately (`pruneOthers`); does nothing when nothing new was rendered and nothing cached went unused.
   */
  save(): void {
    if (!this.#persist) return;
    if (!this.#pending.length && !this.#temporary && this.#reused.size === this.#previous.size) return;
    for (const key of this.#reused) {
      const { start, end } = this.#previous.get(key)!;
      // The line as it was read, with its newline.
      this.#queue(this.#bytes.subarray(start, end), '\n');
    }
    this.#flush();
    this.#temporary ??= (writeFileSync(`${this.#file}.${process.pid}.tmp`, ''), `${this.#file}.${process.pid}.tmp`);
    renameSync(this.#temporary, this.#file);
    pruneOthers(this.#file);
    this.#temporary = undefined;
  }
}
