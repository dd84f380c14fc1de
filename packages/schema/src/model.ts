import type { List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Frontmatter } from './schemas/module.ts';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Segment methods: how a timed part of the session is run. */
export const METHODS = [
  'presentation',
  'discussion',
  'role-play',
  'exercise',
  'case-study',
  'reflection',
  'check',
  'demonstration',
  'break',
] as const;

/** Every directive the module format knows, with where it may appear and who sees it. */
export const DIRECTIVES = {
  segment: { kind: 'leafDirective', parents: ['root'], audience: 'all' },
  facilitator: {
    kind: 'containerDirective',
    parents: ['root', 'roleplay', 'discussion', 'case'],
    audience: 'facilitator',
  },
  case: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  discussion: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  expected: { kind: 'containerDirective', parents: ['discussion'], audience: 'facilitator' },
  roleplay: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  role: { kind: 'containerDirective', parents: ['roleplay'], audience: 'all' },
  observer: { kind: 'containerDirective', parents: ['roleplay'], audience: 'all' },
  debrief: { kind: 'containerDirective', parents: ['roleplay'], audience: 'facilitator' },
  reflection: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  handout: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  'writing-space': { kind: 'leafDirective', parents: ['handout', 'reflection'], audience: 'all' },
  check: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  question: { kind: 'leafDirective', parents: ['check'], audience: 'all' },
  takeaways: { kind: 'containerDirective', parents: ['root'], audience: 'all' },
  term: { kind: 'textDirective', parents: ['*'], audience: 'all' },
} as const satisfies Record<
  string,
  { kind: Directive['type']; parents: readonly string[]; audience: 'all' | 'facilitator' }
>;

export type DirectiveName = keyof typeof DIRECTIVES;
/** Directives whose content only facilitators see. */
export const FACILITATOR_ONLY: ReadonlySet<string> = new Set(
  Object.entries(DIRECTIVES)
    .filter(([, d]) => d.audience === 'facilitator')
    .map(([name]) => name),
);

export interface Segment {
  index: number;
  title: string;
  minutes: number | undefined;
  method: string | undefined;
  node: LeafDirective;
  /** Top-level nodes from this segment's marker up to the next one. */
  children: RootContent[];
}

export interface CheckOption {
  text: string;
  correct: boolean;
  node: ListItem;
}

export interface Question {
  stem: string;
  objective: string | undefined;
  node: LeafDirective;
  options: CheckOption[];
  optionLists: List[];
  reasons: Paragraph[];
  /** Other content between the stem and the reason. */
  extra: RootContent[];
}

export interface KnowledgeCheck {
  node: ContainerDirective;
  questions: Question[];
}

export type ActivityKind = 'discussion' | 'roleplay' | 'reflection' | 'case' | 'handout';

export interface Activity {
  kind: ActivityKind;
  title: string;
  node: ContainerDirective;
  objectives: string[];
  segment: Segment | undefined;
}

/** The structure of a module body, derived from its tree (no validation here). */
export interface ModuleBody {
  intro: RootContent[];
  segments: Segment[];
  activities: Activity[];
  checks: KnowledgeCheck[];
  takeaways: ContainerDirective[];
  facilitatorNotes: ContainerDirective[];
  terms: TextDirective[];
}

/** A module: frontmatter (when valid), body structure and tree. */
export interface Module {
  id: string;
  file: string;
  frontmatter: Frontmatter;
  body: ModuleBody;
  tree: Root;
}

const isDirective = (node: Nodes): node is Directive =>
  node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';

/** Text of a container directive's `[label]`, or of a leaf directive's content. */
export function labelOf(node: Directive): string {
  if (node.type === 'containerDirective') {
    const first = node.children[0];
    if (first?.type === 'paragraph' && first.data?.directiveLabel) return toString(first).trim();
    return '';
  }
  return toString(node).trim();
}

/** Is `node` a `:::facilitator[Label]` note whose label is `label` (lower case; any case in the file)? */
export function isFacilitatorNote(node: RootContent, label: string): node is ContainerDirective {
  return node.type === 'containerDirective' && node.name === 'facilitator' && labelOf(node).toLowerCase() === label;
}

/** Children of a container directive without its label paragraph. */
export function contentOf(node: ContainerDirective): ContainerDirective['children'] {
  const first = node.children[0];
  return first?.type === 'paragraph' && first.data?.directiveLabel ? node.children.slice(1) : node.children;
}

