import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { catalogueEntry } from './catalogue.ts';
import { loadConfig, type Config, type LoadedConfig, type RuleSetting } from './config.ts';
import { compareDiagnostics, docsUrl, FILE_START, type Cause, type Diagnostic, type Place } from './diagnostic.ts';
import { frontmatterDiagnostics } from './frontmatter-issues.ts';
import { factsOf, idOf, type ModuleFacts } from './facts.ts';
import type { Module } from './model.ts';
import { readBody } from './read-body.ts';
import { parseFile, parseWithSatteri, parseYamlFile, type FrontmatterBlock, type MarkdownParser } from './parse.ts';
import { makeDiagnostic, placeOfNode, type Corpus, type ModuleFile, type Rule, type RuleContext } from './rule.ts';
import { rules as allRules } from './rules/index.ts';
import { hiddenCharacters, rule as controlCharacters } from './rules/no-control-characters.ts';
import { FrontmatterSchema } from './schemas/module.ts';
import { GlossaryTermSchema, type GlossaryTerm } from './schemas/glossary.ts';
import { PathSchema, type LearningPath } from './schemas/path.ts';
import { placeWithin } from './yaml-place.ts';
import { checkPlans, type CheckedPlan } from './plans.ts';
import { suggest } from './suggest.ts';
import { resolvesOutside, SourceReader } from './read-source.ts';

export interface ValidateOptions {
  /** Where paths in diagnostics are relative to (default: the current directory). */
  cwd?: string;
  /** Only report on these module files (the corpus is still read whole, for cross-references). */
  only?: readonly string[];
  config?: Config;
  rules?: readonly Rule[];
  parser?: MarkdownParser;
  /**
   * Modules read by an earlier run (the dev server's last read): a file whose text is the same
   * is not parsed again. Rules still run over every module, so cross-module results are fresh.
   */
  reuse?: readonly ModuleFile[];
  /**
   * A module's diagnostics, given the way to compute them: a validation cache (check-cache.ts)
   * answers for a module it has seen unchanged, and stores what `check` returns otherwise.
   */
  moduleDiagnostics?: (facts: ModuleFacts, check: () => Diagnostic[]) => Diagnostic[];
}

export interface ValidationResult {
  /** Files checked (modules, paths, glossary terms). */
  files: number;
  diagnostics: Diagnostic[];
  /** Modules whose frontmatter is valid, in file-name order. */
  modules: Module[];
  corpus: Corpus;
  /** Delivery plans that passed their schema, with their schedules. */
  plans: CheckedPlan[];
  /** The text of a file read in this run, by display path (BOM removed), for code frames. */
  source: (file: string) => string | undefined;
  /** Files named in `only` that are not in the corpus (never read): the caller must not report them clean. */
  unread: string[];
}

/** Entries of a content folder named `*<extension>`, whatever they are: the reader checks each. */
function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension) && !name.startsWith('.'))
    .map((name) => join(dir, name))
    .sort();
}

