import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

const FENCE = /^\s*:{3,}\s*$/;

export const rule: Rule = {
  id: 'no-unclosed-directive',
  severity: 'error',
  summary: 'Every `:::` block is closed by its own `:::` line, with more colons on the outer block when nested.',
  why: 'An unclosed block swallows everything after it, so facilitator notes can leak into learner pages.',
  check({ module, report }) {
    const containers = nodesOfType(module.parsed.tree, 'containerDirective');
    if (containers.length === 0) return;
    const lines = module.parsed.text.split('\n');
    for (const { node } of containers) {
      if (!node.position) continue;
      const last = lines[node.position.end.line - 1] ?? '';
      if (FENCE.test(last.replace(/\r$/, '')) && node.position.end.line > node.position.start.line) continue;
      const colons = /^\s*(:+)/.exec(lines[node.position.start.line - 1] ?? '')?.[1]?.length ?? 3;
      report(
        firstLineOf(node),
        `Unexpected end of file inside \`${node.name}\`, expected a closing \`${':'.repeat(colons)}\``,
        {
          hint: `Add a line with \`${':'.repeat(colons)}\` where the \`${node.name}\` block ends. When blocks are nested, the outer one needs more colons.`,
        },
      );
    }
  },
};
