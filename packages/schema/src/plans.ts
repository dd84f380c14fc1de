import { docsUrl, type Diagnostic, type Severity } from './diagnostic.ts';
import { frontmatterDiagnostics } from './frontmatter-issues.ts';
import type { FrontmatterBlock } from './parse.ts';
import { parseYamlFile } from './parse.ts';
import type { PlanFacts } from './facts.ts';
import { indexOf, type Corpus } from './rule.ts';
import type { Cause } from './diagnostic.ts';
import { schedulePlan, toClock, type Schedule } from './schedule.ts';
import { PlanSchema, type Plan } from './schemas/plan.ts';
import { suggest } from './suggest.ts';
import { placeOf } from './yaml-place.ts';

/** A delivery plan file, parsed, validated and scheduled. */
export interface CheckedPlan {
  file: string;
  plan: Plan;
  schedule: Schedule;
}

/** Most minutes a day may leave unplanned at its end before `plan-day-accounted` says so. */
export const UNACCOUNTED_MINUTES = 15;

/** Plan rules: ids and default severities (documented in the author guide). */
export const PLAN_RULES = {
  'plan-schema': {
    severity: 'error',
    summary: 'A plan file has every required key, no unknown key, and values of the right kind.',
  },
  'plan-module-exists': { severity: 'error', summary: 'Every module in a plan exists.' },
  'plan-prerequisite-order': { severity: 'error', summary: 'A module’s prerequisites come earlier in the plan.' },
  'plan-audience': { severity: 'error', summary: 'The plan’s audience is one its modules are written for.' },
  'plan-day-fits': {
    severity: 'error',
    summary: 'Each day’s modules, breaks and lunch fit between its start and end.',
  },
  'plan-day-accounted': {
    severity: 'warning',
    summary: `A day’s last part ends no more than ${UNACCOUNTED_MINUTES} minutes before its \`end\`: time is planned, or the end is honest.`,
  },
  'plan-content-note': {
    severity: 'warning',
    summary: 'A day that runs a module with a content note has an opening, where the note is given.',
  },
  'plan-virtual-blocks': { severity: 'warning', summary: 'Virtual plans break at least every 75 minutes.' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

type PlanRule = keyof typeof PLAN_RULES;

type Report = (rule: PlanRule, path: readonly PropertyKey[], message: string, hint: string) => void;

/** Checks each module of a plan: it exists, its prerequisites come earlier, its audience matches. */
function checkPlanModules(
  plan: Plan,
  {
    modules,
    known,
    ids,
    blocked,
    report,
    placeIn,
    file,
  }: {
    modules: ReadonlyMap<string, PlanFacts>;
    known: ReadonlySet<string>;
    ids: readonly string[];
    blocked: Map<string, Cause[]>;
    report: Report;
    placeIn: (path: readonly PropertyKey[]) => ReturnType<typeof placeOf>;
    file: string;
  },
): void {
  const seen = new Set<string>();
  plan.days.forEach((day, d) =>
    day.modules.forEach((id, i) => {
      const path = ['days', d, 'modules', i];
      const module = modules.get(id);
      if (!module && known.has(id)) {
        const { exact: _e, ...place } = placeIn(path);
        blocked.set(id, [
          ...(blocked.get(id) ?? []),
          { file, ...place, message: `plan \`${plan.id}\` cannot schedule \`${id}\` until this is fixed` },
        ]);
        seen.add(id);
        return;
      }
      if (!module) {
        const close = suggest(id, ids);
        report(
          'plan-module-exists',
          path,
          `Unexpected module \`${id}\`, expected the id of an existing module`,
          close ? `Did you mean \`${close}\`?` : 'Check the id in content/modules/.',
        );
        return;
      }
      for (const pre of module.prerequisites)
        if (!seen.has(pre))
          report(
            'plan-prerequisite-order',
            path,
            `Unexpected \`${id}\` before its prerequisite \`${pre}\`, expected \`${pre}\` earlier in the plan`,
            plan.days.some((x) => x.modules.includes(pre))
              ? `Move \`${pre}\` before \`${id}\`.`
              : `Add \`${pre}\` to an earlier place in the plan.`,
          );
      if (!module.audience.includes(plan.audience))
        report(
          'plan-audience',
          path,
          `Unexpected module \`${id}\` for audience \`${plan.audience}\`, expected one written for it (it is for ${module.audience.map((a) => `\`${a}\``).join(', ')})`,
          'Choose a module for this audience, or change the plan’s audience.',
        );
      seen.add(id);
    }),
  );
}

/** Each scheduled day: time left unplanned at its end, and content notes without an opening. */
function checkDays(plan: Plan, schedule: Schedule, modules: ReadonlyMap<string, PlanFacts>, report: Report): void {
  schedule.days.forEach((day, d) => {
    const spare = day.end - day.finish;
    // A day with a module that cannot be scheduled is incomplete: its end is not yet known.
    const complete = plan.days[d]!.modules.every((id) => modules.has(id));
    if (complete && day.items.length && spare > UNACCOUNTED_MINUTES)
      report(
        'plan-day-accounted',
        ['days', d, 'end'],
        `Unexpected ${spare} minutes with nothing planned at the end of ${day.date} (the day’s last part ends at ${toClock(day.finish)}), expected the day to end within ${UNACCOUNTED_MINUTES} minutes of it`,
        plan.days[d]!.close
          ? `Set \`end: '${toClock(day.finish)}'\`, or lengthen the close.`
          : `Add a \`close\` (recap, commitments, feedback) to the day, or set \`end: '${toClock(day.finish)}'\`.`,
      );
    const noted = plan.days[d]!.modules.filter((id) => modules.get(id)?.contentNote);
    if (noted.length && !plan.days[d]!.opening)
      report(
        'plan-content-note',
        ['days', d, 'modules'],
        `Unexpected day without an opening on ${day.date}, expected one to give the content note of ${noted.map((id) => `\`${id}\``).join(', ')}`,
        'Add `opening: { minutes: 30 }` to the day: the day pack prints each note there, for you to read out before the first module.',
      );
  });
}

/**
 * Validates plan files against the corpus with the same diagnostics as modules: schema,
 * modules exist, prerequisites earlier, audience, and each day fits (breaks and lunch
 * included), every problem at its line and column in the plan file.
 */
export function checkPlans(
  corpus: Corpus,
  sources: readonly { file: string; name: string; text: string }[],
  severityOf: (rule: PlanRule, fallback: Severity) => Severity | 'off' = (_r, s) => s,
): { diagnostics: Diagnostic[]; plans: CheckedPlan[]; blocked: Map<string, Cause[]> } {
  const diagnostics: Diagnostic[] = [];
  // Modules that exist but whose frontmatter has errors: not reported again in the plan, but
  // returned as causes for the module's own error (one root cause, one diagnostic).
  const blocked = new Map<string, Cause[]>();
  const known = indexOf(corpus).ids;
  const plans: CheckedPlan[] = [];
  const modules = new Map(corpus.facts.flatMap((m) => (m.plan ? [[m.plan.id, m.plan] as const] : [])));
  const ids = [...modules.keys()];

  for (const { file, name, text } of sources) {
    const { data, frontmatter, diagnostics: syntax } = parseYamlFile(file, text);
    diagnostics.push(...syntax);
    if (!frontmatter || syntax.some((d) => d.severity === 'error')) continue;
    const result = PlanSchema.safeParse(data ?? {});
    if (!result.success) {
      diagnostics.push(...frontmatterDiagnostics(file, frontmatter, result.error.issues, planKeys, 'plan-schema'));
      continue;
    }
    const plan = result.data;
    const report = (
      rule: PlanRule,
      path: readonly PropertyKey[],
      message: string,
      hint: string,
      fm: FrontmatterBlock = frontmatter,
    ) => {
      const severity = severityOf(rule, PLAN_RULES[rule].severity);
      if (severity === 'off') return;
      const { exact: _e, ...place } = placeOf(fm, path);
      diagnostics.push({ file, ...place, severity, ruleId: rule, message, hint, url: docsUrl(rule) });
    };
    if (plan.id !== name)
      report(
        'plan-schema',
        ['id'],
        `Unexpected id \`${plan.id}\`, expected \`${name}\` to match the file name`,
        `Set \`id: ${name}\`.`,
      );

    checkPlanModules(plan, {
      modules,
      known,
      ids,
      blocked,
      report,
      placeIn: (path) => placeOf(frontmatter, path),
      file,
    });

    if (plan.format === 'virtual')
      plan.days.forEach((day, d) => {
        const policy = day.breaks ?? plan.breaks;
        if (policy.every > 75)
          report(
            'plan-virtual-blocks',
            day.breaks ? ['days', d, 'breaks', 'every'] : ['breaks', 'every'],
            `Unexpected ${policy.every}-minute blocks in a virtual plan, expected at most 75`,
            'Screens tire people faster than rooms: set `every: 60` or `every: 75`.',
          );
      });

    const schedule = schedulePlan(plan, modules);
    for (const p of schedule.problems)
      report(
        'plan-day-fits',
        p.part
          ? ['days', p.day, p.part, 'minutes']
          : p.module === undefined
            ? ['days', p.day]
            : ['days', p.day, 'modules', p.module],
        p.message,
        p.hint,
      );
    checkDays(plan, schedule, modules, report);
    plans.push({ file, plan, schedule });
  }
  return { diagnostics, plans, blocked };
}

function planKeys(path: readonly PropertyKey[]): string[] {
  const top = ['id', 'title', 'audience', 'format', 'venue', 'participants', 'breaks', 'days'];
  const breaks = ['every', 'minutes', 'lunch'];
  const last = path.at(-1);
  if (path.length === 0) return top;
  if (last === 'breaks') return breaks;
  if (last === 'lunch') return ['from', 'to', 'minutes'];
  if (last === 'opening') return ['minutes', 'housekeeping'];
  if (last === 'close') return ['minutes'];
  if (path[0] === 'days' && typeof last === 'number')
    return ['date', 'start', 'end', 'breaks', 'opening', 'modules', 'close'];
  return [];
}
