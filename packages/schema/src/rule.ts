import type { Node } from 'unist';
import type { Cause, Diagnostic, Place, Severity } from './diagnostic.ts';
import { docsUrl, limitCauses } from './diagnostic.ts';
import type { ModuleBody } from './model.ts';
import type { FrontmatterBlock, ParsedFile } from './parse.ts';
import type { Frontmatter } from './schemas/module.ts';
import type { GlossaryTerm } from './schemas/glossary.ts';
import type { LearningPath } from './schemas/path.ts';
import { idOf, type ModuleFacts } from './facts.ts';

/** One module file as the rules see it. */
export interface ModuleFile {
  file: string;
  /** File name without `.md`. */
  name: string;
  parsed: ParsedFile;
  /** The validated frontmatter, or undefined when it failed the schema. */
  frontmatter: Frontmatter | undefined;
  /** The raw frontmatter object (possibly invalid), for rules that need one field. */
  raw: Record<string, unknown> | undefined;
  body: ModuleBody;
}

/** Everything a corpus rule can look at. */
export interface Corpus {
  root: string;
  /**
   * Modules parsed in this run: every module, except in a cached check (check-cache.ts), where
   * a module unchanged since the last run is known by its facts only.
   */
  modules: ModuleFile[];
  /** Every module's facts, in file-name order: what cross-module checks read. */
  facts: ModuleFacts[];
  /**
   * Where a module's `id` is written (its file's start when it has no frontmatter), for "same id
   * here": asked only of duplicates, as finding it in the YAML costs a careful parse.
   */
  idPlace: (module: ModuleFacts) => Place;
  glossary: Map<string, GlossaryTerm & { file: string }>;
  /** Glossary lookups by id, term and alias (lower case). */
  glossaryIndex: Map<string, string>;
  paths: (LearningPath & { file: string })[];
  /** Does a file exist, relative to the content root? (images) */
  exists: (relativeToContent: string) => boolean;
  /** Does the path exist and resolve, through a symbolic link, outside the content folder? */
  outside: (relativeToContent: string) => boolean;
}

export interface ReportOptions {
  hint?: string;
  /** Second places; only the first few are listed (see `limitCauses`). */
  causes?: Cause[];
  /** How many causes there are in all, when `causes` holds only the first few. */
  totalCauses?: number;
}

/** What a rule gets: the file under check, the whole corpus, and a reporter. */
export interface RuleContext {
  module: ModuleFile;
  corpus: Corpus;
  /** Report at a node of the body tree. */
  report: (node: Node | Place | undefined, message: string, options?: ReportOptions) => void;
  /** Report at a frontmatter key path (exact YAML node). */
  reportAt: (path: readonly PropertyKey[], message: string, options?: ReportOptions & { asKey?: boolean }) => void;
  /** The place of a frontmatter path, for causes. */
  placeOf: (path: readonly PropertyKey[]) => Place;
}

/** A validation rule: one file each, with a permanent kebab-case id. */
export interface Rule {
  id: string;
  /** Default severity; `frontline.config.json` can change it. */
  severity: Severity;
  /** One line: what the rule checks. */
  summary: string;
  /** Why it matters, for the author guide. */
  why: string;
  check(context: RuleContext): void;
}

/** The place of a unist node, or the start of the file. */
export function placeOfNode(node: Node | Place | undefined): Place {
  if (node && 'line' in node) return node;
  const p = node?.position;
  if (!p) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

/** A place covering only the first line of a node (long containers). */
export function firstLineOf(node: Node): Place {
  const p = placeOfNode(node);
  return p.endLine === p.line ? p : { ...p, endLine: p.line, endColumn: p.column + 3 };
}

/** Builds a diagnostic; used by the engine. */
export function makeDiagnostic(
  file: string,
  place: Place,
  rule: { id: string },
  severity: Severity,
  message: string,
  options: ReportOptions = {},
): Diagnostic {
  return {
    file,
    ...place,
    severity,
    ruleId: rule.id,
    message,
    ...(options.hint ? { hint: options.hint } : {}),
    url: docsUrl(rule.id),
    ...(options.causes?.length ? { causes: limitCauses(options.causes, options.totalCauses) } : {}),
  };
}

/** The frontmatter block's place helper, shared by rules. */
export type { FrontmatterBlock };

/** Facts about a corpus that many rules need, computed once per corpus. */
export interface CorpusIndex {
  /** Module ids (a module whose id cannot be read goes by its file name). */
  ids: Set<string>;
  /** Prerequisite graph: module id to its prerequisite ids. */
  prerequisites: Map<string, string[]>;
  /** Modules by file name (without .md). */
  byName: Map<string, ModuleFacts>;
  /** Modules by the id in their frontmatter. */
  byId: Map<string, ModuleFacts[]>;
}

const indexes = new WeakMap<Corpus, CorpusIndex>();

/** The corpus index, built on first use. */
export function indexOf(corpus: Corpus): CorpusIndex {
  let index = indexes.get(corpus);
  if (!index) {
    const ids = new Set<string>();
    const prerequisites = new Map<string, string[]>();
    const byId = new Map<string, ModuleFacts[]>();
    for (const m of corpus.facts) {
      // A module whose id cannot be read still exists, under its file name: no false
      // "unknown module" errors elsewhere while its own frontmatter is being fixed.
      const id = idOf(m);
      ids.add(id);
      if (m.prerequisites) prerequisites.set(id, m.prerequisites);
      if (m.id === undefined) continue;
      const same = byId.get(m.id);
      if (same) same.push(m);
      else byId.set(m.id, [m]);
    }
    index = { ids, prerequisites, byName: new Map(corpus.facts.map((m) => [m.name, m])), byId };
    indexes.set(corpus, index);
  }
  return index;
}
