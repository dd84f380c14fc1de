import type { Rule } from '../rule.ts';
import { listValues, suggest } from '../suggest.ts';

export const rule: Rule = {
  id: 'activity-objectives-exist',
  severity: 'error',
  summary: 'Every question names an objective it checks, and every objective an activity or question names exists.',
  why: 'A question that serves no objective tests something the module never set out to teach.',
  check({ module, report }) {
    const objectives = module.raw?.objectives;
    if (!Array.isArray(objectives)) return;
    const ids = objectives
      .map((o: unknown) => (o as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string');
    const unknown = (value: string, node: Parameters<typeof report>[0]) => {
      const close = suggest(value, ids);
      report(node, `Unexpected objective \`${value}\`, expected one of ${listValues(ids)}`, {
        hint: close ? `Did you mean \`${close}\`?` : 'Use the `id` of one of the module’s objectives.',
      });
    };
    for (const activity of module.body.activities)
      for (const o of activity.objectives) if (!ids.includes(o)) unknown(o, placeStart(activity.node));
    for (const check of module.body.checks)
      for (const q of check.questions) {
        if (!q.objective)
          report(q.node, 'Missing `objective` on a question, expected the objective it checks', {
            hint: `Add \`{objective=${ids[0] ?? 'objective-id'}}\` after the question.`,
          });
        else if (!ids.includes(q.objective)) unknown(q.objective, q.node);
      }
  },
};

function placeStart(node: { position?: { start: { line: number; column: number } } | undefined }) {
  const s = node.position?.start ?? { line: 1, column: 1 };
  return { line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 3 };
}
