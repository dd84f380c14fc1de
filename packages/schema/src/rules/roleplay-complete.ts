import { contentOf } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

export const rule: Rule = {
  id: 'roleplay-complete',
  severity: 'error',
  summary: 'A role-play has `minutes`, at least two `:::role` cards, an `:::observer` checklist and a `:::debrief`.',
  why: 'Without cards nobody knows what to play; without a time and a debrief the practice is not learnt from.',
  check({ module, report }) {
    for (const activity of module.body.activities) {
      if (activity.kind !== 'roleplay') continue;
      const node = activity.node;
      const at = firstLineOf(node);
      const children = contentOf(node);
      const count = (name: string) => children.filter((c) => c.type === 'containerDirective' && c.name === name).length;
      const minutes = node.attributes?.minutes;
      if (!minutes || !/^\d+$/.test(minutes))
        report(at, 'Missing `minutes` on a role-play, expected how long each round runs', {
          hint: 'Add the timing: `::::roleplay[Title]{minutes=15 objectives="…"}`.',
        });
      const roles = count('role');
      if (roles < 2)
        report(at, `Unexpected ${roles} role card${roles === 1 ? '' : 's'} in a role-play, expected at least 2`, {
          hint: 'Add a `:::role[Name]` card for each part, for example the customer and the agent.',
        });
      if (count('observer') === 0)
        report(at, 'Missing observer checklist in a role-play', {
          hint: 'Add `:::observer` with a task list of what to watch for.',
        });
      if (count('debrief') === 0)
        report(at, 'Missing debrief in a role-play', {
          hint: 'Add `:::debrief` with the questions to ask afterwards and what to listen for.',
        });
    }
  },
};
