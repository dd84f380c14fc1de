import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import type { BodyElement, ContainerElement, Module, Question, Reader, Segment } from '../model.ts';
import type { Frontmatter } from '../schemas/module.ts';

/**
 * Views: what one reader may see of a module, decided here and nowhere else. A view keeps the
 * elements whose readers include its reader (an element's readers are already narrowed by the
 * elements around it), and for a knowledge check, the answers only where the reader may see them.
 * Serialisers (HTML, Typst data, slides, LMS files) write what a view gives them and decide
 * nothing about who reads what.
 */

/** A knowledge-check question as one reader sees it. */
export interface ViewQuestion {
  /** Position in the module, from 1. */
  number: number;
  /** Stable id, unique on the module's page: `<module>-q<number>`. */
  id: string;
  stem: string;
  stemContent: PhrasingContent[];
  objective: string | undefined;
  /** More than one option is correct ("choose all that apply"). */
  multiple: boolean;
  /** `correct` is undefined where the reader may not see the answer. */
  options: { text: string; content: PhrasingContent[]; correct: boolean | undefined }[];
  /** Why the answer is right; undefined where the reader may not see it (or none was written). */
  reason: PhrasingContent[] | undefined;
  /** Whether this reader may see which options are correct and why. */
  answered: boolean;
  more: ViewElement[];
}

export interface ViewCheck {
  kind: 'check';
  questions: ViewQuestion[];
  readers: readonly Reader[];
  place: Position | undefined;
}

/**
 * A container as a view holds it: its children already chosen for the reader. It keeps the
 * source's place but not the source node, whose children a serialiser must never read.
 */
export interface ViewContainer extends Omit<ContainerElement, 'children' | 'node'> {
  children: ViewElement[];
  place: Position | undefined;
}

export type ViewElement = Exclude<BodyElement, ContainerElement | { kind: 'check' }> | ViewContainer | ViewCheck;

export interface ViewSegment {
  index: number;
  title: string;
  minutes: number;
  method: string;
  elements: ViewElement[];
}

/** What any reader may know about a module: no delivery logistics. */
export interface ModuleMeta {
  id: string;
  title: string;
  summary: string;
  audience: Frontmatter['audience'];
  level: Frontmatter['level'];
  duration: number;
  objectives: Frontmatter['objectives'];
  prerequisites: string[];
  version: string;
  updated: string;
}

/** How a module is delivered in a room: for facilitators. */
export interface Delivery {
  groupSize: Frontmatter['groupSize'];
  materials: string[];
  roomSetup: string;
  preparation: Frontmatter['preparation'];
  /** What the module deals with that may be hard to hear, for the opening of a day that runs it. */
  contentNote: string;
}

export interface ModuleView {
  reader: Reader;
  /**
   * The reader works through the module alone (the learner): segment times and group work are
   * what happens in a workshop, and outputs say so.
   */
  alone: boolean;
  meta: ModuleMeta;
  /** Only in the facilitator's view. */
  delivery: Delivery | undefined;
  intro: ViewElement[];
  segments: ViewSegment[];
}

export const sees = (reader: Reader, readers: readonly Reader[]): boolean => readers.includes(reader);

/** Numbers questions across a module, as every output counts them. */
interface Counter {
  module: string;
  questions: number;
}

/** The elements `reader` may see, with answers only where the reader may see them. */
export function project(elements: readonly BodyElement[], reader: Reader, counter: Counter): ViewElement[] {
  const out: ViewElement[] = [];
  for (const element of elements) {
    if (!sees(reader, element.readers)) continue;
    if (element.kind === 'check')
      out.push({
        kind: 'check',
        questions: element.questions.map((q) => projectQuestion(q, reader, counter)),
        readers: element.readers,
        place: element.node.position,
      });
    else if (element.kind === 'prose' || element.kind === 'writing-space') out.push(element);
    else {
      const { node, children, ...rest } = element;
      out.push({ ...rest, children: project(children, reader, counter), place: node.position });
    }
  }
  return out;
}

