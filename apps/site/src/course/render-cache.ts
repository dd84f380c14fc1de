import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/**
 * Where rendered modules are kept between builds: FRONTLINE_RENDER_CACHE_DIR (tests give each
 * build its own), else under node_modules (ignored by git, cleared by a fresh install).
 */
export const CACHE_DIR = resolve(
  process.env.FRONTLINE_RENDER_CACHE_DIR || join(repo, 'node_modules', '.cache', 'frontline-site'),
);
const DIR = CACHE_DIR;

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
    // outputs/ holds the records of output folders (carry-over.ts), not caches.
    .filter((name) => name !== 'outputs')
    .map((name) => join(DIR, name))
    .filter((file) => file !== kept)
    .map((file) => ({ file, mtime: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  const caches = others.filter((o) => o.file.endsWith('.ndjson')).sort((a, b) => b.mtime - a.mtime);
  for (const { file } of caches.slice(KEEP)) rmSync(file, { force: true });
  for (const { file, mtime } of others)
    if (!file.endsWith('.ndjson') && now - mtime > ABANDONED_MS) rmSync(file, { force: true, recursive: true });
}

/** Where an entry's JSON line (`[key, value]`) is in a cache file, newline excluded. */
interface Span {
  start: number;
  end: number;
}

/** Reads `span` of an open file. */
function readSpan(fd: number, { start, end }: Span): Buffer {
  const bytes = Buffer.allocUnsafe(end - start);
  for (let done = 0; done < bytes.length;) {
    const read = readSync(fd, bytes, done, bytes.length - done, start + done);
    if (read === 0) throw new Error('cache file shorter than its index');
    done += read;
  }
  return bytes;
}

/**
 * Rendered module data cached between builds by content hash: the module's text, plus
 * everything else its rendering reads (glossary, module titles, build audience, renderer code).
 *
 * One file per context, one JSON line per entry. The last build's file is indexed when the
 * cache opens, and each entry is read from disk when a page asks for it: a thousand modules'
 * views held in memory cost hundreds of megabytes. Entries rendered during a build are appended
 * to a temporary file in batches, and read back from there too; `save` (at the end of a build)
 * adds the reused entries and moves the file into place. A thousand small files cost more in
 * system calls than the rendering they save. Without `persist` (the dev server) new entries stay
 * in memory and are not saved.
 */
export class RenderCache {
  readonly #salt: string;
  readonly #file: string;
  readonly #persist: boolean;
  /** The last build's file, open for reading, and where each of its entries is. */
  #previousFd: number | undefined;
  readonly #previous = new Map<string, Span>();
  readonly #reused = new Set<string>();
  /** This build's entries: where each is in the temporary file (or in `#pending`, not yet written). */
  readonly #written = new Map<string, Span>();
  /** New entries of a cache that is not saved (the dev server). */
  readonly #fresh = new Map<string, unknown>();
  #pending: (string | Buffer)[] = [];
  #pendingLength = 0;
  #temporary: { path: string; fd: number; length: number } | undefined;

  constructor(context: readonly string[], { persist = true }: { persist?: boolean } = {}) {
    this.#salt = createHash('sha256').update(rendererHash()).update(context.join('\0')).digest('hex');
    this.#file = join(DIR, `${this.#salt.slice(0, 32)}.ndjson`);
    this.#persist = persist;
    let bytes: Buffer;
    try {
      this.#previousFd = openSync(this.#file, 'r');
      bytes = readFileSync(this.#previousFd);
    } catch {
      return; // No cache yet.
    }
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

  /** What every entry's key is salted with: the renderer's code and the context. */
  get salt(): string {
    return this.#salt;
  }

  keyOf(source: string): string {
    return createHash('sha256').update(this.#salt).update(source).digest('base64url');
  }

  /**
   * Whether an entry for `source` is cached (read nothing). An entry asked for is one this
   * build uses, read or not: it is kept when the cache is saved (a page carried over from the
   * build before reads none of its module's views, and they must be there for the next build).
   */
  has(source: string): boolean {
    const key = this.keyOf(source);
    if (this.#fresh.has(key) || this.#written.has(key)) return true;
    if (!this.#previous.has(key)) return false;
    this.#reused.add(key);
    return true;
  }

  get<T>(source: string): T | undefined {
    const key = this.keyOf(source);
    if (this.#fresh.has(key)) return this.#fresh.get(key) as T;
    const written = this.#written.get(key);
    if (written) {
      this.#flush();
      return (JSON.parse(readSpan(this.#temporary!.fd, written).toString('utf8')) as [string, T])[1];
    }
    const at = this.#previous.get(key);
    if (at === undefined || this.#previousFd === undefined) return undefined;
    try {
      const [, value] = JSON.parse(readSpan(this.#previousFd, at).toString('utf8')) as [string, T];
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
    const line = Buffer.from(`${JSON.stringify([key, value])}\n`);
    const start = (this.#temporary?.length ?? 0) + this.#pendingLength;
    this.#written.set(key, { start, end: start + line.length - 1 });
    this.#queue(line);
    return value;
  }

  /** Adds lines to the next write, writing a batch once about a megabyte is waiting. */
  #queue(...chunks: Buffer[]): void {
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
      const path = `${this.#file}.${process.pid}.tmp`;
      this.#temporary = { path, fd: openSync(path, 'w+'), length: 0 };
    }
    const batch = Buffer.concat(this.#pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    writeSync(this.#temporary.fd, batch, 0, batch.length, this.#temporary.length);
    this.#temporary.length += batch.length;
    this.#pending = [];
    this.#pendingLength = 0;
  }

  /**
   * Moves this build's entries (new and reused) into place and drops the files of contexts
   * not built lately (`pruneOthers`); does nothing when nothing new was rendered and nothing cached went unused.
   */
  save(): void {
    if (!this.#persist) return;
    if (!this.#written.size && this.#reused.size === this.#previous.size) return;
    for (const key of this.#reused) {
      // The line as it was read, with its newline.
      const line = readSpan(this.#previousFd!, this.#previous.get(key)!);
      this.#queue(line, Buffer.from('\n'));
    }
    this.#flush();
    if (!this.#temporary) {
      mkdirSync(DIR, { recursive: true });
      const path = `${this.#file}.${process.pid}.tmp`;
      this.#temporary = { path, fd: openSync(path, 'w+'), length: 0 };
    }
    closeSync(this.#temporary.fd);
    renameSync(this.#temporary.path, this.#file);
    pruneOthers(this.#file);
    this.#temporary = undefined;
    this.#written.clear();
  }
}
