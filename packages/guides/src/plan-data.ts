import { toClock, type CheckedPlan, type Module } from '@frontline/schema';
import type { Paper } from './data.ts';

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
