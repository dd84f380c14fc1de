import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

const UNSAFE = /^\s*(?:javascript|vbscript|data|file)\s*:/i;
const HTML_URL = /\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*((?:javascript|vbscript|data|file)\s*:)/i;

export const rule: Rule = {
  id: 'no-unsafe-url',
  severity: 'error',
  summary: 'No `javascript:`, `vbscript:`, `data:` or `file:` URLs in links, images or HTML.',
  why: 'These URLs run code or smuggle content past review; there is always a safe way to link.',
  check({ module, report }) {
    const tree = module.parsed.tree;
    const targets = [...nodesOfType(tree, 'link'), ...nodesOfType(tree, 'image'), ...nodesOfType(tree, 'definition')];
    for (const { node } of targets) {
      if (UNSAFE.test(node.url)) {
        const scheme = node.url.trim().split(':')[0]!.toLowerCase();
        report(node, `Unexpected \`${scheme}:\` URL, expected an http(s) address or a relative path`, {
          hint: scheme === 'data' ? 'Save the file under content/ and link to it by path.' : 'Remove the link.',
        });
      }
    }
    for (const { node } of nodesOfType(tree, 'html')) {
      const match = HTML_URL.exec(node.value);
      if (match)
        report(node, `Unexpected \`${match[1]!.replace(/\s/g, '')}\` URL in HTML, expected none`, {
          hint: 'Remove it.',
        });
    }
  },
};
