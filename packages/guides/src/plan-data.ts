import { participantView, toClock, toMinutes, type CheckedPlan, type Module } from '@frontline/schema';
import { guideData, handoutData, type GuideData, type HandoutData, type Paper } from './data.ts';

/** `2 days` → minutes, for ordering a checklist by lead time (`on the day` is 0). */
export function leadMinutes(lead: string): number {
  const match = /^(\d+) (minute|hour|day|week)s?$/.exec(lead);
  if (!match) return 0;
  const unit = { minute: 1, hour: 60, day: 1440, week: 10080 }[match[2] as 'minute' | 'hour' | 'day' | 'week'];
  return Number(match[1]) * unit;
}

/** A scheduled day with clock times, for printing and for the site. */
export interface ClockDay {
  date: string;
  start: string;
  end: string;
  training: number;
  /** `module` is the module id; `moduleTitle` its title (empty for breaks and lunch). */
  items: { start: string; end: string; kind: string; title: string; module: string; moduleTitle: string }[];
}

/** A plan's schedule with minutes turned into `HH:MM` and module ids into titles. */
export function clockDays(checked: CheckedPlan, titles: ReadonlyMap<string, string>): ClockDay[] {
  return checked.schedule.days.map((d) => ({
    date: d.date,
    start: toClock(d.start),
    end: toClock(d.end),
    training: d.training,
    items: d.items.map((i) => ({
      start: toClock(i.start),
      end: toClock(i.end),
      kind: i.kind,
      title: i.title,
      module: i.module ?? '',
      moduleTitle: i.module ? (titles.get(i.module) ?? i.module) : '',
    })),
  }));
}

export interface PlanDocumentData {
  paper: Paper;
  plan: {
    title: string;
    audience: string;
    format: string;
    venue: string;
    updated: string;
    version: string;
    footer: string;
  };
  days: ClockDay[];
  preparation: { task: string; lead: string; modules: string[] }[];
  materials: { item: string; modules: string[] }[];
  roomSetup: { module: string; text: string }[];
}

/**
 * What the day plan and the participant agenda show: the schedule with clock times, and
 * (for the facilitator) preparation and materials gathered across the plan, longest lead
 * time first, and each module's room set-up.
 */
export function planData(checked: CheckedPlan, modules: ReadonlyMap<string, Module>, paper: Paper): PlanDocumentData {
  const { plan } = checked;
  const used = [...new Set(plan.days.flatMap((d) => d.modules))]
    .map((id) => modules.get(id))
    .filter((m): m is Module => m !== undefined);
  const titles = new Map(used.map((m) => [m.id, m.frontmatter.title]));
  const updated =
    used
      .map((m) => m.frontmatter.updated)
      .sort()
      .at(-1) ?? plan.days[0]!.date;

  const prep = new Map<string, { task: string; lead: string; modules: string[] }>();
  for (const m of used)
    for (const p of m.frontmatter.preparation) {
      const key = `${p.task}\0${p.lead}`;
      const entry = prep.get(key) ?? { task: p.task, lead: p.lead, modules: [] };
      entry.modules.push(m.frontmatter.title);
      prep.set(key, entry);
    }
  const materials = new Map<string, string[]>();
  for (const m of used)
    for (const item of m.frontmatter.materials)
      materials.set(item, [...(materials.get(item) ?? []), m.frontmatter.title]);

  return {
    paper,
    plan: {
      title: plan.title,
      audience: plan.audience,
      format: plan.format === 'virtual' ? 'Virtual' : 'In person',
      venue: plan.venue ?? '',
      updated,
      version: '',
      footer: `${plan.title} · ${plan.days.length} day${plan.days.length === 1 ? '' : 's'} · ${plan.format === 'virtual' ? 'virtual' : 'in person'}`,
    },
    days: clockDays(checked, titles),
    preparation: [...prep.values()].sort(
      (a, b) => leadMinutes(b.lead) - leadMinutes(a.lead) || a.task.localeCompare(b.task),
    ),
    materials: [...materials].map(([item, ms]) => ({ item, modules: ms })),
    roomSetup: used
      .filter((m) => m.frontmatter.roomSetup)
      .map((m) => ({ module: m.frontmatter.title, text: m.frontmatter.roomSetup! })),
  };
}

const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

/** How many of a material to bring, and how that number was reached, in words for the pack. */
export interface Quantity {
  quantity: string;
  basis: string;
}

/**
 * How many of a material to bring for `people`, read from the way modules write it: "one per
 * person" (or participant), "one set per pair", "one set per group of three", "one per table"
 * (tables of four). An item that names no such count ("A flip chart and markers", "A timer
 * visible to the room") is one for the room: modules list what the facilitator needs in the
 * room (the `materials` field has no count of its own), so the pack says so rather than leave
 * the count blank. Without `people` a counted item is given per person, pair or group.
 */
