import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'heading-increment',
  severity: 'error',
  summary: 'Heading levels go down one at a time; inside a segment they start at `###`.',
  why: 'Screen-reader users move through a page by its headings; a skipped level reads as missing content.',
  check({ module, report }) {
    // Segment titles render as level 2, the page title as level 1.
    let previous = 1;
    for (const node of module.parsed.tree.children) {
      if (node.type === 'leafDirective' && node.name === 'segment') previous = 2;
      if (node.type !== 'heading') continue;
      if (node.depth === 1)
        report(node, 'Unexpected level-1 heading, expected `##` or lower', {
          hint: 'The module title is the page’s only level-1 heading: use `##` (or `###` inside a segment).',
        });
      else if (node.depth > previous + 1)
        report(node, `Unexpected heading level ${node.depth}, expected ${previous + 1} or less`, {
          hint: `Use \`${'#'.repeat(previous + 1)}\` here, so no level is skipped.`,
        });
      previous = node.depth;
    }
  },
};
