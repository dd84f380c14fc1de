import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { ModuleFacts } from './facts.ts';
import type { Module } from './model.ts';
import type { CheckedPlan } from './plans.ts';
import { indexOf, type Corpus, type ModuleFile } from './rule.ts';
import {
  buildCorpus,
  configFor,
  moduleModel,
  readSources,
  validateRead,
  type CourseSources,
  type SourceText,
  type ValidateOptions,
  type ValidationResult,
} from './validate.ts';

/**
 * `frontline validate` with a cache: a module whose text is unchanged since the last run is
 * not parsed or checked again, as long as nothing it can see changed either. What a module can
 * see of the rest of the course is its neighbours' facts (facts.ts), the glossary and the
 * configuration: together the course fingerprint. A module's diagnostics are reused only when
 * its own text and the fingerprint are both unchanged, and every file-system question its rules
 * asked (does this image exist, does this link lead outside the course) has the same answer.
 * Anything else is checked afresh, so a cached run reports exactly what a fresh run would
 * (check-cache.test.ts compares them edit by edit).
 */

const schemaRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Where the cache lives: FRONTLINE_CACHE_DIR, else node_modules/.cache of the workspace this
 * package is installed in (ignored by git, removed with node_modules). No node_modules, no cache.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.FRONTLINE_CACHE_DIR) return resolve(env.FRONTLINE_CACHE_DIR);
  const modules = join(schemaRoot, '..', '..', 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'frontline-validate') : undefined;
}

let codeKeyMemo: string | undefined;
/**
 * What the checks are made of: this package's source, the versions of its dependencies (their
 * installed folders are named by version) and Node's. A change to any of them empties the cache.
 */