/** Unwraps optional/default wrappers to the schema underneath. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  while ((current as { def?: { innerType?: unknown } } | undefined)?.def?.innerType)
    current = (current as { def: { innerType: unknown } }).def.innerType;
  return current;
}

/** Every key the schema knows at a path, for "did you mean" on unknown keys. */
function knownKeys(schema: z.ZodType) {
  return (path: readonly PropertyKey[]): string[] => {
    let current = unwrap(schema);
    for (const key of path) {
      const def = (current as { def: { type: string; element?: unknown; shape?: Record<string, unknown> } }).def;
      if (def.type === 'array' && typeof key === 'number') current = unwrap(def.element);
      else if (def.type === 'object' && def.shape) current = unwrap(def.shape[String(key)]);
      else return [];
    }
    const shape = (current as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape;
    return shape ? Object.keys(shape) : [];
  };
}

/** The texts of a content folder: modules, glossary, paths and plans, read but not parsed. */
export function readSources(contentDir: string, cwd: string = process.cwd()): CourseSources {
  const root = resolve(contentDir);
  const display = (file: string) => relative(cwd, file) || file;
  const reader = new SourceReader(root, display);
  const read = (dir: string, ext: string): SourceText[] =>
    reader.folder(dir).flatMap((folder) =>
      listFiles(folder, ext).flatMap((path) => {
        const text = reader.file(path);
        return text === undefined ? [] : [{ file: display(path), name: basename(path, ext), text }];
      }),
    );
  return {
    root,
    modules: read('modules', '.md'),
    glossary: read('glossary', '.yaml'),
    paths: read('paths', '.yaml'),
    plans: read('plans', '.yaml'),
    refused: reader.refused,
  };
}

/** Reads a whole content folder: modules, paths and glossary, parsed but not yet validated. */
export function loadCorpus(contentDir: string, options: Pick<ValidateOptions, 'cwd' | 'parser' | 'reuse'> = {}) {
  return buildCorpus(readSources(contentDir, options.cwd), options.parser, options.reuse);
}

/** A course's source texts in memory (see `readSources`). */
export interface CourseSources {
  root: string;
  modules: SourceText[];
  glossary?: SourceText[];
  paths?: SourceText[];
  plans?: SourceText[];
  /** Files (or folders) not read, each with the diagnostic that says why (see `SourceReader`). */
  refused?: Diagnostic[];
}

/** A source file in memory: its display path, its name without extension, its text. */
export interface SourceText {
  file: string;
  name: string;
  text: string;
}

/** Parses one module file and checks its frontmatter against the schema. */
function readModule(
  { file, name, text }: SourceText,
  parser: MarkdownParser,
): ModuleFile & { schemaIssues: z.core.$ZodIssue[] } {
  const parsed = parseFile(file, text, parser);
  const rawData = parsed.frontmatter?.data;
  const raw =
    rawData && typeof rawData === 'object' && !Array.isArray(rawData)
      ? (rawData as Record<string, unknown>)
      : undefined;
  // Empty frontmatter (`---` then `---`) is checked as an empty mapping: every required key is reported.
  const result =
    parsed.frontmatter && rawData == null && parsed.diagnostics.length === 0
      ? FrontmatterSchema.safeParse({})
      : raw
        ? FrontmatterSchema.safeParse(raw)
        : undefined;
  return {
    file,
    name,
    parsed,
    frontmatter: result?.success ? result.data : undefined,
    raw,
    body: readBody(parsed.tree),
    // Keys a YAML error made unreadable are reported once, by that error (no cascade).
    schemaIssues:
      result && !result.success
        ? result.error.issues.filter((issue) => !parsed.frontmatter?.damaged?.has(String(issue.path[0])))
        : [],
  };
}

/** Reads the glossary files: terms by id, and lookups by id, term and alias. */
function readGlossary(files: readonly SourceText[], preDiagnostics: Diagnostic[]) {
  const glossary = new Map<string, GlossaryTerm & { file: string }>();
  const glossaryIndex = new Map<string, string>();
  // Where a term or alias is first defined: its place is found only for a duplicate, as it needs
  // the careful YAML parse (a millisecond a file, on every run).
  const definedBy = new Map<string, { id: string; file: string; frontmatter: FrontmatterBlock; path: PropertyKey[] }>();
  for (const { file, name: id, text } of files) {
    const { data, frontmatter, diagnostics } = parseYamlFile(file, text);
    preDiagnostics.push(...diagnostics);
    if (!frontmatter || diagnostics.some((d) => d.severity === 'error')) continue;
    const result = GlossaryTermSchema.safeParse(data ?? {});
    if (!result.success) {
      preDiagnostics.push(
        ...frontmatterDiagnostics(
          file,
          frontmatter,
          result.error.issues,
          knownKeys(GlossaryTermSchema),
          'glossary-schema',
        ),
      );
      continue;
    }
    glossary.set(id, { ...result.data, id, file });
    glossaryIndex.set(id, id);
    const names: [string, PropertyKey[]][] = [
      [result.data.term, ['term']],
      ...result.data.aliases.map((alias, i): [string, PropertyKey[]] => [alias, ['aliases', i]]),
    ];
    for (const [name, path] of names) {
      const key = name.toLowerCase();
      const first = definedBy.get(key);
      // The first file (in name order) keeps the term; a later one would silently replace it.
      if (first && first.id !== id) {
        preDiagnostics.push({
          file,
          ...placeWithin(frontmatter, path),
          severity: 'error',
          ruleId: 'glossary-schema',
          message: `Unexpected ${path[0] === 'term' ? 'term' : 'alias'} \`${name}\` already defined in \`${first.id}\`, expected each term and alias in one glossary file only`,
          hint: 'Merge the two definitions into one file, or give this one a different term.',
          url: docsUrl('glossary-schema'),
          causes: [{ file: first.file, ...placeWithin(first.frontmatter, first.path), message: 'first defined here' }],
        });
        continue;
      }
      if (!first) definedBy.set(key, { id, file, frontmatter, path });
      glossaryIndex.set(key, id);
    }
  }

  return { glossary, glossaryIndex };
}

/** Reads the learning path files, checking that each names existing modules and its own file name. */
function readPaths(pathFiles: readonly SourceText[], modules: readonly ModuleFacts[], preDiagnostics: Diagnostic[]) {
  const paths: (LearningPath & { file: string })[] = [];
  const ids = new Set(modules.map((m) => m.name));
  for (const { file, name: pathName, text } of pathFiles) {
    const { data, frontmatter, diagnostics } = parseYamlFile(file, text);
    preDiagnostics.push(...diagnostics);
    if (!frontmatter || diagnostics.some((d) => d.severity === 'error')) continue;
    const result = PathSchema.safeParse(data ?? {});
    if (!result.success) {
      preDiagnostics.push(
        ...frontmatterDiagnostics(file, frontmatter, result.error.issues, knownKeys(PathSchema), 'path-schema'),
      );
      continue;
    }
    result.data.modules.forEach((id, i) => {
      if (ids.has(id)) return;
      const close = suggest(id, [...ids]);
      preDiagnostics.push({
        file,
        ...placeWithin(frontmatter, ['modules', i]),
        severity: 'error',
        ruleId: 'path-schema',
        message: `Unexpected module \`${id}\` in a path, expected the id of an existing module`,
        hint: close ? `Did you mean \`${close}\`?` : 'Check the id in content/modules/.',
        url: docsUrl('path-schema'),
      });
    });
    if (result.data.id !== pathName) {
      preDiagnostics.push({
        file,
        ...placeWithin(frontmatter, ['id']),
        severity: 'error',
        ruleId: 'path-schema',
        message: `Unexpected id \`${result.data.id}\`, expected \`${pathName}\` to match the file name`,
        hint: `Set \`id: ${pathName}\`.`,
        url: docsUrl('path-schema'),
      });
    }
    paths.push({ ...result.data, file });
  }
  return paths;
}

/** Builds a corpus from texts in memory (the folder reader and tests both use this). */
export function buildCorpus(
  sources: CourseSources,
  parser: MarkdownParser = parseWithSatteri,
  reuse: readonly ModuleFile[] = [],
  /** The facts of a module known unchanged since a cached run: that module is parsed only if asked for. */
  known: (source: SourceText) => ModuleFacts | undefined = () => undefined,
) {
  const root = sources.root;
  const preDiagnostics: Diagnostic[] = [...(sources.refused ?? [])];

  const earlier = new Map(reuse.map((m) => [m.file, m]));
  const parse = (source: SourceText): ModuleFile => {
    const same = earlier.get(source.file);
    return same && same.name === source.name && same.parsed.text === source.text ? same : readModule(source, parser);
  };
  const modules: ModuleFile[] = [];
  const parsed = new Map<string, ModuleFile>();
  const facts = sources.modules.map((source) => {
    const cached = known(source);
    if (cached) return cached;
    const module = parse(source);
    modules.push(module);
    parsed.set(source.file, module);
    return factsOf(module);
  });
  const unparsed = new Map(sources.modules.filter((s) => !parsed.has(s.file)).map((s) => [s.file, s]));
  /** The parsed module of a file in the corpus, parsing it now if it was known only by its facts. */
  const moduleOf = (file: string): ModuleFile => {
    let module = parsed.get(file);
    if (!module) {
      module = parse(unparsed.get(file)!);
      parsed.set(file, module);
      modules.push(module);
    }
    return module;
  };

  const { glossary, glossaryIndex } = readGlossary(sources.glossary ?? [], preDiagnostics);
  const pathFiles = sources.paths ?? [];
  const paths = readPaths(pathFiles, facts, preDiagnostics);
  paths.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

  const corpus: Corpus = {
    root,
    modules,
    facts,
    idPlace(facts) {
      const block = moduleOf(facts.file).parsed.frontmatter;
      return block ? placeWithin(block, ['id']) : { ...FILE_START };
    },
    glossary,
    glossaryIndex,
    paths,
    exists: (p) => existsSync(join(root, p)),
    outside: (p) => resolvesOutside(root, join(root, p)),
  };
  const planFiles = sources.plans ?? [];
  const texts = new Map(
    [sources.modules, sources.glossary ?? [], pathFiles, planFiles].flatMap((list) =>
      list.map((s): [string, string] => [s.file, s.text.charCodeAt(0) === 0xfeff ? s.text.slice(1) : s.text]),
    ),
  );
  const dataFiles = new Map(
    [sources.glossary ?? [], pathFiles, planFiles].flatMap((list) =>
      list.map((s): [string, string] => [s.file, texts.get(s.file)!]),
    ),
  );
  // A refused file was looked at (its diagnostic says why it was not read): never "not checked".
  const sourceFiles = new Set([...texts.keys(), ...(sources.refused ?? []).map((d) => d.file)]);
  return {
    corpus,
    moduleOf,
    planFiles,
    sourceFiles,
    texts,
    dataFiles,
    files: facts.length + (sources.glossary?.length ?? 0) + pathFiles.length + planFiles.length,
    preDiagnostics,
  };
}

const moduleKnownKeys = knownKeys(FrontmatterSchema);

/**
 * Validates a content folder: every module, path and glossary term, every rule, all
 * problems in one run. A rule that throws on one file becomes an `internal-error`
 * diagnostic for that file; the other files and rules still run.
 */
export function validateContent(contentDir: string, options: ValidateOptions = {}): ValidationResult {
  const cwd = options.cwd ?? process.cwd();
  return validateRead(loadCorpus(contentDir, options), configFor(contentDir, cwd, options), cwd, options);
}

/** The configuration a check of `contentDir` runs with: the one given, else the folder's, with its problems. */
export function configFor(contentDir: string, cwd: string, options: Pick<ValidateOptions, 'config'>): LoadedConfig {
  return options.config ? { config: options.config, diagnostics: [] } : loadConfig(contentDir, cwd);
}

/**
 * Validates a corpus read from a content folder under its configuration: `only` is taken from
 * `cwd` to display paths, and the configuration's own problems come first.
 */
export function validateRead(
  loaded: ReturnType<typeof buildCorpus>,
  { config, diagnostics }: LoadedConfig,
  cwd: string,
  options: ValidateOptions,
): ValidationResult {
  const result = validateCorpus(loaded, {
    ...options,
    config,
    ...(options.only ? { only: options.only.map((f) => relative(cwd, resolve(cwd, f))) } : {}),
  });
  // Configuration problems come first: they change what every other line means.
  result.diagnostics.unshift(...diagnostics);
  return result;
}

/** Runs every enabled rule on one module; a rule that throws becomes an `internal-error` there. */
function runRules(
  module: ModuleFile,
  corpus: Corpus,
  ruleList: readonly Rule[],
  severityOf: (rule: Rule) => Diagnostic['severity'],
  enabled: (id: string) => boolean,
  diagnostics: Diagnostic[],
): void {
  const fm = module.parsed.frontmatter!;
  for (const rule of ruleList) {
    if (!enabled(rule.id)) continue;
    const severity = severityOf(rule);
    const context: RuleContext = {
      module,
      corpus,
      report(node, message, opts) {
        diagnostics.push(makeDiagnostic(module.file, placeOfNode(node), rule, severity, message, opts));
      },
      reportAt(path, message, opts) {
        diagnostics.push(
          makeDiagnostic(module.file, placeWithin(fm, path, opts?.asKey ?? false), rule, severity, message, opts),
        );
      },
      placeOf: (path): Place => placeWithin(fm, path),
    };
    try {
      rule.check(context);
    } catch (error) {
      diagnostics.push({
        file: module.file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        ruleId: 'internal-error',
        message: `Unexpected failure in rule \`${rule.id}\`: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'This is a bug in Frontline, not necessarily in your module: please report it with this file attached.',
        url: docsUrl('internal-error'),
      });
    }
  }
}

/** How the configuration sets each check: its setting, its severity, whether it runs. */
interface Settings {
  setting: (id: string) => RuleSetting | undefined;
  severityOf: (rule: { id: string; severity: Diagnostic['severity'] }) => Diagnostic['severity'];
  enabled: (id: string) => boolean;
}

/** Every diagnostic of one module: its syntax problems, its frontmatter schema, then its rules. */
function checkOneModule(
  module: ModuleFile,
  corpus: Corpus,
  ruleList: readonly Rule[],
  { setting, severityOf, enabled }: Settings,
  diagnostics: Diagnostic[],
): void {
  const { parsed } = module;
  for (const d of parsed.diagnostics)
    if (enabled(d.ruleId))
      diagnostics.push({ ...d, severity: setting(d.ruleId) === 'warning' ? 'warning' : d.severity });
  const fm = parsed.frontmatter;
  const issues = (module as ModuleFile & { schemaIssues: z.core.$ZodIssue[] }).schemaIssues;
  if (fm && issues.length && enabled('frontmatter-schema')) {
    const severity = severityOf({ id: 'frontmatter-schema', severity: 'error' });
    for (const d of frontmatterDiagnostics(module.file, fm, issues, moduleKnownKeys))
      diagnostics.push({ ...d, severity: severity });
  }
  if (fm && fm.data !== undefined && fm.data !== null && !module.raw) {
    diagnostics.push({
      file: module.file,
      ...placeWithin(fm, []),
      severity: 'error',
      ruleId: 'frontmatter-schema',
      message: `Unexpected frontmatter that is ${Array.isArray(fm.data) ? 'a list' : `the value \`${JSON.stringify(fm.data)}\``}, expected \`key: value\` lines`,
      hint: 'Write the frontmatter as keys and values, one per line: `id: my-module`, `title: …`.',
      url: docsUrl('frontmatter-schema'),
    });
  }
  // A file whose frontmatter cannot be read gets only its syntax errors (no cascade).
  if (!fm || fm.data === undefined || !module.raw) return;

  runRules(module, corpus, ruleList, severityOf, enabled, diagnostics);
}

/**
 * When only some files are checked, a plan among them that cannot schedule a broken module
 * (outside the files named) still fails the run: the module's first error is reported, and the
 * plan's place becomes its cause. Never "no problems" for a plan that cannot be printed.
 */
function blockingErrors(
  corpus: Corpus,
  blocked: ReadonlyMap<string, Cause[]>,
  only: readonly string[],
  diagnosticsOf: (module: ModuleFacts) => Diagnostic[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, causes] of blocked) {
    if (!causes.some((c) => only.includes(c.file))) continue;
    const module = corpus.facts.find((m) => idOf(m) === id);
    if (!module || only.includes(module.file)) continue;
    const first = diagnosticsOf(module)
      .filter((d) => d.severity === 'error')
      .sort(compareDiagnostics)[0];
    if (first) out.push(first);
  }
  return out;
}

/** Validates an already-read corpus (see `loadCorpus`, `buildCorpus`). `only` holds display paths. */
export function validateCorpus(
  loaded: ReturnType<typeof buildCorpus>,
  options: ValidateOptions = {},
): ValidationResult {
  const config = options.config ?? { rules: {} };
  const ruleList = options.rules ?? allRules;
  const { corpus } = loaded;
  const only = options.only;
  const diagnostics: Diagnostic[] = [];
  if (!only) diagnostics.push(...loaded.preDiagnostics);
  else diagnostics.push(...loaded.preDiagnostics.filter((d) => only.includes(d.file)));

  // Locked checks (the engine's, and the audience guards) keep their severity whatever the config says.
  const setting = (id: string) => (catalogueEntry(id)?.locked ? undefined : config.rules[id]);
  const severityOf = (rule: { id: string; severity: Diagnostic['severity'] }) =>
    (setting(rule.id) ?? rule.severity) as Diagnostic['severity'];
  const enabled = (id: string) => setting(id) !== 'off';

  const check = (facts: ModuleFacts) => (): Diagnostic[] => {
    const out: Diagnostic[] = [];
    checkOneModule(loaded.moduleOf(facts.file), corpus, ruleList, { setting, severityOf, enabled }, out);
    return out;
  };
  const memo = new Map<string, Diagnostic[]>();
  const diagnosticsOf = (facts: ModuleFacts): Diagnostic[] => {
    let found = memo.get(facts.file);
    if (!found) {
      found = options.moduleDiagnostics ? options.moduleDiagnostics(facts, check(facts)) : check(facts)();
      memo.set(facts.file, found);
    }
    return found;
  };
  for (const facts of corpus.facts) if (!only || only.includes(facts.file)) diagnostics.push(...diagnosticsOf(facts));

  const checked = checkPlans(corpus, loaded.planFiles, (rule, fallback) => setting(rule) ?? fallback);
  diagnostics.push(...(only ? checked.diagnostics.filter((d) => only.includes(d.file)) : checked.diagnostics));
  if (only) diagnostics.push(...blockingErrors(corpus, checked.blocked, only, diagnosticsOf));
  attachBlockedPlans(corpus, diagnostics, checked.blocked);
  if (ruleList.includes(controlCharacters))
    diagnostics.push(...dataFileCharacters(loaded.dataFiles, only, severityOf, enabled));

  const modules = corpus.modules.flatMap((m) => moduleModel(m) ?? []);
  diagnostics.sort(compareDiagnostics);
  const unread = only ? only.filter((file) => !loaded.sourceFiles.has(file)) : [];
  return {
    files: only ? only.length : loaded.files,
    diagnostics,
    modules,
    corpus,
    plans: checked.plans,
    unread,
    source: (file) => loaded.texts.get(file),
  };
}

/** The model of a module whose frontmatter is valid (what the views read), else undefined. */
export function moduleModel(m: ModuleFile): Module | undefined {
  if (!m.frontmatter) return undefined;
  return { id: m.frontmatter.id, file: m.file, frontmatter: m.frontmatter, body: m.body, tree: m.parsed.tree };
}

/**
 * `no-control-characters` in the data files (paths, glossary terms, plans): they are read by the
 * engine, not by module rules, yet their text reaches every page, document and package too.
 */
function dataFileCharacters(
  files: ReadonlyMap<string, string>,
  only: readonly string[] | undefined,
  severityOf: Settings['severityOf'],
  enabled: Settings['enabled'],
): Diagnostic[] {
  const id = controlCharacters.id;
  if (!enabled(id)) return [];
  const severity = severityOf(controlCharacters);
  const out: Diagnostic[] = [];
  for (const [file, text] of files) {
    if (only && !only.includes(file)) continue;
    for (const { place, message, hint } of hiddenCharacters(text))
      out.push(makeDiagnostic(file, place, controlCharacters, severity, message, { hint }));
  }
  return out;
}

/** A plan that cannot schedule a module with errors becomes a cause of that module's first error. */
function attachBlockedPlans(corpus: Corpus, diagnostics: Diagnostic[], blocked: ReadonlyMap<string, Cause[]>): void {
  for (const [id, causes] of blocked) {
    const module = corpus.facts.find((m) => idOf(m) === id);
    const root = module && diagnostics.find((d) => d.file === module.file && d.severity === 'error');
    if (root) root.causes = [...(root.causes ?? []), ...causes];
  }
}