/** Whole-number attribute, or undefined when absent or not a whole number. */
export function intAttribute(node: Directive, name: string): number | undefined {
  const raw = node.attributes?.[name];
  if (raw == null || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Space- or comma-separated list attribute. */
export function listAttribute(node: Directive, name: string): string[] {
  const raw = node.attributes?.[name];
  return raw ? raw.split(/[\s,]+/).filter(Boolean) : [];
}

/** Walks every node under `node` (depth first), with its nearest directive ancestor's name. */
export function walk(
  node: Nodes,
  visit: (node: Nodes, parentDirective: string) => void,
  parentDirective = 'root',
): void {
  visit(node, parentDirective);
  if ('children' in node) {
    const inside = isDirective(node) && node.type !== 'textDirective' ? node.name : parentDirective;
    for (const child of node.children as Nodes[]) walk(child, visit, inside);
  }
}

const REASON = /^\s*reason\s*:/i;

function readCheck(node: ContainerDirective): KnowledgeCheck {
  const questions: Question[] = [];
  let current: Question | undefined;
  for (const child of contentOf(node)) {
    if (child.type === 'leafDirective' && child.name === 'question') {
      current = {
        stem: labelOf(child),
        objective: child.attributes?.objective?.trim() || undefined,
        node: child,
        options: [],
        optionLists: [],
        reasons: [],
        extra: [],
      };
      questions.push(current);
    } else if (!current) {
      continue;
    } else if (child.type === 'list' && child.children.some((item) => typeof item.checked === 'boolean')) {
      current.optionLists.push(child);
      for (const item of child.children)
        current.options.push({ text: toString(item).trim(), correct: item.checked === true, node: item });
    } else if (child.type === 'paragraph' && REASON.test(toString(child))) {
      current.reasons.push(child);
    } else {
      current.extra.push(child);
    }
  }
  return { node, questions };
}

/** Derives the module structure (segments, activities, checks…) from a parsed body. */
export function readBody(tree: Root): ModuleBody {
  const body: ModuleBody = {
    intro: [],
    segments: [],
    activities: [],
    checks: [],
    takeaways: [],
    facilitatorNotes: [],
    terms: [],
  };
  let segment: Segment | undefined;
  for (const child of tree.children) {
    if (child.type === 'leafDirective' && child.name === 'segment') {
      segment = {
        index: body.segments.length,
        title: labelOf(child),
        minutes: intAttribute(child, 'minutes'),
        method: child.attributes?.method?.trim() || undefined,
        node: child,
        children: [],
      };
      body.segments.push(segment);
      continue;
    }
    if (segment) segment.children.push(child);
    else body.intro.push(child);
  }

  for (const { node } of nodesOfType(tree, 'textDirective')) if (node.name === 'term') body.terms.push(node);
  for (const { node } of nodesOfType(tree, 'containerDirective')) {
    switch (node.name) {
      case 'discussion':
      case 'roleplay':
      case 'reflection':
      case 'case':
      case 'handout':
        body.activities.push({
          kind: node.name,
          title: labelOf(node),
          node,
          objectives: listAttribute(node, 'objectives'),
          segment: body.segments.find((s) => s.children.includes(node)),
        });
        break;
      case 'check':
        body.checks.push(readCheck(node));
        break;
      case 'takeaways':
        body.takeaways.push(node);
        break;
      case 'facilitator':
        body.facilitatorNotes.push(node);
        break;
      default:
        break;
    }
  }
  return body;
}

/** Every node of a tree by type, with its nearest directive ancestor: one walk per tree. */
export type NodeIndex = Map<string, { node: Nodes; parent: string }[]>;

const nodeIndexes = new WeakMap<Root, NodeIndex>();

/** The nodes of `tree` of one type (walked once per tree, then reused by every rule). */
export function nodesOfType<T extends Nodes['type']>(
  tree: Root,
  type: T,
): { node: Extract<Nodes, { type: T }>; parent: string }[] {
  let index = nodeIndexes.get(tree);
  if (!index) {
    const built: NodeIndex = new Map();
    walk(tree, (node, parent) => {
      let list = built.get(node.type);
      if (!list) built.set(node.type, (list = []));
      list.push({ node, parent });
    });
    nodeIndexes.set(tree, built);
    index = built;
  }
  return (index.get(type) ?? []) as { node: Extract<Nodes, { type: T }>; parent: string }[];
}
