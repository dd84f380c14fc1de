import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

const MEANINGLESS =
  /^(?:image|picture|photo|img|graphic|screenshot|icon|figure|untitled|alt|[\w-]+\.(?:png|jpe?g|gif|svg|webp))$/i;

export const rule: Rule = {
  id: 'image-alt-text',
  severity: 'error',
  summary: 'Every image has alt text that describes it (not empty, not “image”, not a file name).',
  why: 'Blind and low-vision learners depend on alt text, and it is what a printed handout falls back to.',
  check({ module, report }) {
    const tree = module.parsed.tree;
    for (const { node } of [...nodesOfType(tree, 'image'), ...nodesOfType(tree, 'imageReference')]) {
      const alt = (node.alt ?? '').trim();
      if (alt.length < 4 || MEANINGLESS.test(alt))
        report(node, `Unexpected alt text \`${alt || '(empty)'}\`, expected a short description of the image`, {
          hint: 'Say what the image shows and why it is there: `![Agent at a counter listening to a customer](…)`.',
        });
    }
  },
};
