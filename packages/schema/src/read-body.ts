import type { ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import {
  ANSWER_READERS,
  contentOf,
  DIRECTIVES,
  EVERYONE,
  intAttribute,
  labelOf,
  listAttribute,
  nodesOfType,
  type Activity,
  type ActivityKind,
  type BodyElement,
  type CheckElement,
  type ContainerElement,
  type ModuleBody,
  type Question,
  type Reader,
  type Segment,
} from './model.ts';

/**
 * Reads a module body once: the Markdown tree becomes typed elements (segments, prose, checks,
 * role-plays, discussions, worksheets, reflections, takeaways, facilitator notes), each with its
 * source node (and so its place) and its readers. Nothing here validates: the rules do, on the
 * same elements; and nothing here renders: the views select, the serialisers write.
 */
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
      segment = readSegment(child, body.segments.length);
      body.segments.push(segment);
      continue;
    }
    const elements = readElements([child], EVERYONE);
    if (segment) {
      segment.children.push(child);
      segment.elements.push(...elements);
    } else body.intro.push(...elements);
  }
  indexElements(body);
  for (const { node } of nodesOfType(tree, 'textDirective')) if (node.name === 'term') body.terms.push(node);
  return body;
}

function readSegment(node: LeafDirective, index: number): Segment {
  return {
    index,
    title: labelOf(node),
    minutes: intAttribute(node, 'minutes'),
    method: node.attributes?.method?.trim() || undefined,
    node,
    children: [],
    elements: [],
  };
}

/** Who may see what sits inside a parent seen by `outer`: never more than the parent. */
function narrow(outer: readonly Reader[], own: readonly Reader[]): readonly Reader[] {
  if (own === outer) return own;
  const both = own.filter((r) => outer.includes(r));
  return both.length === own.length ? own : both;
}

const KNOWN_CONTAINERS = new Set<ContainerElement['kind']>([
  'facilitator',
  'expected',
  'debrief',
  'case',
  'discussion',
  'roleplay',
  'role',
  'observer',
  'reflection',
  'handout',
  'takeaways',
  'self-study',
  'screen',
]);

function readElements(nodes: readonly RootContent[], outer: readonly Reader[]): BodyElement[] {
  const out: BodyElement[] = [];
  for (const node of nodes) {
    if (node.type === 'containerDirective') out.push(readContainer(node, outer));
    else if (node.type === 'leafDirective') {
      if (node.name === 'writing-space')
        out.push({ kind: 'writing-space', lines: writingLines(node), node, readers: outer });
      // Other leaf directives (segments out of place, questions outside a check) carry no content.
    } else if (node.type !== 'yaml' && node.type !== 'definition' && node.type !== 'footnoteDefinition')
      out.push({ kind: 'prose', node: withoutBlockDirectives(node), readers: outer });
  }
  return out;
}

const hasBlockDirective = (node: Nodes): boolean =>
  'children' in node &&
  (node.children as Nodes[]).some(
    (c) => c.type === 'containerDirective' || c.type === 'leafDirective' || hasBlockDirective(c),
  );

/**
 * Prose with any block directive inside it (a `:::facilitator` in a list item or a quote)
 * removed: a directive there is out of place (the validator says so), and its content, whoever
 * it was for, is no part of the prose around it. The tree is copied only where needed.
 */
function withoutBlockDirectives<T extends Nodes>(node: T): T {
  if (!hasBlockDirective(node) || !('children' in node)) return node;
  const children = (node.children as Nodes[])
    .filter((c) => c.type !== 'containerDirective' && c.type !== 'leafDirective')
    .map((c) => withoutBlockDirectives(c));
  return { ...node, children };
}

/** Lines of a `::writing-space{lines=N}`: 4 by default, 1 to 30. */
export function writingLines(node: LeafDirective): number {
  return Math.min(30, Math.max(1, Number(node.attributes?.lines) || 4));
}

function readContainer(node: ContainerDirective, outer: readonly Reader[]): BodyElement {
  const name = node.name;
  const known = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name as keyof typeof DIRECTIVES] : undefined;
  const readers = narrow(outer, known?.readers ?? outer);
  if (name === 'check') return readCheck(node, readers);
  const kind = KNOWN_CONTAINERS.has(name as ContainerElement['kind']) ? (name as ContainerElement['kind']) : 'other';
  return {
    kind,
    label: labelOf(node),
    objectives: listAttribute(node, 'objectives'),
    minutes: intAttribute(node, 'minutes'),
    children: readElements(contentOf(node), readers),
    node,
    readers,
  };
}

