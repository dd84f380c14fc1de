import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { walk } from './model.ts';
import type { ModuleFile } from './rule.ts';
import type { SchedulableModule } from './schedule.ts';

/**
 * What a module shows the rest of the course: everything another module's rules, a path or a
 * delivery plan may look at. Cross-module checks read these facts and never another module's
 * tree, so a module whose text did not change need not be parsed again to check its neighbours
 * (see check-cache.ts). Plain data: it is written to the validation cache as JSON.
 */
export interface ModuleFacts {
  file: string;
  /** File name without `.md`. */
  name: string;
  /** The frontmatter's `id` when it is a string, read even when the frontmatter fails its schema. */
  id: string | undefined;
  /** The string entries of the frontmatter's `prerequisites`, when it is a list. */
  prerequisites: string[] | undefined;
  /** Anchors of its page: headings and segment titles, slugged as the site slugs them. */
  anchors: string[];
  /** What a delivery plan needs, present when the frontmatter is valid. */
  plan: PlanFacts | undefined;
}

/** A valid module as a delivery plan sees it. */
export interface PlanFacts extends SchedulableModule {
  prerequisites: string[];
  audience: string[];
  contentNote: boolean;
}

/** Anchors every module page has, whatever its headings. */
const FIXED_ANCHORS = ['objectives', 'agenda', 'knowledge-check', 'takeaways', 'handouts', 'glossary-terms'];

function anchorsOf(module: ModuleFile): string[] {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(module.parsed.tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    if (node.type === 'leafDirective' && node.name === 'segment') anchors.add(slugger.slug(toString(node)));
  });
  for (const fixed of FIXED_ANCHORS) anchors.add(fixed);
  return [...anchors];
}

const memo = new WeakMap<ModuleFile, ModuleFacts>();

/** The facts of a parsed module (computed once per module). */
export function factsOf(module: ModuleFile): ModuleFacts {
  let facts = memo.get(module);
  if (facts) return facts;
  const { raw, frontmatter: fm } = module;
  facts = {
    file: module.file,
    name: module.name,
    id: typeof raw?.id === 'string' ? raw.id : undefined,
    prerequisites: Array.isArray(raw?.prerequisites)
      ? raw.prerequisites.filter((p): p is string => typeof p === 'string')
      : undefined,
    anchors: anchorsOf(module),
    plan: fm && {
      id: fm.id,
      title: fm.title,
      prerequisites: fm.prerequisites,
      audience: fm.audience,
      contentNote: Boolean(fm.contentNote),
      segments: module.body.segments.map((s) => ({ title: s.title, minutes: s.minutes ?? 0 })),
    },
  };
  memo.set(module, facts);
  return facts;
}

/** The id a module goes by: its frontmatter's, or its file name while that cannot be read. */
export const idOf = (facts: ModuleFacts): string => facts.id ?? facts.name;
