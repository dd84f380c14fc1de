import type { PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Module } from '../model.ts';
import type { CheckedPlan } from '../plans.ts';
import { toClock } from '../schedule.ts';
import { facilitatorView } from './facilitator.ts';
import { METHOD_LABEL } from './labels.ts';
import { splitFor, type ViewContainer, type ViewElement, type ViewQuestion, type ViewSegment } from './project.ts';

/**
 * The presenter's view: slides for the room and speaker notes for the facilitator, per module or
 * per delivery plan. What the room may see comes from the facilitator's view split for
 * participants (project.ts decides that); this view decides what of it is worth a slide: the
 * author's `:::screen` blocks, short key points, an activity's prompt, a question and its options
 * (the answer on its own step). Long prose stays on the handout.
 */

/** A knowledge-check question on a slide: the answer is a separate, later step. */
export interface SlideQuestion {
  number: number;
  stem: PhrasingContent[];
  multiple: boolean;
  options: PhrasingContent[][];
  /** Shown on its own step: the correct options and the reason. */
  answer: { options: PhrasingContent[][]; reason: PhrasingContent[] | undefined };
}

/** A timed step of a `How to run it` note, placed on the clock. */
export interface TimedStep {
  text: string;
  minutes: number;
  /** Minutes (after midnight for a plan, after the module's start otherwise). */
  start: number;
  end: number;
}

export interface SlideNotes {
  /** Facilitator-only elements: notes, expected answers, debriefs. */
  elements: ViewElement[];
  /** The segment's timed steps (on its first slide). */
  steps: TimedStep[];
}

export interface Slide {
  /** Index into `PresenterView.items`: the agenda item this slide belongs to. */
  item: number;
  title: string;
  /** A short line under the title: method and minutes, a round's length… */
  subtitle: string;
  /** Learner-facing elements chosen for the screen. */
  screen: ViewElement[];
  question: SlideQuestion | undefined;
  notes: SlideNotes;
}

/** One line of the deck's agenda, with its planned time. */
export interface PresenterItem {
  kind: 'module' | 'segment' | 'break' | 'lunch' | 'gap' | 'opening' | 'close';
  title: string;
  method: string;
  minutes: number;
  /** Minutes after midnight for a plan (`clock`), after the module's start otherwise. */
  start: number;
  end: number;
  /** The day in a plan, from 0. */
  day: number;
  module: string;
}

export interface PresenterView {
  id: string;
  title: string;
  /** Times are wall-clock times of a plan's day (otherwise minutes from the start). */
  clock: boolean;
  days: { date: string; start: number; end: number }[];
  items: PresenterItem[];
  slides: Slide[];
}

/** A step's time as the `steps-sum-to-segment` rule counts it: `(5 minutes)`, `(1 minute)`, `(5 min)`. */
const STEP_TIME = /\((\d+) min(?:ute)?s?\)/g;
/** Longest paragraph, list item or quote (characters) that goes on a slide. */
const SLIDE_TEXT = 240;
/** Most list items on a slide. */
const SLIDE_ITEMS = 8;

/** Formats a planned time for the notes: a clock time for a plan, minutes in otherwise. */
export function planned(view: Pick<PresenterView, 'clock'>, minutes: number): string {
  return view.clock ? toClock(minutes) : `${minutes} min`;
}

const isShort = (node: RootContent): boolean => {
  switch (node.type) {
    case 'heading':
      return true;
    case 'paragraph':
    case 'blockquote':
      return toString(node).length <= SLIDE_TEXT;
    case 'list':
      return node.children.length <= SLIDE_ITEMS && node.children.every((i) => toString(i).length <= SLIDE_TEXT);
    default:
      return false;
  }
};

/** Short prose for a slide: headings, short paragraphs, short lists and quotes. */
function keyPoints(elements: readonly ViewElement[]): ViewElement[] {
  return elements.filter((e) => e.kind === 'prose' && isShort(e.node));
}

const containers = (elements: readonly ViewElement[], kind: string) =>
  elements.filter((e): e is ViewContainer => e.kind === kind);

