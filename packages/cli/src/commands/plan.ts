import { relative, sep } from 'node:path';
import { courseOfFile } from '../content-root.ts';
import { colour } from './validate.ts';
import { escapeAuthorText, formatPretty, toClock, validateContent, type CheckedPlan } from '@frontline/schema';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';

/** A plan's agenda as terminal text: one block per day, wall-clock times. */
export function formatAgenda(checked: CheckedPlan, titles: ReadonlyMap<string, string>): string {
  const { plan, schedule } = checked;
  const out = [`${plan.title} (${plan.format}, for ${plan.audience})`];
  schedule.days.forEach((day, i) => {
    out.push(
      '',
      `Day ${i + 1}, ${day.date}: ${toClock(day.start)}–${toClock(day.end)}, ${day.training} minutes of training`,
    );
    let module: string | undefined;
    for (const item of day.items) {
      if (item.kind === 'segment' && item.module !== module) {
        module = item.module;
        out.push(`  ${titles.get(module ?? '') ?? module}`);
      }
      if (item.kind !== 'segment') module = undefined;
      const label = item.kind === 'segment' ? `    ${item.title}` : `  — ${item.title} —`;
      out.push(`${toClock(item.start)}–${toClock(item.end)}${label}`);
    }
  });
  // Titles and dates are author text: escaped like every diagnostic.
  return escapeAuthorText(out.join('\n'));
}

export const planCommand: Command = {
  usage: [
    'Usage: frontline plan <file> [--content <dir>]',
    '',
    'Checks a delivery plan (content/plans/<id>.yaml) and prints its wall-clock agenda.',
  ].join('\n'),
  options: {},
  run({ positionals }, io) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('Give one plan file: frontline plan content/plans/<id>.yaml');
    const { root, path } = courseOfFile(io.cwd, file);
    if (relative(root, path).split(sep)[0] !== 'plans')
      throw new UsageError(`\`${file}\` is not a plan: plans are \`plans/<id>.yaml\` in the course folder.`);
    const result = validateContent(root, { cwd: io.cwd });
    const display = relative(io.cwd, path);
    const problems = result.diagnostics.filter((d) => d.file === display);
    if (problems.length)
      io.stderr.write(`${formatPretty(problems, 1, { color: colour(io, 'stderr'), sources: result.source })}\n\n`);
    const checked = result.plans.find((p) => p.file === display);
    if (!checked) {
      if (!problems.length) throw new UsageError(`\`${file}\` could not be read as a plan.`);
      return EXIT.content;
    }
    const titles = new Map(result.modules.map((m) => [m.id, m.frontmatter.title]));
    io.stdout.write(`${formatAgenda(checked, titles)}\n`);
    return problems.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};
