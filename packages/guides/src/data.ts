import {
  allElements,
  AUDIENCE_LABEL,
  LEVEL_LABEL,
  METHOD_LABEL,
  facilitatorView,
  participantView,
  roleCardsView,
  viewElements,
  type Module,
  type ModuleView,
  type ViewContainer,
  type ViewElement,
} from '@frontline/schema';
import { blocks, inlines, table, type Block, type Inline } from './blocks.ts';

export type Paper = 'a4' | 'letter';

/** Minutes as a clock reading from a start time: `0:45`, or `09:45` when a start is given. */
export function clock(minutes: number, start?: string): string {
  if (!start) return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  const [h = 0, m = 0] = start.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface QuestionData {
  n: number;
  stem: Inline[];
  options: { c: Inline[]; correct: boolean }[];
  reason: Inline[];
  objective: string;
}

export interface AgendaRow {
  start: string;
  end: string;
  minutes: number;
  title: string;
  method: string;
}

/** Everything a template needs about one module, already split by audience. */
export interface ModuleData {
  id: string;
  title: string;
  summary: string;
  audience: string[];
  level: string;
  duration: number;
  version: string;
  updated: string;
  groupSize: string;
  objectives: string[];
  prerequisites: string[];
  materials: string[];
  roomSetup: string;
  preparation: { task: string; lead: string }[];
}

export interface GuideData {
  kind: 'facilitator-guide';
  paper: Paper;
  module: ModuleData;
  intro: Block[];
  agenda: AgendaRow[];
  segments: (AgendaRow & { blocks: Block[]; questions: QuestionData[] })[];
  roleplays: {
    title: string;
    minutes: string;
    setup: Block[];
    roles: { title: string; c: Block[] }[];
    observer: Block[];
    debrief: Block[];
  }[];
  answerKey: QuestionData[];
  takeaways: Block[];
}

export interface RoleCardsData {
  kind: 'role-cards';
  paper: Paper;
  module: { id: string; title: string; version: string; updated: string };
  roleplays: {
    title: string;
    minutes: string;
    setup: Block[];
    roles: { name: string; c: Block[] }[];
    observer: Block[];
  }[];
}

export interface HandoutData {
  kind: 'participant-handout';
  paper: Paper;
  module: ModuleData;
  worksheets: { title: string; c: Block[] }[];
  roleCards: { roleplay: string; title: string; c: Block[] }[];
  observer: { roleplay: string; c: Block[] }[];
  reflections: { title: string; c: Block[] }[];
  questions: QuestionData[];
  takeaways: Block[];
}

/** A group size as people say it: "One to one", "12 participants", "6 to 16 participants". */
export function groupSizeText(size: { min: number; max: number } | undefined): string {
  if (!size) return 'Any size';
  if (size.max === 1) return 'One to one';
  return size.min === size.max ? `${size.min} participants` : `${size.min} to ${size.max} participants`;
}

function moduleData(view: ModuleView, titles: ReadonlyMap<string, string>): ModuleData {
  const m = view.meta;
  const d = view.delivery;
  return {
    id: m.id,
    title: m.title,
    summary: m.summary,
    // As people read them, not the format's ids.
    audience: m.audience.map((a) => AUDIENCE_LABEL[a] ?? a),
    level: LEVEL_LABEL[m.level] ?? m.level,
    duration: m.duration,
    version: m.version,
    updated: m.updated,
    // Delivery logistics are in the facilitator's view only.
    groupSize: d ? groupSizeText(d.groupSize) : '',
    objectives: m.objectives.map((o) => o.text),
    prerequisites: m.prerequisites.map((id) => titles.get(id) ?? id),
    materials: d?.materials ?? [],
    roomSetup: d?.roomSetup ?? '',
    preparation: d?.preparation ?? [],
  };
}

/** A view's questions as the templates print them: marks and reasons only where the view has them. */
function questionsOf(elements: readonly ViewElement[]): QuestionData[] {
  const out: QuestionData[] = [];
  for (const element of allElements(elements)) {
    if (element.kind !== 'check') continue;
    for (const q of element.questions)
      out.push({
        n: q.number,
        stem: inlines(q.stemContent),
        options: q.options.map((o) => ({ c: inlines(o.content), correct: o.correct === true })),
        reason: q.reason ? inlines(q.reason) : [],
        objective: q.objective ?? '',
      });
  }
  return out;
}

/** Every container of one kind in a view, in reading order. */
function containers(view: ModuleView, kind: ViewContainer['kind']): ViewContainer[] {
  return [...viewElements(view)].filter((e): e is ViewContainer => e.kind === kind);
}

const childrenOf = (element: ViewContainer, kind: ViewContainer['kind']) =>
  element.children.filter((c): c is ViewContainer => c.kind === kind);

/** The facilitator guide's data, from the facilitator's view: everything. */
export function guideData(
  module: Module,
  titles: ReadonlyMap<string, string>,
  paper: Paper,
  start?: string,
): GuideData {
  const view = facilitatorView(module);
  let elapsed = 0;
  const segments = view.segments.map((s) => {
    const row: AgendaRow = {
      start: clock(elapsed, start),
      end: clock(elapsed + s.minutes, start),
      minutes: s.minutes,
      title: s.title,
      method: METHOD_LABEL[s.method] ?? s.method,
    };
    elapsed += s.minutes;
    return { ...row, blocks: blocks(s.elements), questions: questionsOf(s.elements) };
  });
  return {
    kind: 'facilitator-guide',
    paper,
    module: moduleData(view, titles),
    intro: blocks(view.intro),
    agenda: segments.map(({ blocks: _b, questions: _q, ...row }) => row),
    segments,
    roleplays: containers(view, 'roleplay').map((rp) => ({
      title: rp.label,
      minutes: rp.minutes === undefined ? '' : String(rp.minutes),
      setup: blocks(rp.children.filter((c) => c.kind === 'prose' || c.kind === 'writing-space')),
      roles: childrenOf(rp, 'role').map((r) => ({ title: r.label, c: blocks(r.children) })),
      observer: childrenOf(rp, 'observer').flatMap((o) => blocks(o.children)),
      debrief: childrenOf(rp, 'debrief').flatMap((o) => blocks(o.children)),
    })),
    answerKey: segments.flatMap((s) => s.questions),
    takeaways: containers(view, 'takeaways').flatMap((t) => blocks(t.children)),
  };
}

/**
 * The handout's reflection sheets: the module's own `:::reflection` activities, or, for a module
 * without one, a sheet built from its objectives, so that every handout has one: what each
 * objective means in the participant's own work, and what could get in the way.
 */
function reflectionSheets(view: ModuleView): HandoutData['reflections'] {
  const authored = containers(view, 'reflection').map((r) => ({
    title: r.label || 'Reflection',
    c: blocks(r.children),
  }));
  if (authored.length > 0) return authored;
  const text = (v: string): Block => ({ t: 'p', c: [{ t: 'text', v }] });
  return [
    {
      title: 'Putting it into practice',
      c: [
        text('Fill this in before you leave, then read it again after a week back at work.'),
        table([
          [[{ t: 'text', v: 'What I can now do' }], [{ t: 'text', v: 'Where and when I will use it' }]],
          ...view.meta.objectives.map((o): Inline[][] => [[{ t: 'text', v: o.text }], []]),
        ]),
        text('What could get in the way, and who could help me with it?'),
        { t: 'lines', n: 3 },
      ],
    },
  ];
}

/** The participant handout's data, from the participant's view: no facilitator material, answers or role briefs. */
export function handoutData(module: Module, titles: ReadonlyMap<string, string>, paper: Paper): HandoutData {
  const view = participantView(module);
  const roleplays = containers(view, 'roleplay');
  const all = [...view.intro, ...view.segments.flatMap((s) => s.elements)];
  return {
    kind: 'participant-handout',
    paper,
    module: moduleData(view, titles),
    worksheets: containers(view, 'handout').map((h) => ({ title: h.label || 'Worksheet', c: blocks(h.children) })),
    roleCards: roleplays.flatMap((rp) =>
      childrenOf(rp, 'role').map((r) => ({ roleplay: rp.label, title: r.label, c: blocks(r.children) })),
    ),
    observer: roleplays.flatMap((rp) =>
      childrenOf(rp, 'observer').map((o) => ({ roleplay: rp.label, c: blocks(o.children) })),
    ),
    reflections: reflectionSheets(view),
    questions: questionsOf(all),
    takeaways: containers(view, 'takeaways').flatMap((t) => blocks(t.children)),
  };
}

/** The role cards' data, from the role holders' view; undefined for a module without role-plays. */
export function roleCardsData(module: Module, paper: Paper): RoleCardsData | undefined {
  const view = roleCardsView(module);
  if (view.roleplays.length === 0) return undefined;
  const fm = module.frontmatter;
  return {
    kind: 'role-cards',
    paper,
    module: { id: fm.id, title: fm.title, version: fm.version, updated: fm.updated },
    roleplays: view.roleplays.map((rp) => ({
      title: rp.title,
      minutes: rp.minutes === undefined ? '' : String(rp.minutes),
      setup: blocks(rp.setup),
      roles: rp.roles.map((r) => ({ name: r.name, c: blocks(r.children) })),
      observer: blocks(rp.observer),
    })),
  };
}
