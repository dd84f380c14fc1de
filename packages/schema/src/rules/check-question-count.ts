import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

export const rule: Rule = {
  id: 'check-question-count',
  severity: 'error',
  summary: 'A knowledge check has 3 to 6 questions.',
  why: 'Fewer than three says little about what was learnt; more than six turns a check into a test.',
  check({ module, report }) {
    for (const check of module.body.checks) {
      const n = check.questions.length;
      if (n >= 3 && n <= 6) continue;
      report(
        firstLineOf(check.node),
        `Unexpected ${n} question${n === 1 ? '' : 's'} in a knowledge check, expected 3 to 6`,
        {
          hint:
            n < 3
              ? 'Add questions, each starting with `::question[…]{objective=…}`.'
              : 'Keep the six questions that best match the objectives.',
        },
      );
    }
  },
};
