import { METHODS } from '../model.ts';
import type { Rule } from '../rule.ts';
import { listValues, suggest } from '../suggest.ts';

export const rule: Rule = {
  id: 'segment-attributes',
  severity: 'error',
  summary: 'Every `::segment` has a title, whole `minutes` and a known `method`.',
  why: 'The agenda, the running clock and the planner are built from these three values.',
  check({ module, report }) {
    for (const segment of module.body.segments) {
      const { node } = segment;
      if (!segment.title)
        report(node, 'Missing segment title, expected `::segment[Title]{…}`', {
          hint: 'Put the title in square brackets: `::segment[Opening]{minutes=10 method=presentation}`.',
        });
      const raw = node.attributes?.minutes;
      if (segment.minutes === undefined || segment.minutes === 0)
        report(
          node,
          raw == null
            ? 'Missing `minutes` on a segment, expected a whole number'
            : `Unexpected \`minutes=${raw}\`, expected a whole number above 0`,
          {
            hint: 'Add the length in whole minutes, for example `{minutes=15 method=discussion}`.',
          },
        );
      const method = segment.method;
      if (!method) report(node, 'Missing `method` on a segment', { hint: `Add one of ${listValues(METHODS)}.` });
      else if (!(METHODS as readonly string[]).includes(method)) {
        const close = suggest(method, METHODS);
        report(node, `Unexpected method \`${method}\`, expected one of ${listValues(METHODS)}`, {
          hint: close ? `Did you mean \`${close}\`?` : `Use one of ${listValues(METHODS)}.`,
        });
      }
    }
  },
};
