import type { Node, Parent } from 'unist';
import type { Rule } from '../rule.ts';

import { NESTING_LIMIT } from '../limits.ts';

// NESTING_LIMIT: the deepest nesting of lists, block quotes and `:::` blocks inside one another
// that every output renders. The PDFs are the limit: Typst stops at 15 levels of lists (its limit
// on nested elements); 10 leaves room for the blocks the guides wrap around author text (a
// facilitator note, a role card, a path's manual), and no module needs more.
export { NESTING_LIMIT };

/** Nodes that open a level: each is typeset inside the one around it. */
const NESTS = new Set(['list', 'blockquote', 'containerDirective']);

export const rule: Rule = {
  id: 'nesting-depth',
  severity: 'error',
  summary: `Lists, quotes and \`:::\` blocks are nested at most ${NESTING_LIMIT} levels deep.`,
  why: 'Deeper nesting cannot be printed: the facilitator guide and handout PDFs would not build, and readers lose their place long before.',
  check({ module, report }) {
    // A stack rather than recursion: a file may nest thousands of levels, and this rule must not
    // run out of stack where it is meant to report. One report per top-level block is enough.
    for (const top of module.parsed.tree.children) {
      const stack: [Node, number][] = [[top, 0]];
      while (stack.length > 0) {
        const [node, outer] = stack.pop()!;
        const depth = outer + (NESTS.has(node.type) ? 1 : 0);
        if (depth > NESTING_LIMIT) {
          report(
            node,
            `Unexpected nesting ${depth} levels deep (lists, quotes and \`:::\` blocks inside one another), expected ${NESTING_LIMIT} at most`,
            {
              hint: 'Make the inner levels paragraphs or a list of their own after this one, or split the block in two.',
            },
          );
          break;
        }
        const children = (node as Partial<Parent>).children;
        if (children) for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth]);
      }
    }
  },
};
