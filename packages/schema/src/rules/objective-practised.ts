import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'objective-practised',
  severity: 'error',
  summary: 'Every objective is practised by an activity or checked by a question.',
  why: 'An objective that nothing practises or checks is a promise the module does not keep.',
  check({ module, reportAt }) {
    const objectives = module.raw?.objectives;
    if (!Array.isArray(objectives)) return;
    const used = new Set<string>();
    for (const a of module.body.activities) for (const o of a.objectives) used.add(o);
    for (const c of module.body.checks) for (const q of c.questions) if (q.objective) used.add(q.objective);
    objectives.forEach((o: unknown, i) => {
      const id = (o as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || used.has(id)) return;
      reportAt(['objectives', i, 'id'], `Unexpected objective \`${id}\` that no activity or question serves`, {
        hint: `Add \`objectives="${id}"\` to a discussion, role-play or reflection, or \`objective=${id}\` to a question.`,
      });
    });
  },
};
