import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
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

/**
 * Who reads an output. Every element of a module body says which readers may see it, and a view
 * for one reader keeps exactly those elements (views/project.ts): the only place where that is
 * decided. ("Audience" is the frontmatter's word for the job roles a module is for.)
 *
 * - `learner`: studies on the course site or in an LMS (answers only after trying; role briefs
 *   each behind its own disclosure);
 * - `participant`: holds the printed handout in a workshop (no answers, no role briefs);
 * - `facilitator`: runs the workshop (everything);
 * - `role-holder`: plays one role in a role-play (their own card, and the observer sheet).
 */
export type Reader = 'learner' | 'participant' | 'facilitator' | 'role-holder';

/** Everyone who reads the course. */
export const EVERYONE: readonly Reader[] = ['learner', 'participant', 'facilitator', 'role-holder'];
/** Facilitator-only material: notes, expected answers, debriefs. */
export const FACILITATORS: readonly Reader[] = ['facilitator'];
/** A role brief: its holder, the facilitator, and a self-study learner who opens it on purpose. */
export const ROLE_HOLDERS: readonly Reader[] = ['role-holder', 'learner', 'facilitator'];
/** The answer to a knowledge check (correct options, reason): never printed for participants. */
export const ANSWER_READERS: readonly Reader[] = ['learner', 'facilitator'];
/**
 * How to do a workshop activity alone (`:::self-study`): only for the learner, who studies on
 * their own. Participants are in the room, and a facilitator runs the activity with the group, so
 * in their guides, handouts and speaker notes it would be noise; trainers who want it read the
 * learner page, which the trainers' site has too.
 */
export const SELF_STUDY_READERS: readonly Reader[] = ['learner'];

/** Every directive the module format knows, with where it may appear and who may see it. */
export const DIRECTIVES = {
  segment: { kind: 'leafDirective', parents: ['root'], readers: EVERYONE },
  facilitator: {
    kind: 'containerDirective',
    parents: ['root', 'roleplay', 'discussion', 'case'],
    readers: FACILITATORS,
  },
  case: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  discussion: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  expected: { kind: 'containerDirective', parents: ['discussion'], readers: FACILITATORS },
  roleplay: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  role: { kind: 'containerDirective', parents: ['roleplay'], readers: ROLE_HOLDERS },
  observer: { kind: 'containerDirective', parents: ['roleplay'], readers: EVERYONE },
  debrief: { kind: 'containerDirective', parents: ['roleplay'], readers: FACILITATORS },
  // How to do a role-play or a group discussion alone; the learner view writes a plain line where it is missing.
  'self-study': { kind: 'containerDirective', parents: ['roleplay', 'discussion'], readers: SELF_STUDY_READERS },
  reflection: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  handout: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  'writing-space': { kind: 'leafDirective', parents: ['handout', 'reflection'], readers: EVERYONE },
  check: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  question: { kind: 'leafDirective', parents: ['check'], readers: EVERYONE },
  takeaways: { kind: 'containerDirective', parents: ['root'], readers: EVERYONE },
  // What the presenter view puts on a slide; learner pages and handouts show it as ordinary text.
  screen: {
    kind: 'containerDirective',
    parents: ['root', 'case', 'discussion', 'roleplay', 'reflection'],
    readers: EVERYONE,
  },
  term: { kind: 'textDirective', parents: ['*'], readers: EVERYONE },
} as const satisfies Record<
  string,
  { kind: Directive['type']; parents: readonly string[]; readers: readonly Reader[] }
>;

export type DirectiveName = keyof typeof DIRECTIVES;
/** Directives whose content only facilitators see. */
export const FACILITATOR_ONLY: ReadonlySet<string> = new Set(
  Object.entries(DIRECTIVES)
    .filter(([, d]) => d.readers === FACILITATORS)
    .map(([name]) => name),
);

interface ElementBase {
  /** Who may see this element (already narrowed by every element it sits in). */
  readers: readonly Reader[];
}

/** Markdown prose: a paragraph, heading, list, table, quote, code block or rule (mdast, with its place). */
export interface ProseElement extends ElementBase {
  kind: 'prose';
  node: RootContent;
}

/** Ruled space to write in. */
export interface WritingSpaceElement extends ElementBase {
  kind: 'writing-space';
  lines: number;
  node: LeafDirective;
}

/** A container read for its meaning: a titled block of further elements. */
export interface ContainerElement extends ElementBase {
  kind:
    | 'facilitator'
    | 'expected'
    | 'debrief'
    | 'case'
    | 'discussion'
    | 'roleplay'
    | 'role'
    | 'observer'
    | 'reflection'
    | 'handout'
    | 'takeaways'
    /** How to do a role-play or a discussion alone (`:::self-study`), for the learner. */
    | 'self-study'
    /** Content the author marked for the presenter's screen (`:::screen[Slide title]`). */
    | 'screen'
    /** A directive the format does not know (the validator reports it): its content passes through. */
    | 'other';
  /** The `[label]`: a title, a role's name, a note's label ('' when none). */
  label: string;
  /** Objective ids the activity serves (`objectives="a b"`). */
  objectives: string[];
  /** Minutes per round, for a role-play. */
  minutes: number | undefined;
  children: BodyElement[];
  node: ContainerDirective;
}

export interface CheckOption {
  /** Plain text of the option. */
  text: string;
  /** The option as phrasing content (emphasis, code, links kept). */
  content: PhrasingContent[];
  correct: boolean;
  node: ListItem;
}

export interface Question {
  stem: string;
  /** The stem as phrasing content. */
  stemContent: PhrasingContent[];
  objective: string | undefined;
  node: LeafDirective;
  options: CheckOption[];
  optionLists: List[];
  /** The `Reason:` paragraphs as written (the validator wants exactly one). */
  reasons: Paragraph[];
  /** The reason without its `Reason:` label, however it is emphasised; undefined when missing. */
  reason: PhrasingContent[] | undefined;
  /** Other content between the stem and the reason. */
  extra: RootContent[];
  /** The same, read as elements. */
  more: BodyElement[];
  /** Who may see which options are correct, and why. */
  answerReaders: readonly Reader[];
}

export interface CheckElement extends ElementBase {
  kind: 'check';
  questions: Question[];
  node: ContainerDirective;
}

/** One element of a module body, read once from its Markdown, with its place and its readers. */
export type BodyElement = ProseElement | WritingSpaceElement | ContainerElement | CheckElement;

/** A knowledge check (kept under its old name for the rules). */
export type KnowledgeCheck = CheckElement;

export interface Segment {
  index: number;
  title: string;
  minutes: number | undefined;
  method: string | undefined;
  node: LeafDirective;
  /** Top-level nodes from this segment's marker up to the next one, as written. */
  children: RootContent[];
  /** The same nodes read as elements. */
  elements: BodyElement[];
}

export type ActivityKind = 'discussion' | 'roleplay' | 'reflection' | 'case' | 'handout';

export interface Activity {
  kind: ActivityKind;
  title: string;
  node: ContainerDirective;
  objectives: string[];
  segment: Segment | undefined;
  element: ContainerElement;
}

/**
 * The module body, read once (read-body.ts): the intro and the timed segments as typed
 * elements, plus indexes of the same elements for the rules and overviews.
 */
export interface ModuleBody {
  /** Learner-facing introduction before the first segment. */
  intro: BodyElement[];
  segments: Segment[];
  activities: Activity[];
  checks: CheckElement[];
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