/** The timed steps of a segment's `How to run it` notes, laid on the clock from `start`. */
function timedSteps(notes: readonly ViewElement[], start: number): TimedStep[] {
  const steps: TimedStep[] = [];
  let at = start;
  for (const note of containers(notes, 'facilitator')) {
    if (note.label.toLowerCase() !== 'how to run it') continue;
    for (const child of note.children) {
      if (child.kind !== 'prose') continue;
      const items = child.node.type === 'list' ? child.node.children : [child.node];
      for (const item of items) {
        const text = toString(item).trim();
        const minutes = [...text.matchAll(STEP_TIME)].reduce((n, m) => n + Number(m[1]), 0);
        if (!minutes) continue;
        steps.push({ text, minutes, start: at, end: at + minutes });
        at += minutes;
      }
    }
  }
  return steps;
}

function slideQuestion(q: ViewQuestion): SlideQuestion {
  return {
    number: q.number,
    stem: q.stemContent,
    multiple: q.multiple,
    options: q.options.map((o) => o.content),
    answer: { options: q.options.filter((o) => o.correct).map((o) => o.content), reason: q.reason },
  };
}

const ACTIVITY_TITLE: Record<string, string> = {
  case: 'Case',
  discussion: 'Discussion',
  roleplay: 'Role-play',
  reflection: 'Reflection',
  handout: 'Handout',
  takeaways: 'Key takeaways',
};