export function quantityFor(item: string, people: number | undefined): Quantity {
  const per = /\bone (set |copy |card )?per (person|participant|pair|table|group of (\w+))\b/i.exec(item);
  const unit = per?.[2]!.toLowerCase();
  const size = !per
    ? undefined
    : unit!.startsWith('group of')
      ? (NUMBERS[per[3]!.toLowerCase()] ?? Number(per[3]))
      : { person: 1, participant: 1, pair: 2, table: 4 }[unit!];
  if (!per || !size || Number.isNaN(size)) {
    const optional = /\(optional\)/i.test(item);
    return { quantity: '1', basis: optional ? 'one for the room, if you use it' : 'one for the room' };
  }
  const noun = per[1] ? per[1].trim() : '';
  const perWhat = unit === 'table' ? 'per table of four' : `per ${unit}`;
  if (people === undefined)
    return { quantity: `one ${noun ? `${noun} ` : ''}${perWhat}`, basis: 'the plan gives no head count' };
  const n = Math.ceil(people / size);
  return {
    quantity: noun ? `${n} ${noun}${n === 1 ? '' : 's'}` : String(n),
    basis:
      size === 1
        ? `one each for ${people} ${people === 1 ? 'person' : 'people'}`
        : `${people} ÷ ${size}${people % size === 0 ? '' : ', rounded up'}`,
  };
}

/** `2027-02-09` minus a lead time: a date for days and weeks, a time before the start otherwise. */
export function dueDate(lead: string, date: string, start: string): string {
  if (lead === 'on the day') return `${date}, before ${start}`;
  const minutes = leadMinutes(lead);
  if (minutes >= 1440) {
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - Math.floor(minutes / 1440));
    return day.toISOString().slice(0, 10);
  }
  return `${date}, ${lead} before ${start}`;
}

/** A task's text for recognising the same task in two modules: case, spacing and the full stop ignored. */
const taskKey = (task: string) =>
  task
    .toLowerCase()
    .replace(/\b(?:the|a|an) /g, '')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();

/** A break, lunch or unplanned gap in a day, printed where it falls. */
export type Pause = ClockDay['items'][number];

export interface DayPackData {
  paper: Paper;
  plan: PlanDocumentData['plan'] & { participants: string };
  days: (ClockDay & {
    opening: { minutes: number; housekeeping: string; notes: { module: string; text: string }[] } | null;
    close: { minutes: number; before: Pause[]; modules: { title: string; objectives: string[] }[] } | null;
    /**
     * The day's modules, each with its segments at the clock times of the plan. A break or lunch
     * is where it falls: before a module (`before`) or between two of its segments (the later
     * segment's `before`).
     */
    modules: (Omit<GuideData, 'segments'> & {
      before: Pause[];
      segments: (GuideData['segments'][number] & { before: Pause[] })[];
    })[];
  })[];
  preparation: { task: string; due: string; modules: string[] }[];
  materials: { item: string; quantity: string; basis: string; modules: string[] }[];
  roomSetup: { day: number; start: string; module: string; text: string }[];
}

/**
 * The facilitator's day pack: the day at a glance, the opening, each module's facilitation with
 * its segments at their clock times, the close; one preparation checklist (each task once, dated
 * from the plan), materials counted for the group, and room set-up changes in order.
 */
