import { nodesOfType } from '../model.ts';
import type { Root } from 'mdast';
import type { Rule, RuleContext } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

const FENCE = /^\s*:{3,}\s*$/;

export const rule: Rule = {
  id: 'no-unclosed-directive',
  severity: 'error',
  summary: 'Every `:::` block is closed by its own `:::` line, with more colons on the outer block when nested.',
  why: 'An unclosed block swallows everything after it, so facilitator notes can leak into learner pages.',
  check({ module, report }) {
    const lines = module.parsed.text.split('\n');
    reportIndentedFences(module.parsed.tree, lines, report);
    const containers = nodesOfType(module.parsed.tree, 'containerDirective');
    if (containers.length === 0) return;
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

/**
 * A closing `:::` indented under a list item (as a formatter may leave it) is read as part of
 * the item or closes the wrong block, and the next block lands inside another: point at it.
 * Fences start at the beginning of their line.
 */
function reportIndentedFences(tree: Root, lines: readonly string[], report: RuleContext['report']): void {
  const inCode = new Set<number>();
  // Fenced code only: a fence indented under a list item is itself read as indented code.
  for (const { node } of nodesOfType(tree, 'code'))
    if (/^\s*(?:```|~~~)/.test(lines[(node.position?.start.line ?? 1) - 1] ?? ''))
      for (let line = node.position?.start.line ?? 0; line <= (node.position?.end.line ?? -1); line++) inCode.add(line);
  lines.forEach((text, i) => {
    const indented = /^([ \t]+)(:{3,})[ \t]*\r?$/.exec(text);
    if (!indented || inCode.has(i + 1)) return;
    const at = indented[1]!.length + 1;
    report(
      { line: i + 1, column: at, endLine: i + 1, endColumn: at + indented[2]!.length },
      `Unexpected indented \`${indented[2]}\`, expected a closing fence at the start of the line`,
      {
        hint: `Remove the ${indented[1]!.length} spaces before \`${indented[2]}\`: indented, it may belong to the list item above, and the blocks around it end in the wrong place.`,
      },
    );
  });
}
