import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

/** Inline tags authors may use; everything else must be Markdown or a directive. */
export const ALLOWED_HTML = new Set(['kbd', 'abbr', 'br', 'sub', 'sup']);
const ALLOWED_ATTRIBUTES = new Set(['title']);
const TAG = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;

export const rule: Rule = {
  id: 'no-raw-html',
  severity: 'error',
  summary: 'No raw HTML except `<kbd>`, `<abbr title>`, `<br>`, `<sub>` and `<sup>`; never scripts or `on…` handlers.',
  why: 'Author text reaches learners’ browsers and printed PDFs: raw HTML can break layouts, hide content or run code.',
  check({ module, report }) {
    for (const { node } of nodesOfType(module.parsed.tree, 'html')) {
      const value = node.value;
      if (/^<!--[\s\S]*-->$/.test(value.trim())) continue; // comments are dropped when rendering
      let found = false;
      for (const match of value.matchAll(TAG)) {
        found = true;
        if (match[1]) continue; // a closing tag: its opening tag was reported
        const tag = match[2]!.toLowerCase();
        const attributes = [...(match[3] ?? '').matchAll(ATTRIBUTE)].map((a) => a[1]!.toLowerCase());
        if (tag === 'script' || tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'style') {
          report(node, `Unexpected \`<${tag}>\`, expected no scripts or embedded content in a module`, {
            hint: 'Remove it. Modules are text: use Markdown and the Frontline directives.',
          });
          break;
        }
        const handler = attributes.find((a) => a.startsWith('on'));
        if (handler) {
          report(node, `Unexpected event handler \`${handler}\` on \`<${tag}>\`, expected no scripting in a module`, {
            hint: 'Remove the attribute.',
          });
          break;
        }
        if (!ALLOWED_HTML.has(tag)) {
          report(
            node,
            `Unexpected raw HTML \`<${tag}>\`, expected Markdown or one of \`<kbd>\`, \`<abbr>\`, \`<br>\`, \`<sub>\`, \`<sup>\``,
            {
              hint: 'Use Markdown (`**bold**`, lists, tables) or a directive instead.',
            },
          );
          break;
        }
        const extra = attributes.find((a) => !ALLOWED_ATTRIBUTES.has(a));
        if (extra) {
          report(node, `Unexpected attribute \`${extra}\` on \`<${tag}>\`, expected at most \`title\``, {
            hint: 'Remove the attribute.',
          });
          break;
        }
      }
      if (!found)
        report(node, 'Unexpected raw HTML, expected Markdown', { hint: 'Remove the HTML or write it as Markdown.' });
    }
  },
};