export function dayPackData(checked: CheckedPlan, modules: ReadonlyMap<string, Module>, paper: Paper): DayPackData {
  const base = planData(checked, modules, paper);
  const { plan } = checked;
  const titles = new Map([...modules.values()].map((m) => [m.id, m.frontmatter.title]));
  const days = base.days.map((day, d) => {
    const planDay = plan.days[d]!;
    const used = planDay.modules.map((id) => modules.get(id)).filter((m): m is Module => m !== undefined);
    // Walk the day by the clock: the pauses met since the last segment go before the next one,
    // which is either a module's first segment (before the module) or a later one (inside it).
    const pausesBefore = new Map<string, Pause[]>(); // key: `<module>\0<segment index>`, or `close`
    const seen = new Map<string, number>();
    let pending: Pause[] = [];
    for (const item of day.items) {
      if (item.kind === 'break' || item.kind === 'lunch' || item.kind === 'gap') pending.push(item);
      else if (item.kind === 'segment') {
        const index = seen.get(item.module) ?? 0;
        seen.set(item.module, index + 1);
        pausesBefore.set(`${item.module}\0${index}`, pending);
        pending = [];
      } else if (item.kind === 'close') {
        pausesBefore.set('close', pending);
        pending = [];
      }
    }
    const guides = used.map((m) => {
      const guide = guideData(m, titles, paper);
      const times = day.items.filter((i) => i.kind === 'segment' && i.module === m.id);
      const segments = guide.segments.map((s, i) => ({
        ...s,
        start: times[i]?.start ?? s.start,
        end: times[i]?.end ?? s.end,
        // The first segment's pauses come before the module's title, not under it.
        before: i === 0 ? [] : (pausesBefore.get(`${m.id}\0${i}`) ?? []),
      }));
      return {
        ...guide,
        before: pausesBefore.get(`${m.id}\u00000`) ?? [],
        segments,
        agenda: segments.map(({ blocks: _b, questions: _q, before: _p, ...row }) => row),
      };
    });
    return {
      ...day,
      opening: planDay.opening
        ? {
            minutes: planDay.opening.minutes,
            housekeeping: planDay.opening.housekeeping ?? '',
            notes: used
              .filter((m) => m.frontmatter.contentNote)
              .map((m) => ({ module: m.frontmatter.title, text: m.frontmatter.contentNote! })),
          }
        : null,
      close: planDay.close
        ? {
            minutes: planDay.close.minutes,
            before: pausesBefore.get('close') ?? [],
            modules: used.map((m) => ({
              title: m.frontmatter.title,
              objectives: m.frontmatter.objectives.map((o) => o.text),
            })),
          }
        : null,
      modules: guides,
    };
  });

  // Each task once, due by the earliest date any module that needs it asks for.
  const prep = new Map<string, { task: string; due: string; order: number; modules: string[] }>();
  plan.days.forEach((day) => {
    for (const id of day.modules) {
      const m = modules.get(id);
      if (!m) continue;
      for (const p of m.frontmatter.preparation) {
        const order = toMinutes(day.start) - leadMinutes(p.lead) + Date.parse(day.date) / 60000;
        const key = taskKey(p.task);
        const entry = prep.get(key);
        const due = dueDate(p.lead, day.date, day.start);
        if (!entry) prep.set(key, { task: p.task, due, order, modules: [m.frontmatter.title] });
        else {
          if (!entry.modules.includes(m.frontmatter.title)) entry.modules.push(m.frontmatter.title);
          if (order < entry.order) Object.assign(entry, { due, order });
        }
      }
    }
  });

  const materials = new Map<string, DayPackData['materials'][number]>();
  for (const m of new Set(plan.days.flatMap((d) => d.modules)))
    for (const item of modules.get(m)?.frontmatter.materials ?? []) {
      const entry = materials.get(item) ?? { item, ...quantityFor(item, plan.participants), modules: [] };
      entry.modules.push(titles.get(m) ?? m);
      materials.set(item, entry);
    }

  // Room set-up changes, in the order the day reaches them: a module with the same set-up as
  // the one before it needs no change.
  const roomSetup: DayPackData['roomSetup'] = [];
  days.forEach((day, d) => {
    let previous = '';
    for (const id of plan.days[d]!.modules) {
      const setup = modules.get(id)?.frontmatter.roomSetup ?? '';
      if (!setup || setup === previous) continue;
      const first = day.items.find((i) => i.module === id);
      roomSetup.push({ day: d + 1, start: first?.start ?? day.start, module: titles.get(id) ?? id, text: setup });
      previous = setup;
    }
  });

  return {
    paper,
    plan: { ...base.plan, participants: plan.participants === undefined ? '' : String(plan.participants) },
    days,
    preparation: [...prep.values()]
      .sort((a, b) => a.order - b.order || a.task.localeCompare(b.task))
      .map(({ order: _o, ...rest }) => rest),
    materials: [...materials.values()],
    roomSetup,
  };
}

export interface ParticipantPackData {
  paper: Paper;
  plan: PlanDocumentData['plan'];
  days: ClockDay[];
  /** The handouts of the plan's modules, from the participant's view, without role briefs. */
  handouts: HandoutData[];
}

