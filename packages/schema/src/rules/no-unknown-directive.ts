import { DIRECTIVES, nodesOfType, type Directive } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';
import { listValues, suggest } from '../suggest.ts';

const NAMES = Object.keys(DIRECTIVES);
const SYNTAX: Record<Directive['type'], string> = {
  containerDirective: ':::name … :::',
  leafDirective: '::name',
  textDirective: ':name[…]',
};

export const rule: Rule = {
  id: 'no-unknown-directive',
  severity: 'error',
  summary: 'Every directive is one the module format knows, written in its form (`:`, `::` or `:::`) and in its place.',
  why: 'An unknown or misplaced directive is silently dropped from the site and the guides.',
  check({ module, report }) {
    const tree = module.parsed.tree;
    const directives = [
      ...nodesOfType(tree, 'containerDirective'),
      ...nodesOfType(tree, 'leafDirective'),
      ...nodesOfType(tree, 'textDirective'),
    ];
    for (const { node, parent } of directives) {
      const spec = DIRECTIVES[node.name as keyof typeof DIRECTIVES] as
        (typeof DIRECTIVES)[keyof typeof DIRECTIVES] | undefined;
      const at = firstLineOf(node);
      if (!spec) {
        const close = suggest(node.name, NAMES);
        if (node.type === 'textDirective')
          report(at, `Unexpected \`:${node.name}\` in text, expected a known inline directive (\`:term\`)`, {
            hint: close
              ? `Did you mean \`:${close}\`?`
              : `If you meant a plain colon, add a space after it or write \`\\:${node.name}\`.`,
          });
        else
          report(at, `Unexpected directive \`${node.name}\`, expected one of ${listValues(NAMES)}`, {
            hint: close ? `Did you mean \`${close}\`?` : 'See the list of directives in the author guide.',
          });
        continue;
      }
      if (spec.kind !== node.type) {
        report(
          at,
          `Unexpected form of \`${node.name}\`, expected \`${SYNTAX[spec.kind].replace('name', node.name)}\``,
          {
            hint: `Write \`${node.name}\` as \`${SYNTAX[spec.kind].replace('name', node.name)}\`.`,
          },
        );
        continue;
      }
      const parents = spec.parents as readonly string[];
      if (!parents.includes('*') && !parents.includes(parent))
        report(
          at,
          `Unexpected \`${node.name}\` ${parent === 'root' ? 'at the top level' : `inside \`${parent}\``}, expected it inside ${listValues(parents.map((p) => (p === 'root' ? 'the top level' : p)))}`,
          {
            hint:
              parent === 'root'
                ? `Move it inside its parent, and give the parent one more colon (\`::::${parents[0]}\`).`
                : 'Close the enclosing block first, or move this one.',
          },
        );
    }
  },
};
