import { toString } from 'mdast-util-to-string';
import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

const VAGUE = new Set([
  'here',
  'click here',
  'this',
  'link',
  'this link',
  'more',
  'read more',
  'click',
  'page',
  'this page',
  'go',
  'learn more',
]);

export const rule: Rule = {
  id: 'descriptive-link-text',
  severity: 'error',
  summary: 'Link text says where the link goes (not “click here” or a bare address).',
  why: 'Screen-reader users often list a page’s links out of context; “here” tells them nothing.',
  check({ module, report }) {
    for (const { node } of nodesOfType(module.parsed.tree, 'link')) {
      const text = toString(node).trim();
      const bare = text === node.url || /^https?:\/\//.test(text);
      if (text === '' || VAGUE.has(text.toLowerCase().replace(/[.!:]$/, '')) || bare)
        report(node, `Unexpected link text \`${text || '(empty)'}\`, expected words that say where the link goes`, {
          hint: 'Describe the destination: `[the de-escalation job aid](…)` rather than `[here](…)`.',
        });
    }
  },
};