/** The participant pack: the agenda by the clock and the day's handouts; role cards are printed apart. */
export function participantPackData(
  checked: CheckedPlan,
  modules: ReadonlyMap<string, Module>,
  paper: Paper,
): ParticipantPackData {
  const base = planData(checked, modules, paper);
  const titles = new Map([...modules.values()].map((m) => [m.id, m.frontmatter.title]));
  const handouts = [...new Set(checked.plan.days.flatMap((d) => d.modules))]
    .map((id) => modules.get(id))
    .filter((m): m is Module => m !== undefined)
    .map((m) => ({ ...handoutData(m, titles, paper), roleCards: [] }));
  return { paper, plan: base.plan, days: base.days, handouts };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2027-02-09` as people write it on a certificate: `9 February 2027`. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** A plan's dates in words: `9 February 2027`, `2–3 March 2027`, or each date joined. */
export function planDates(dates: readonly string[]): string {
  if (dates.length === 1) return longDate(dates[0]!);
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const consecutive = dates.every(
    (d, i) => i === 0 || Date.parse(`${d}T00:00:00Z`) - Date.parse(`${dates[i - 1]}T00:00:00Z`) === 86_400_000,
  );
  if (consecutive && first.slice(0, 7) === last.slice(0, 7)) return `${Number(first.slice(8))}–${longDate(last)}`;
  return dates.map(longDate).join(', ');
}

/** Minutes in words: `6 hours 15 minutes`, `45 minutes`, `1 hour`. */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [];
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m || !h) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** Spare rows on a sign-in sheet for people who were not expected: a fifth more, at least three. */
export const spareRows = (participants: number) => Math.max(3, Math.ceil(participants / 5));
/** Rows on a sign-in sheet when the plan gives no head count. */
export const SIGN_IN_ROWS_UNCOUNTED = 20;

export interface SignInSheetData {
  paper: Paper;
  plan: PlanDocumentData['plan'];
  /** One sheet per day: people sign in each day. */
  days: { date: string; long: string; start: string; end: string }[];
  rows: number;
  /** How the rows were counted, for the sheet's note to the trainer. */
  counted: string;
}

/**
 * The sign-in sheet, for the trainer: the plan, each day's date and the venue, a blank for the
 * facilitator's name (the plan has no such field), and one row per expected participant plus
 * spares, each day on its own page.
 */
export function signInSheetData(
  checked: CheckedPlan,
  modules: ReadonlyMap<string, Module>,
  paper: Paper,
): SignInSheetData {
  const base = planData(checked, modules, paper);
  const people = checked.plan.participants;
  const rows = people === undefined ? SIGN_IN_ROWS_UNCOUNTED : people + spareRows(people);
  return {
    paper,
    plan: base.plan,
    days: checked.plan.days.map((d) => ({ date: d.date, long: longDate(d.date), start: d.start, end: d.end })),
    rows,
    counted:
      people === undefined
        ? `${rows} rows: the plan does not say how many people will come.`
        : `${rows} rows: ${people} expected participants and ${rows - people} spare.`,
  };
}

export interface FeedbackFormData {
  paper: Paper;
  plan: PlanDocumentData['plan'];
  dates: string;
  /** The plan's modules, each with its objectives as the participant's view gives them. */
  modules: { title: string; objectives: string[] }[];
}

/**
 * The feedback form, handed to each participant: the plan's title and dates and, per module,
 * its title and objectives from the participant's view. Nothing from the facilitator's view.
 */
export function feedbackFormData(
  checked: CheckedPlan,
  modules: ReadonlyMap<string, Module>,
  paper: Paper,
): FeedbackFormData {
  const base = planData(checked, modules, paper);
  return {
    paper,
    plan: base.plan,
    dates: planDates(checked.plan.days.map((d) => d.date)),
    modules: planModules(checked, modules).map((m) => {
      const view = participantView(m);
      return { title: view.meta.title, objectives: view.meta.objectives.map((o) => o.text) };
    }),
  };
}

export interface CertificatesData {
  paper: Paper;
  plan: PlanDocumentData['plan'];
  dates: string;
  /** Module titles, in the order the plan runs them. */
  modules: string[];
  /** Training time over all days, in words (breaks, lunch, opening and close not counted). */
  training: string;
  /** One certificate per name, in the order given. Names are data: never read as Typst. */
  attendees: string[];
}

/** Certificates of attendance for a plan: one landscape page per attendee. */
export function certificatesData(
  checked: CheckedPlan,
  modules: ReadonlyMap<string, Module>,
  paper: Paper,
  attendees: readonly string[],
): CertificatesData {
  const base = planData(checked, modules, paper);
  return {
    paper,
    plan: base.plan,
    dates: planDates(checked.plan.days.map((d) => d.date)),
    modules: planModules(checked, modules).map((m) => participantView(m).meta.title),
    training: hoursAndMinutes(checked.schedule.days.reduce((n, d) => n + d.training, 0)),
    attendees: [...attendees],
  };
}

/** A plan's modules, each once, in the order the plan runs them. */
function planModules(checked: CheckedPlan, modules: ReadonlyMap<string, Module>): Module[] {
  return [...new Set(checked.plan.days.flatMap((d) => d.modules))]
    .map((id) => modules.get(id))
    .filter((m): m is Module => m !== undefined);
}
