import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'check-question-has-reason',
  severity: 'error',
  summary: 'Every question has exactly one `Reason:` paragraph explaining the answer.',
  why: 'Learners learn from the reason, and facilitators need it in the answer key.',
  check({ module, report }) {
    for (const check of module.body.checks)
      for (const q of check.questions) {
        if (q.reasons.length === 1) continue;
        if (q.reasons.length === 0)
          report(q.node, 'Missing reason for a question, expected a `Reason:` paragraph after its options', {
            hint: 'Add a paragraph starting `Reason:` that says why the right answer is right.',
          });
        else
          report(q.reasons[1], `Unexpected ${q.reasons.length} reasons for one question, expected one`, {
            hint: 'Merge the reasons into one `Reason:` paragraph.',
          });
      }
  },
};