function projectQuestion(question: Question, reader: Reader, counter: Counter): ViewQuestion {
  counter.questions += 1;
  const answered = sees(reader, question.answerReaders);
  return {
    number: counter.questions,
    id: `${counter.module}-q${counter.questions}`,
    stem: question.stem,
    stemContent: question.stemContent,
    objective: question.objective,
    multiple: question.options.filter((o) => o.correct).length > 1,
    options: question.options.map((o) => ({
      text: o.text,
      content: o.content,
      correct: answered ? o.correct : undefined,
    })),
    reason: answered ? question.reason : undefined,
    answered,
    more: project(question.more, reader, counter),
  };
}

function metaOf(module: Module): ModuleMeta {
  const fm = module.frontmatter;
  return {
    id: fm.id,
    title: fm.title,
    summary: fm.summary,
    audience: fm.audience,
    level: fm.level,
    duration: fm.duration,
    objectives: fm.objectives,
    prerequisites: fm.prerequisites,
    version: fm.version,
    updated: fm.updated,
  };
}

function deliveryOf(module: Module): Delivery {
  const fm = module.frontmatter;
  return {
    groupSize: fm.groupSize,
    materials: fm.materials,
    roomSetup: fm.roomSetup ?? '',
    preparation: fm.preparation,
    contentNote: fm.contentNote ?? '',
  };
}

/** A module as `reader` sees it, each segment's elements arranged by `arrange`. */
export function viewFor(
  module: Module,
  reader: Reader,
  arrange: (elements: ViewElement[]) => ViewElement[] = (e) => e,
): ModuleView {
  const counter: Counter = { module: module.id, questions: 0 };
  const intro = project(module.body.intro, reader, counter);
  const segments = module.body.segments.map((s: Segment) => ({
    index: s.index,
    title: s.title,
    minutes: s.minutes ?? 0,
    method: s.method ?? '',
    elements: arrange(project(s.elements, reader, counter)),
  }));
  return {
    reader,
    alone: reader === 'learner',
    meta: metaOf(module),
    delivery: reader === 'facilitator' ? deliveryOf(module) : undefined,
    intro,
    segments,
  };
}

/** Every element of a view, depth first (containers before their children). */
export function* allElements(elements: readonly ViewElement[]): Generator<ViewElement> {
  for (const element of elements) {
    yield element;
    if (element.kind === 'check') for (const q of element.questions) yield* allElements(q.more);
    else if ('children' in element) yield* allElements(element.children);
  }
}

/** Every element of a view's intro and segments. */
export function* viewElements(view: ModuleView): Generator<ViewElement> {
  yield* allElements(view.intro);
  for (const segment of view.segments) yield* allElements(segment.elements);
}

/**
 * Splits elements of a wider view into what `room` may also see and what it may not (whole
 * branches, in order), for a view shown to a room with notes kept for its presenter.
 */
export function splitFor(
  elements: readonly ViewElement[],
  room: Reader,
): { shown: ViewElement[]; hidden: ViewElement[] } {
  const shown: ViewElement[] = [];
  const hidden: ViewElement[] = [];
  for (const element of elements) {
    if (!sees(room, element.readers)) hidden.push(element);
    else if (element.kind === 'check') {
      const questions = element.questions.map((q) => {
        const more = splitFor(q.more, room);
        hidden.push(...more.hidden);
        // The answer stays with the question: a presenter shows it on its own step.
        return { ...q, more: more.shown };
      });
      shown.push({ ...element, questions });
    } else if (element.kind === 'prose' || element.kind === 'writing-space') shown.push(element);
    else {
      const inner = splitFor(element.children, room);
      hidden.push(...inner.hidden);
      shown.push({ ...element, children: inner.shown });
    }
  }
  return { shown, hidden };
}
