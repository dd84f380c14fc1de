import type { BreaksPolicy, Plan } from './schemas/plan.ts';

/** A module as the scheduler needs it: its timed segments. */
export interface SchedulableModule {
  id: string;
  title: string;
  segments: { title: string; minutes: number }[];
}

export type AgendaKind = 'opening' | 'segment' | 'break' | 'lunch' | 'gap' | 'close';

/** One line of a day's wall-clock agenda. Times are minutes after midnight. */
export interface AgendaItem {
  kind: AgendaKind;
  start: number;
  end: number;
  title: string;
  module?: string;
}

/** A scheduling problem, tied to a day (and a module in it) for placing in the plan file. */
export interface ScheduleProblem {
  day: number;
  /** Index in that day's `modules`, when the problem is a module's. */
  module?: number;
  /** The day's opening or close, when the problem is theirs. */
  part?: 'opening' | 'close';
  message: string;
  hint: string;
}

export interface ScheduledDay {
  date: string;
  start: number;
  end: number;
  items: AgendaItem[];
  /** Minutes of training (segments only). */
  training: number;
  /** When the last thing of the day (the close, else the last segment) ends. */
  finish: number;
}

export interface Schedule {
  days: ScheduledDay[];
  problems: ScheduleProblem[];
}

/** `09:30` → 570. */
export const toMinutes = (clock: string): number => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** 570 → `09:30`. */
export const toClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A timed part of a day: the opening, a module's segment, or the close. */
interface Part {
  kind: 'opening' | 'segment' | 'close';
  title: string;
  minutes: number;
  module?: string;
}

/** The running clock of one day: places each part where the breaks policy lets it go. */
function dayClock(policy: BreaksPolicy, start: number, end: number) {
  const items: AgendaItem[] = [];
  let now = start;
  let sinceBreak = 0;
  // No lunch for a morning that ends before the window or an afternoon that starts after it.
  const lunchFrom = policy.lunch ? toMinutes(policy.lunch.from) : 0;
  const lunchTo = policy.lunch ? toMinutes(policy.lunch.to) : 0;
  const lunchLength = policy.lunch?.minutes ?? 0;
  const latestLunch = lunchTo - lunchLength;
  let lunchTaken = !policy.lunch || start >= latestLunch || end <= lunchFrom;

  const takeBreak = () => {
    items.push({ kind: 'break', start: now, end: now + policy.minutes, title: 'Break' });
    now += policy.minutes;
    sinceBreak = 0;
  };
  const takeLunch = () => {
    if (now < lunchFrom) {
      items.push({ kind: 'gap', start: now, end: lunchFrom, title: 'Free time before lunch' });
      now = lunchFrom;
    }
    items.push({ kind: 'lunch', start: now, end: now + lunchLength, title: 'Lunch' });
    now += lunchLength;
    sinceBreak = 0;
    lunchTaken = true;
  };

  return {
    items,
    now: () => now,
    lunchTooShort: latestLunch < lunchFrom,
    /** Places one timed part; `boundary` when it starts a module or the close (a natural pause). */
    place(part: Part, boundary: boolean) {
      // Between modules, prefer natural pauses: lunch once its window is open, and a short
      // break once three quarters of the allowed stretch has run.
      if (boundary && !lunchTaken && now >= lunchFrom) takeLunch();
      else if (boundary && sinceBreak >= policy.every * 0.75) takeBreak();
      // Lunch first: if running this part would push lunch past its latest start.
      if (!lunchTaken && now + part.minutes > latestLunch) takeLunch();
      else if (sinceBreak > 0 && sinceBreak + part.minutes > policy.every) {
        takeBreak();
        if (!lunchTaken && now + part.minutes > latestLunch) takeLunch();
      }
      items.push({
        kind: part.kind,
        start: now,
        end: now + part.minutes,
        title: part.title,
        ...(part.module ? { module: part.module } : {}),
      });
      now += part.minutes;
      sinceBreak += part.minutes;
    },
  };
}

