import type { Severity } from './diagnostic.ts';
import { PLAN_RULES } from './plans.ts';
import { rules } from './rules/index.ts';

/** What produces a diagnostic id: a module rule, the engine itself, or a plan rule. */
export type CheckKind = 'module-rule' | 'engine' | 'plan-rule';

/** One entry of the rule catalogue: every id a diagnostic can carry. */
export interface CatalogueEntry {
  id: string;
  kind: CheckKind;
  severity: Severity;
  summary: string;
  why: string;
  /**
   * Why the configuration cannot lower or turn off this check: `audience` for the rules that
   * keep facilitator material out of learner and participant outputs, `engine` for checks
   * without which nothing else can be checked. Undefined: configurable.
   */
  locked?: 'audience' | 'engine' | 'security';
  /** Has `test/fixtures/<id>/{ok,not-ok}.md` and a worked example in the author guide. */
  fixtures: boolean;
}

/** The engine's own checks: reported by the parser and the schema, not by a rule file. */
const ENGINE: readonly Omit<CatalogueEntry, 'kind' | 'severity' | 'locked'>[] = [
  {
    id: 'yaml-syntax',
    summary: 'The frontmatter is readable YAML between two `---` lines.',
    why: 'Nothing else about a module can be checked until its frontmatter can be read.',
    fixtures: true,
  },
  {
    id: 'frontmatter-schema',
    summary: 'The frontmatter has every required key, no unknown key, and values of the right kind.',
    why: 'The site, the guides and the planner all read these fields; a missing or misspelt one breaks them.',
    fixtures: true,
  },
  {
    id: 'path-schema',
    summary: 'A learning path file (`paths/*.yaml`) has every required key and names existing modules.',
    why: 'The site lists paths in order and links each module; a wrong id is a dead link.',
    fixtures: false,
  },
  {
    id: 'glossary-schema',
    summary:
      'A glossary file (`glossary/*.yaml`) has a term and a definition, and no term or alias that another glossary file defines.',
    why: 'Terms are linked from every module that uses them; a term defined twice would silently take one of the two definitions.',
    fixtures: false,
  },
  {
    id: 'config-schema',
    summary: '`frontline.config.json` is valid JSON naming known rules with `error`, `warning` or `off`.',
    why: 'A mistyped setting would otherwise be ignored without a word.',
    fixtures: false,
  },
  {
    id: 'file-too-large',
    summary: 'A course file is at most 2 MB (checked before it is read).',
    why: 'Larger files are authoring accidents; reading them would slow or stop every build.',
    fixtures: false,
  },
  {
    id: 'file-encoding',
    summary: 'Every course file is UTF-8 text.',
    why: 'Bytes in another encoding turn into `�` on every page and in every printed copy.',
    fixtures: false,
  },
  {
    id: 'unreadable-file',
    summary: 'Course folders hold files, and `modules/`, `paths/`, `glossary/` and `plans/` are folders.',
    why: 'A folder named like a module, a broken link or a file where a folder belongs cannot be checked.',
    fixtures: false,
  },
  {
    id: 'internal-error',
    summary: 'Frontline itself failed on a file: a bug to report, not a problem in the module.',
    why: 'The rest of the course is still checked; the run exits 2 so the failure is not mistaken for content.',
    fixtures: false,
  },
];

/**
 * The rules that keep facilitator-only material out of learner and participant outputs: a
 * block in the wrong place (a handout inside a facilitator note) or a block left open (which
 * swallows the rest of the file). Configuration cannot make them warnings or turn them off.
 */
export const AUDIENCE_GUARDS: ReadonlySet<string> = new Set(['no-unknown-directive', 'no-unclosed-directive']);

/** Rules that keep files outside the course from being read or published: never lowered either. */
export const SECURITY_GUARDS: ReadonlySet<string> = new Set(['no-link-outside-course']);

/** Every id a diagnostic can carry, with its default severity and documentation. */
export const catalogue: readonly CatalogueEntry[] = [
  ...ENGINE.map((e): CatalogueEntry => ({ ...e, kind: 'engine', severity: 'error', locked: 'engine' })),
  ...rules.map((r): CatalogueEntry => ({
    id: r.id,
    kind: 'module-rule',
    severity: r.severity,
    summary: r.summary,
    why: r.why,
    fixtures: true,
    ...(AUDIENCE_GUARDS.has(r.id) ? { locked: 'audience' as const } : {}),
    ...(SECURITY_GUARDS.has(r.id) ? { locked: 'security' as const } : {}),
  })),
  ...Object.entries(PLAN_RULES).map(([id, r]): CatalogueEntry => ({
    id,
    kind: 'plan-rule',
    severity: r.severity,
    summary: r.summary,
    why: '',
    fixtures: false,
    ...(id === 'plan-schema' ? { locked: 'engine' as const } : {}),
  })),
];

const byId = new Map(catalogue.map((entry) => [entry.id, entry]));

/** The catalogue entry of an id, or undefined for an id that does not exist. */
export const catalogueEntry = (id: string): CatalogueEntry | undefined => byId.get(id);
