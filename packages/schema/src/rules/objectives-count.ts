import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'objectives-count',
  severity: 'error',
  summary: 'A module has 3 to 5 learning objectives.',
  why: 'Fewer than three is rarely a whole session; more than five cannot all be practised in one.',
  check({ module, reportAt }) {
    const objectives = module.raw?.objectives;
    if (!Array.isArray(objectives)) return;
    const n = objectives.length;
    if (n >= 3 && n <= 5) return;
    reportAt(['objectives'], `Unexpected ${n} objective${n === 1 ? '' : 's'}, expected 3 to 5`, {
      hint:
        n < 3
          ? 'Add an objective a facilitator can observe ("Restate the customer’s problem first").'
          : 'Merge related objectives or move some to another module.',
      asKey: true,
    });
  },
};