/** Lays out one day (see `schedulePlan`), adding its problems to `problems`. */
function scheduleDay(
  plan: Plan,
  dayIndex: number,
  modules: ReadonlyMap<string, SchedulableModule>,
  problems: ScheduleProblem[],
): ScheduledDay {
  const day = plan.days[dayIndex]!;
  const policy: BreaksPolicy = day.breaks ?? plan.breaks;
  const start = toMinutes(day.start);
  const end = toMinutes(day.end);
  const clock = dayClock(policy, start, end);
  const { items } = clock;

  if (end <= start)
    problems.push({
      day: dayIndex,
      message: `Unexpected day that ends at ${day.end}, before it starts at ${day.start}`,
      hint: 'Swap `start` and `end`, or fix the times.',
    });
  if (policy.lunch && clock.lunchTooShort)
    problems.push({
      day: dayIndex,
      message: `Unexpected lunch window ${policy.lunch.from}–${policy.lunch.to}, too short for ${policy.lunch.minutes} minutes of lunch`,
      hint: 'Widen the window or shorten lunch.',
    });

  if (day.opening) {
    clock.place({ kind: 'opening', title: 'Opening', minutes: day.opening.minutes }, false);
    if (clock.now() > end)
      problems.push({
        day: dayIndex,
        part: 'opening',
        message: `Unexpected opening that ends at ${toClock(clock.now())}, expected the day to end by ${day.end}`,
        hint: 'Shorten the opening, or fix the day’s `start` and `end`.',
      });
  }
  day.modules.forEach((id, moduleIndex) => {
    const module = modules.get(id);
    if (!module) return; // reported by the plan's module check
    module.segments.forEach((segment, segmentIndex) => {
      if (segment.minutes > policy.every)
        problems.push({
          day: dayIndex,
          module: moduleIndex,
          message: `Unexpected ${segment.minutes}-minute segment “${segment.title}” in \`${id}\`, longer than the ${policy.every} minutes allowed between breaks`,
          hint: `Raise \`breaks.every\` to at least ${segment.minutes}, or split the segment in the module.`,
        });
      // A module that follows the opening or another module starts at a natural pause.
      clock.place(
        { kind: 'segment', title: segment.title, minutes: segment.minutes, module: id },
        segmentIndex === 0 && (moduleIndex > 0 || day.opening !== undefined),
      );
    });
    // Every module that ends after the day's end, at the time the agenda shows it ending.
    if (clock.now() > end && module.segments.length)
      problems.push({
        day: dayIndex,
        module: moduleIndex,
        message: `Unexpected end at ${toClock(clock.now())} for \`${id}\` on ${day.date}, expected the day to end by ${day.end}`,
        hint: `Move \`${id}\` (${module.segments.reduce((n, s) => n + s.minutes, 0)} minutes) to another day, start earlier, or end later.`,
      });
  });
  if (day.close) {
    clock.place({ kind: 'close', title: 'Close', minutes: day.close.minutes }, true);
    if (clock.now() > end)
      problems.push({
        day: dayIndex,
        part: 'close',
        message: `Unexpected close that ends at ${toClock(clock.now())} on ${day.date}, expected the day to end by ${day.end}`,
        hint: `End the day at ${toClock(clock.now())}, shorten the close, or move a module to another day.`,
      });
  }
  const training = items.filter((i) => i.kind === 'segment').reduce((n, i) => n + i.end - i.start, 0);
  return { date: day.date, start, end, items, training, finish: items.at(-1)?.end ?? start };
}

/**
 * Lays every day's modules out on the clock, segment by segment (a module may be split
 * across a break or lunch at a segment boundary, never inside a segment):
 * - a short break is inserted before a segment that would run past `every` minutes
 *   since the last break, or between two modules once three quarters of that stretch has
 *   run (a natural pause beats a break two minutes into the next module);
 * - between two modules, lunch is taken as soon as its window is open;
 * - lunch is taken at the first segment boundary inside the window from which the next
 *   segment would end too late to still fit lunch before the window closes; when no
 *   boundary falls inside the window, the room waits until it opens (a gap);
 * - the day's opening, when it has one, comes first and counts towards the stretch before a
 *   break; its close, after the last module, is placed like one more segment;
 * - anything that would end after the day's end is a problem, placed at its module (or at the
 *   opening or close).
 */
export function schedulePlan(plan: Plan, modules: ReadonlyMap<string, SchedulableModule>): Schedule {
  const problems: ScheduleProblem[] = [];
  const days = plan.days.map((_day, dayIndex) => scheduleDay(plan, dayIndex, modules, problems));
  return { days, problems };
}