function codeKey(): string {
  if (codeKeyMemo) return codeKeyMemo;
  const hash = createHash('sha256').update(process.version);
  const src = join(schemaRoot, 'src');
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort())
    if (file.endsWith('.ts')) hash.update(file).update(readFileSync(join(src, file)));
  const pkg = JSON.parse(readFileSync(join(schemaRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys(pkg.dependencies ?? {}).sort()) {
    const dir = join(schemaRoot, 'node_modules', dep);
    hash.update(dep).update(existsSync(dir) ? realpathSync(dir) : 'missing');
  }
  return (codeKeyMemo = hash.digest('hex'));
}

/** A file-system question a rule asked while checking a module, with its answer. */
type Probe = [kind: 'exists' | 'outside', path: string, answer: boolean];

/** What the cache holds for one module file. */
interface Entry {
  file: string;
  /** sha256 of the module's file name and text. */
  hash: string;
  facts: ModuleFacts;
  /** Its diagnostics under the cached fingerprint, when it was checked (not with `only` elsewhere). */
  diagnostics?: Diagnostic[];
  probes?: Probe[];
}

interface Header {
  code: string;
  fingerprint: string;
}

/** sha256 of a module's file name and text (updated apart: joining them would copy the text). */
const textHash = (source: SourceText) =>
  createHash('sha256').update(source.name).update('\0').update(source.text).digest('hex');

/** What a cache holds: the course fingerprint its diagnostics hold under, and an entry per module. */
interface Stored {
  fingerprint?: string;
  entries: Map<string, Entry>;
}

/** Where a cache is kept between runs. */
interface CacheStore {
  read(): Stored;
  write(stored: Stored): void;
}

/**
 * A cache file: a header line (the code it was made by, the fingerprint), then a JSON line per
 * module. A damaged line is that module checked afresh; a damaged header or other code, no cache.
 */
function fileStore(path: string): CacheStore {
  const code = codeKey();
  return {
    read() {
      const entries = new Map<string, Entry>();
      let lines: string[];
      let header: Header;
      try {
        lines = readFileSync(path, 'utf8').split('\n');
        header = JSON.parse(lines[0]!) as Header;
      } catch {
        return { entries };
      }
      if (header.code !== code) return { entries };
      for (const line of lines.slice(1)) {
        try {
          if (line) {
            const entry = JSON.parse(line) as Entry;
            entries.set(entry.file, entry);
          }
        } catch {
          // A damaged line is a module checked afresh, nothing worse.
        }
      }
      return { fingerprint: header.fingerprint, entries };
    },
    write({ fingerprint = '', entries }) {
      writeCache(path, { code, fingerprint }, entries.values());
    },
  };
}

/**
 * A cache held in memory by a long-running process (the dev server), for `validateRemembering`:
 * one entry per module, replaced as the course is read again.
 */
export class ValidationMemory implements CacheStore {
  #stored: Stored = { entries: new Map() };
  read(): Stored {
    return this.#stored;
  }
  write(stored: Stored): void {
    this.#stored = stored;
  }
}

export interface CheckOptions {
  /** Where paths in diagnostics are relative to (default: the current directory). */
  cwd?: string;
  /** Only report on these files (display paths or paths from cwd); the course is still read whole. */
  only?: readonly string[];
  config?: Config;
  /** The cache folder; `false` checks without one (see `defaultCacheDir`). */
  cacheDir?: string | false;
}

export interface CheckResult {
  files: number;
  diagnostics: Diagnostic[];
  source: (file: string) => string | undefined;
  unread: string[];
  /** Modules checked in this run, and modules whose diagnostics came from the cache. */
  checked: number;
  reused: number;
  /** The course as read: every module's facts, the paths and the glossary. */
  corpus: Corpus;
  /** Delivery plans that passed their schema, with their schedules. */
  plans: CheckedPlan[];
  /** Ids of the modules with a valid frontmatter, in file-name order. */
  ids: string[];
  /**
   * The model of a module with a valid frontmatter, by id: a module known by its cached facts
   * only is parsed when first asked for.
   */
  module: (id: string) => Module | undefined;
}

/** The cache file of one course read from one working directory (paths in it are relative to it). */
function cachePath(dir: string, root: string, cwd: string): string {
  return join(dir, `${createHash('sha256').update(root).update('\0').update(cwd).digest('hex').slice(0, 24)}.ndjson`);
}

/** One course's cache in one run: what the last run left, and what this run leaves for the next. */
class CheckCache {
  checked = 0;
  reused = 0;
  private readonly earlier: Stored;
  private readonly hashes: Map<string, string>;
  private readonly next = new Map<string, Entry>();
  private fingerprint = '';
  private sameCourse = false;
  private probes: Probe[] = [];
  private ask: (probe: Probe) => boolean = () => false;

  private readonly store: CacheStore | undefined;

  constructor(store: CacheStore | undefined, modules: readonly SourceText[]) {
    this.store = store;
    this.earlier = store?.read() ?? { entries: new Map() };
    this.hashes = new Map(modules.map((s) => [s.file, textHash(s)]));
  }

  /** The cached entry of a module whose text is unchanged since it was written. */
  private unchanged(file: string): Entry | undefined {
    const entry = this.earlier.entries.get(file);
    return entry && entry.hash === this.hashes.get(file) ? entry : undefined;
  }

  /** The facts of a module whose text is unchanged: it need not be parsed. */
  readonly known = (source: SourceText): ModuleFacts | undefined => this.unchanged(source.file)?.facts;

  /**
   * Takes the corpus this run built: its course fingerprint, and its file-system questions,
   * each recorded with its answer while a module is checked. Returns what puts the corpus back.
   */
  watch(corpus: Corpus, glossary: readonly SourceText[], config: Config): () => void {
    // A duplicate id's cause points into the other module's frontmatter: any edit there counts.
    const duplicated = [...indexOf(corpus).byId.values()]
      .filter((same) => same.length > 1)
      .map((same) => same.map((m) => this.hashes.get(m.file)));
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([corpus.facts, duplicated, glossary.map((g) => [g.file, g.text]), config]))
      .digest('hex');
    this.sameCourse = this.earlier.fingerprint === this.fingerprint;
    const { exists, outside } = corpus;
    this.ask = ([kind, path]) => (kind === 'exists' ? exists(path) : outside(path));
    const recorded = (kind: Probe[0]) => (path: string) => {
      const answer = this.ask([kind, path, false]);
      this.probes.push([kind, path, answer]);
      return answer;
    };
    corpus.exists = recorded('exists');
    corpus.outside = recorded('outside');
    return () => Object.assign(corpus, { exists, outside });
  }

  /** A module's diagnostics: from the cache while they still hold, else checked and kept. */
  readonly diagnostics = (facts: ModuleFacts, check: () => Diagnostic[]): Diagnostic[] => {
    const entry = this.unchanged(facts.file);
    if (this.sameCourse && entry?.diagnostics && (entry.probes ?? []).every((p) => this.ask(p) === p[2])) {
      this.reused++;
      this.next.set(facts.file, entry);
      // A fresh copy: the report may attach causes to a diagnostic it returns.
      return structuredClone(entry.diagnostics);
    }
    this.probes = [];
    const found = check();
    this.checked++;
    const hash = this.hashes.get(facts.file)!;
    this.next.set(facts.file, {
      file: facts.file,
      hash,
      facts,
      diagnostics: structuredClone(found),
      probes: this.probes,
    });
    return found;
  };

  /** Writes what this run knows, unless it is what the file already holds. */
  save(corpus: Corpus): void {
    const { store } = this;
    if (!store || (this.checked === 0 && this.sameCourse && this.earlier.entries.size === corpus.facts.length)) return;
    const entries = new Map<string, Entry>();
    for (const facts of corpus.facts) {
      const entry = this.next.get(facts.file);
      // A module not checked in this run (`only`) keeps its diagnostics while they still hold.
      const earlier = this.unchanged(facts.file);
      if (entry) entries.set(facts.file, entry);
      else if (this.sameCourse && earlier?.diagnostics) entries.set(facts.file, earlier);
      else entries.set(facts.file, { file: facts.file, hash: this.hashes.get(facts.file)!, facts });
    }
    store.write({ fingerprint: this.fingerprint, entries });
  }
}

