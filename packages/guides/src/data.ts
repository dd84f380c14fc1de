import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { contentOf, isFacilitatorNote, labelOf, type Module } from '@frontline/schema';
import { blocks, inlines, table, type Block, type BlockOptions, type Inline } from './blocks.ts';

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

function moduleData(module: Module, titles: ReadonlyMap<string, string>): ModuleData {
  const fm = module.frontmatter;
  return {
    id: fm.id,
    title: fm.title,
    summary: fm.summary,
    audience: fm.audience,
    level: fm.level,
    duration: fm.duration,
    version: fm.version,
    updated: fm.updated,
    groupSize: fm.groupSize ? `${fm.groupSize.min} to ${fm.groupSize.max} participants` : 'Any size',
    objectives: fm.objectives.map((o) => o.text),
    prerequisites: fm.prerequisites.map((id) => titles.get(id) ?? id),
    materials: fm.materials,
    roomSetup: fm.roomSetup ?? '',
    preparation: fm.preparation,
  };
}

function questionsOf(check: ContainerDirective, first: number): QuestionData[] {
  const out: QuestionData[] = [];
  let current: QuestionData | undefined;
  for (const child of contentOf(check)) {
    if (child.type === 'leafDirective' && child.name === 'question') {
      current = {
        n: first + out.length,
        stem: inlines(child.children),
        options: [],
        reason: [],
        objective: child.attributes?.objective ?? '',
      };
      out.push(current);
    } else if (!current) continue;
    else if (child.type === 'list')
      for (const item of child.children)
        current.options.push({
          c: item.children.flatMap((c) => (c.type === 'paragraph' ? inlines(c.children) : [])),
          correct: item.checked === true,
        });
    else if (
      child.type === 'paragraph' &&
      /^\s*reason\s*:/i.test(child.children[0]?.type === 'text' ? child.children[0].value : '')
    ) {
      const [head, ...rest] = inlines(child.children);
      current.reason =
        head?.t === 'text' ? [{ t: 'text', v: head.v.replace(/^\s*reason\s*:\s*/i, '') }, ...rest] : rest;
    }
  }
  return out;
}

function containers(nodes: readonly RootContent[], name: string): ContainerDirective[] {
  const out: ContainerDirective[] = [];
  const visit = (list: readonly RootContent[]) => {
    for (const n of list) {
      if (n.type === 'containerDirective') {
        if (n.name === name) out.push(n);
        visit(n.children);
      }
    }
  };
  visit(nodes);
  return out;
}

/** Groups the flat body into the intro and one node list per segment. */
function segmentsOf(module: Module) {
  return module.body.segments.map((s) => ({
    title: s.title,
    minutes: s.minutes ?? 0,
    method: s.method ?? '',
    children: s.children,
  }));
}

/**
 * A segment's nodes in the order a facilitator reads them: its purpose first, its transition
 * last (FORMAT.md, "Segments for the facilitator"), wherever the author put them.
 */
function purposeFirst(nodes: readonly RootContent[]): RootContent[] {
  const purpose = nodes.filter((n) => isFacilitatorNote(n, 'purpose'));
  const transition = nodes.filter((n) => isFacilitatorNote(n, 'transition'));
  const rest = nodes.filter((n) => !isFacilitatorNote(n, 'purpose') && !isFacilitatorNote(n, 'transition'));
  return [...purpose, ...rest, ...transition];
}

/** The facilitator guide's data: everything, including facilitator-only material. */
export function guideData(
  module: Module,
  titles: ReadonlyMap<string, string>,
  paper: Paper,
  start?: string,
): GuideData {
  const opts = { facilitator: true };
  let elapsed = 0;
  let questionNumber = 1;
  const segments = segmentsOf(module).map((s) => {
    const row: AgendaRow = {
      start: clock(elapsed, start),
      end: clock(elapsed + s.minutes, start),
      minutes: s.minutes,
      title: s.title,
      method: s.method,
    };
    elapsed += s.minutes;
    const questions = containers(s.children, 'check').flatMap((c) => {
      const q = questionsOf(c, questionNumber);
      questionNumber += q.length;
      return q;
    });
    return { ...row, blocks: blocks(purposeFirst(s.children), opts), questions };
  });
  const all = module.tree.children;
  return {
    kind: 'facilitator-guide',
    paper,
    module: moduleData(module, titles),
    intro: blocks(module.body.intro, { facilitator: true }),
    agenda: segments.map(({ blocks: _b, questions: _q, ...row }) => row),
    segments,
    roleplays: containers(all, 'roleplay').map((rp) => {
      const inner = contentOf(rp);
      const pick = (name: string) =>
        inner.filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === name);
      return {
        title: labelOf(rp),
        minutes: rp.attributes?.minutes ?? '',
        setup: blocks(
          inner.filter((c) => c.type !== 'containerDirective'),
          opts,
        ),
        roles: pick('role').map((r) => ({ title: labelOf(r), c: blocks(contentOf(r), opts) })),
        observer: pick('observer').flatMap((o) => blocks(contentOf(o), opts)),
        debrief: pick('debrief').flatMap((o) => blocks(contentOf(o), opts)),
      };
    }),
    answerKey: segments.flatMap((s) => s.questions),
    takeaways: containers(all, 'takeaways').flatMap((t) => blocks(contentOf(t), opts)),
  };
}

/**
 * The handout's reflection sheets: the module's own `:::reflection` activities, or, for a module
 * without one, a sheet built from its objectives, so that every handout has one: what each
 * objective means in the participant's own work, and what could get in the way.
 */
function reflectionSheets(module: Module, opts: BlockOptions): HandoutData['reflections'] {
  const authored = containers(module.tree.children, 'reflection').map((r) => ({
    title: labelOf(r) || 'Reflection',
    c: blocks(contentOf(r), opts),
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
          ...module.frontmatter.objectives.map((o): Inline[][] => [[{ t: 'text', v: o.text }], []]),
        ]),
        text('What could get in the way, and who could help me with it?'),
        { t: 'lines', n: 3 },
      ],
    },
  ];
}

/** The participant handout's data: built without any facilitator-only material. */
export function handoutData(module: Module, titles: ReadonlyMap<string, string>, paper: Paper): HandoutData {
  const opts = { facilitator: false };
  const all = module.tree.children;
  let next = 1;
  const questions = containers(all, 'check').flatMap((c) => {
    const q = questionsOf(c, next);
    next += q.length;
    return q;
  });
  return {
    kind: 'participant-handout',
    paper,
    module: moduleData(module, titles),
    worksheets: containers(all, 'handout').map((h) => ({
      title: labelOf(h) || 'Worksheet',
      c: blocks(contentOf(h), opts),
    })),
    roleCards: containers(all, 'roleplay').flatMap((rp) =>
      contentOf(rp)
        .filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === 'role')
        .map((r) => ({ roleplay: labelOf(rp), title: labelOf(r), c: blocks(contentOf(r), opts) })),
    ),
    observer: containers(all, 'roleplay').flatMap((rp) =>
      contentOf(rp)
        .filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === 'observer')
        .map((o) => ({ roleplay: labelOf(rp), c: blocks(contentOf(o), opts) })),
    ),
    reflections: reflectionSheets(module, opts),
    // Participants get the questions without marks or reasons.
    questions: questions.map((q) => ({
      ...q,
      options: q.options.map((o) => ({ c: o.c, correct: false })),
      reason: [],
    })),
    takeaways: containers(all, 'takeaways').flatMap((t) => blocks(contentOf(t), opts)),
  };
}
