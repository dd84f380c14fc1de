import { contentOf } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

export const rule: Rule = {
  id: 'discussion-has-expected',
  severity: 'error',
  summary: 'Every discussion has an `:::expected` block saying what good answers contain.',
  why: 'Facilitators need to know what to listen for and what to add when the room misses it.',
  check({ module, report }) {
    for (const activity of module.body.activities) {
      if (activity.kind !== 'discussion') continue;
      const has = contentOf(activity.node).some((c) => c.type === 'containerDirective' && c.name === 'expected');
      if (!has)
        report(
          firstLineOf(activity.node),
          'Missing `:::expected` in a discussion, expected what good answers contain',
          {
            hint: 'Inside the discussion (opened with `::::`), add `:::expected` … `:::` listing what good answers mention.',
          },
        );
    }
  },
};
