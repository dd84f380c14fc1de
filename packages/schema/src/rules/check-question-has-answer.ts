import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'check-question-has-answer',
  severity: 'error',
  summary: 'Every question has 2 to 6 options as a task list, and at least one is marked `[x]`.',
  why: 'A question without a correct option cannot be marked, on the site or in the answer key.',
  check({ module, report }) {
    for (const check of module.body.checks)
      for (const q of check.questions) {
        const n = q.options.length;
        if (n < 2 || n > 6)
          report(q.node, `Unexpected ${n} option${n === 1 ? '' : 's'} for a question, expected 2 to 6`, {
            hint: 'List the options as a task list after the question: `- [ ] wrong`, `- [x] right`.',
          });
        else if (!q.options.some((o) => o.correct))
          report(
            q.optionLists[0] ?? q.node,
            'Unexpected question with no correct option, expected at least one `[x]`',
            {
              hint: 'Mark each correct option with `- [x]`.',
            },
          );
      }
  },
};