const REASON = /^\s*reason\s*:\s*/i;

function readCheck(node: ContainerDirective, readers: readonly Reader[]): CheckElement {
  const questions: Question[] = [];
  const answers = narrow(readers, ANSWER_READERS);
  let current: Question | undefined;
  for (const child of contentOf(node)) {
    if (child.type === 'leafDirective' && child.name === 'question') {
      current = newQuestion(child, answers);
      questions.push(current);
    } else if (!current) {
      continue;
    } else if (child.type === 'list' && child.children.some((item) => typeof item.checked === 'boolean')) {
      current.optionLists.push(child);
      for (const item of child.children) current.options.push(readOption(item));
    } else if (child.type === 'paragraph' && REASON.test(toString(child))) {
      current.reasons.push(child);
      current.reason ??= withoutReasonLabel(child);
    } else {
      current.extra.push(child);
      current.more.push(...readElements([child], readers));
    }
  }
  return { kind: 'check', questions, node, readers };
}

function newQuestion(node: LeafDirective, answerReaders: readonly Reader[]): Question {
  return {
    stem: labelOf(node),
    stemContent: node.children,
    objective: node.attributes?.objective?.trim() || undefined,
    node,
    options: [],
    optionLists: [],
    reasons: [],
    reason: undefined,
    extra: [],
    more: [],
    answerReaders,
  };
}

function readOption(item: ListItem) {
  return {
    text: toString(item).trim(),
    content: item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])),
    correct: item.checked === true,
    node: item,
  };
}

/**
 * A reason paragraph without its label, however the author wrote it: `Reason: …`,
 * `**Reason:** …`, `_Reason_: …`. The label's text is removed from the front of the phrasing
 * content, descending into emphasis, and empty wrappers left behind are dropped.
 */
export function withoutReasonLabel(paragraph: Paragraph): PhrasingContent[] {
  let left = (toString(paragraph).match(REASON)?.[0] ?? '').length;
  const strip = (nodes: readonly PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    for (const node of nodes) {
      if (left <= 0) {
        out.push(node);
        continue;
      }
      if (node.type === 'text' || node.type === 'inlineCode') {
        const cut = Math.min(left, node.value.length);
        left -= cut;
        const value = node.value.slice(cut);
        if (value) out.push({ ...node, value: left <= 0 && node.type === 'text' ? value.trimStart() : value });
      } else if ('children' in node) {
        const children = strip(node.children);
        if (children.length) out.push({ ...node, children });
      } else out.push(node);
    }
    return out;
  };
  const out = strip(paragraph.children);
  // Whitespace right after an emphasised label (`**Reason:** Because…`).
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.trimStart() };
  return out;
}

const ACTIVITY_KINDS = new Set<string>(['discussion', 'roleplay', 'reflection', 'case', 'handout']);

/** Fills the body's indexes (activities, checks, takeaways, facilitator notes) from its elements. */
function indexElements(body: ModuleBody): void {
  const visit = (elements: readonly BodyElement[], segment: Segment | undefined) => {
    for (const element of elements) {
      if (element.kind === 'check') {
        body.checks.push(element);
        for (const q of element.questions) visit(q.more, segment);
        continue;
      }
      if (element.kind === 'prose' || element.kind === 'writing-space') continue;
      if (ACTIVITY_KINDS.has(element.kind)) body.activities.push(activityOf(element, segment));
      if (element.kind === 'takeaways') body.takeaways.push(element.node);
      if (element.kind === 'facilitator') body.facilitatorNotes.push(element.node);
      visit(element.children, segment);
    }
  };
  visit(body.intro, undefined);
  for (const segment of body.segments) visit(segment.elements, segment);
}

function activityOf(element: ContainerElement, segment: Segment | undefined): Activity {
  return {
    kind: element.kind as ActivityKind,
    title: element.label,
    node: element.node,
    objectives: element.objectives,
    // An activity belongs to the segment it sits in at the top level, as before.
    segment: segment?.children.includes(element.node) ? segment : undefined,
    element,
  };
}