/**
 * Validates a content folder as `validateContent` does, returning only what a report needs,
 * and reusing the diagnostics of modules that did not change (see the top of this file).
 */
export function checkContent(contentDir: string, options: CheckOptions = {}): CheckResult {
  const cwd = options.cwd ?? process.cwd();
  const dir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir || undefined;
  const { result, cache, moduleOf } = validateWithCache(contentDir, cwd, options, (sources) => ({
    store: dir ? fileStore(cachePath(dir, sources.root, cwd)) : undefined,
    // Modules known by their cached facts are parsed only to be checked.
    parse: 'when-needed',
  }));
  const { files, diagnostics, source, unread, corpus, plans } = result;
  // As a Map of the modules would: a later file with the same id wins (unique-ids reports it).
  const byId = new Map(corpus.facts.flatMap((f) => (f.plan ? [[f.plan.id, f.file] as const] : [])));
  const module = (id: string) => {
    const file = byId.get(id);
    return file === undefined ? undefined : moduleModel(moduleOf(file));
  };
  return {
    files,
    diagnostics,
    source,
    unread,
    checked: cache.checked,
    reused: cache.reused,
    corpus,
    plans,
    ids: [...byId.keys()],
    module,
  };
}

/**
 * `validateContent` for a long-running process (the dev server): every module is parsed (or
 * reused, see `ValidateOptions.reuse`) as usual, and a module whose diagnostics still hold
 * (see the top of this file) takes them from `memory` instead of running every rule again.
 */
export function validateRemembering(
  contentDir: string,
  memory: ValidationMemory,
  options: ValidateOptions = {},
): ValidationResult {
  const cwd = options.cwd ?? process.cwd();
  return validateWithCache(contentDir, cwd, options, () => ({ store: memory, parse: 'all' })).result;
}

/** The steps both share: read, build the corpus, validate with the cache, save it. */
function validateWithCache(
  contentDir: string,
  cwd: string,
  options: Pick<ValidateOptions, 'config' | 'only' | 'parser' | 'reuse' | 'rules'>,
  how: (sources: CourseSources) => { store: CacheStore | undefined; parse: 'all' | 'when-needed' },
): { result: ValidationResult; cache: CheckCache; moduleOf: (file: string) => ModuleFile } {
  const config = configFor(contentDir, cwd, options);
  const sources = readSources(contentDir, cwd);
  const { store, parse } = how(sources);
  const cache = new CheckCache(store, sources.modules);
  const known = parse === 'when-needed' ? cache.known : undefined;
  const loaded = buildCorpus(sources, options.parser, options.reuse, known);
  const restore = cache.watch(loaded.corpus, sources.glossary ?? [], config.config);
  const result = validateRead(loaded, config, cwd, { ...options, moduleDiagnostics: cache.diagnostics });
  restore();
  cache.save(loaded.corpus);
  return { result, cache, moduleOf: loaded.moduleOf };
}

/** Cache files kept besides the one written: one per course folder and working directory. */
const KEEP = 16;

/**
 * Writes the cache whole, to a temporary file renamed into place (a reader never sees half of
 * it), then removes all but the most recent caches of other courses.
 */
function writeCache(path: string, header: Header, entries: Iterable<Entry>): void {
  try {
    const dir = dirname(path);
    mkdirSync(dir, { recursive: true });
    const lines = [JSON.stringify(header)];
    for (const entry of entries) lines.push(JSON.stringify(entry));
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${lines.join('\n')}\n`);
    renameSync(temporary, path);
    const others = readdirSync(dir)
      .filter((name) => name.endsWith('.ndjson') && join(dir, name) !== path)
      .map((name) => ({
        file: join(dir, name),
        mtime: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0,
      }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { file } of others.slice(KEEP)) rmSync(file, { force: true });
  } catch {
    // A cache that cannot be written costs the next run its speed, never its result.
  }
}