/** Slides for one activity (discussion, role-play…), its hidden parts in its notes. */
function activitySlides(element: ViewContainer, hidden: ViewElement[], item: number): Slide[] {
  const base = ACTIVITY_TITLE[element.kind] ?? '';
  const title = element.kind === 'takeaways' || !element.label ? base : `${base}: ${element.label}`;
  const screens = containers(element.children, 'screen');
  // Role briefs belong on role cards, not in the presenter's notes.
  const notes = { elements: hidden.filter((e) => e.kind !== 'role'), steps: [] };
  let subtitle = '';
  let screen = screens.length ? screens.flatMap((s) => s.children) : keyPoints(element.children);
  if (element.kind === 'roleplay') {
    const roles = containers(element.children, 'role').map((r) => r.label);
    const roleNames = [...roles, ...(containers(element.children, 'observer').length ? ['Observer'] : [])];
    subtitle = [
      element.minutes ? `Rounds of ${element.minutes} minutes` : '',
      roleNames.length ? `Roles: ${roleNames.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (element.kind === 'handout') {
    subtitle = 'On your handout';
    screen = screens.flatMap((s) => s.children);
  }
  return [{ item, title, subtitle, screen, question: undefined, notes }];
}

/** A segment's slides: its title slide (key points or the author's screens), then its activities. */
function segmentSlides(segment: ViewSegment, item: number, start: number): Slide[] {
  const top = splitFor(segment.elements, 'participant');
  const slides: Slide[] = [];
  const screens = containers(top.shown, 'screen');
  const method = METHOD_LABEL[segment.method] ?? segment.method;
  const first: Slide = {
    item,
    title: segment.title,
    subtitle: [method, `${segment.minutes} min`].filter(Boolean).join(' · '),
    screen: screens.length ? [] : keyPoints(top.shown),
    question: undefined,
    notes: { elements: top.hidden.filter((e) => e.kind !== 'role'), steps: timedSteps(top.hidden, start) },
  };
  slides.push(first);
  for (const s of screens)
    slides.push({
      item,
      title: s.label || segment.title,
      subtitle: '',
      screen: s.children,
      question: undefined,
      notes: { elements: [], steps: [] },
    });
  for (const element of segment.elements) {
    if (element.kind === 'check') {
      for (const q of element.questions) {
        const split = splitFor(q.more, 'participant');
        slides.push({
          item,
          title: `Question ${q.number}`,
          subtitle: q.multiple ? 'Choose all that apply' : '',
          screen: keyPoints(split.shown),
          question: slideQuestion(q),
          notes: { elements: split.hidden, steps: [] },
        });
      }
      continue;
    }
    if (element.kind === 'prose' || element.kind === 'writing-space' || !ACTIVITY_TITLE[element.kind]) continue;
    const own = splitFor([element], 'participant');
    const shown = own.shown[0];
    if (!shown || shown.kind === 'prose' || shown.kind === 'writing-space' || shown.kind === 'check') continue;
    slides.push(...activitySlides(shown, own.hidden, item));
  }
  return slides;
}

/** The presenter's deck of one module: a title slide, then each segment's slides; times from its start. */
export function presenterView(module: Module): PresenterView {
  const view = facilitatorView(module);
  const items: PresenterItem[] = [];
  const slides: Slide[] = [];
  const end = view.segments.reduce((n, s) => n + s.minutes, 0);
  items.push({
    kind: 'module',
    title: view.meta.title,
    method: '',
    minutes: 0,
    start: 0,
    end: 0,
    day: 0,
    module: view.meta.id,
  });
  slides.push(titleSlide(view.meta.title, view.meta.summary, 0));
  let start = 0;
  for (const segment of view.segments) {
    items.push(segmentItem(segment, start, 0, view.meta.id));
    slides.push(...segmentSlides(segment, items.length - 1, start));
    start += segment.minutes;
  }
  return {
    id: view.meta.id,
    title: view.meta.title,
    clock: false,
    days: [{ date: '', start: 0, end }],
    items,
    slides,
  };
}

const segmentItem = (segment: ViewSegment, start: number, day: number, module: string): PresenterItem => ({
  kind: 'segment',
  title: segment.title,
  method: segment.method,
  minutes: segment.minutes,
  start,
  end: start + segment.minutes,
  day,
  module,
});

function titleSlide(title: string, summary: string, item: number): Slide {
  const paragraph: RootContent = { type: 'paragraph', children: [{ type: 'text', value: summary }] };
  return {
    item,
    title,
    subtitle: '',
    screen: summary ? [{ kind: 'prose', node: paragraph, readers: ['learner', 'participant', 'facilitator'] }] : [],
    question: undefined,
    notes: { elements: [], steps: [] },
  };
}

/**
 * The presenter's deck of a delivery plan: for each day a title slide, then its agenda by the
 * clock (each module's segments with the start and end the plan gives them, breaks and lunch
 * between).
 */
export function planPresenterView(checked: CheckedPlan, modules: ReadonlyMap<string, Module>): PresenterView {
  const items: PresenterItem[] = [];
  const slides: Slide[] = [];
  const views = new Map<string, ReturnType<typeof facilitatorView>>();
  const next = new Map<string, number>();
  const days = checked.schedule.days.map((day, d) => {
    items.push({
      kind: 'module',
      title: `Day ${d + 1}`,
      method: '',
      minutes: 0,
      start: day.start,
      end: day.start,
      day: d,
      module: '',
    });
    slides.push({
      ...titleSlide(
        checked.plan.title,
        `Day ${d + 1}, ${day.date}: ${toClock(day.start)}–${toClock(day.end)}`,
        items.length - 1,
      ),
    });
    for (const agenda of day.items) {
      if (agenda.kind !== 'segment') {
        items.push({
          kind: agenda.kind,
          title: agenda.title,
          method: '',
          minutes: agenda.end - agenda.start,
          start: agenda.start,
          end: agenda.end,
          day: d,
          module: '',
        });
        slides.push({
          item: items.length - 1,
          title: agenda.title,
          subtitle:
            agenda.kind === 'opening' || agenda.kind === 'close'
              ? `${toClock(agenda.start)}–${toClock(agenda.end)}`
              : `${toClock(agenda.start)}–${toClock(agenda.end)} · back at ${toClock(agenda.end)}`,
          screen: [],
          question: undefined,
          notes: { elements: [], steps: [] },
        });
        continue;
      }
      const id = agenda.module ?? '';
      const module = modules.get(id);
      if (!module) continue;
      let view = views.get(id);
      if (!view) views.set(id, (view = facilitatorView(module)));
      const index = next.get(id) ?? 0;
      next.set(id, index + 1);
      const segment = view.segments[index];
      if (!segment) continue;
      if (index === 0) {
        items.push({
          kind: 'module',
          title: view.meta.title,
          method: '',
          minutes: 0,
          start: agenda.start,
          end: agenda.start,
          day: d,
          module: id,
        });
        slides.push(titleSlide(view.meta.title, view.meta.summary, items.length - 1));
      }
      items.push(segmentItem(segment, agenda.start, d, id));
      slides.push(...segmentSlides(segment, items.length - 1, agenda.start));
    }
    return { date: day.date, start: day.start, end: day.end };
  });
  return { id: checked.plan.id, title: checked.plan.title, clock: true, days, items, slides };
}
