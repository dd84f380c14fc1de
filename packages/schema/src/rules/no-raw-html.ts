import type { Element, Nodes as HastNodes } from 'hast';
import { createRequire } from 'node:module';
import type { fromHtml as FromHtml } from 'hast-util-from-html';
import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

const require = createRequire(import.meta.url);
let parse: typeof FromHtml | undefined;
/** The HTML parser, loaded when a module first holds raw HTML (loading it costs a check about 35 ms). */
const fromHtml: typeof FromHtml = (...args) =>
  (parse ??= (require('hast-util-from-html') as { fromHtml: typeof FromHtml }).fromHtml)(...args);

/** Inline tags authors may use; everything else must be Markdown or a directive. */
export const ALLOWED_HTML = new Set(['kbd', 'abbr', 'br', 'sub', 'sup']);
const ALLOWED_ATTRIBUTES = new Set(['title']);
/** Elements that run code or embed another document. */
const ACTIVE = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'frame',
  'frameset',
  'applet',
  'base',
  'meta',
  'link',
]);

/** What an HTML snippet holds, read by a real HTML tokenizer (parse5, through hast): its elements in order, and anything else. */
function contentsOf(html: string): { elements: Element[]; other: boolean } {
  const elements: Element[] = [];
  let other = false;
  const visit = (node: HastNodes) => {
    if (node.type === 'element') elements.push(node);
    else if (node.type === 'doctype') other = true;
    // Comments are dropped when rendering; text between tags is the author's words.
    if ('children' in node) for (const child of node.children) visit(child);
    if (node.type === 'element' && node.content) visit(node.content);
  };
  visit(fromHtml(html, { fragment: true }));
  return { elements, other };
}

/** The attribute names of an element as written (hast names them as DOM properties: `onClick`). */
const attributesOf = (element: Element) =>
  Object.keys(element.properties).map((name) => (name === 'className' ? 'class' : name.toLowerCase()));

export const rule: Rule = {
  id: 'no-raw-html',
  severity: 'error',
  summary: 'No raw HTML except `<kbd>`, `<abbr title>`, `<br>`, `<sub>` and `<sup>`; never scripts or `on…` handlers.',
  why: 'Author text reaches learners’ browsers and printed PDFs: raw HTML can break layouts, hide content or run code.',
  check({ module, report }) {
    for (const { node } of nodesOfType(module.parsed.tree, 'html')) {
      const { elements, other } = contentsOf(node.value);
      const problem = elements.map(problemOf).find((p) => p !== undefined);
      if (problem) report(node, problem.message, { hint: problem.hint });
      else if (other)
        report(node, 'Unexpected raw HTML, expected Markdown', { hint: 'Remove the HTML or write it as Markdown.' });
    }
  },
};

/** What is wrong with one element, if anything. */
function problemOf(element: Element): { message: string; hint: string } | undefined {
  const tag = element.tagName.toLowerCase();
  if (ACTIVE.has(tag))
    return {
      message: `Unexpected \`<${tag}>\`, expected no scripts or embedded content in a module`,
      hint: 'Remove it. Modules are text: use Markdown and the Frontline directives.',
    };
  const attributes = attributesOf(element);
  const handler = attributes.find((a) => a.startsWith('on'));
  if (handler)
    return {
      message: `Unexpected event handler \`${handler}\` on \`<${tag}>\`, expected no scripting in a module`,
      hint: 'Remove the attribute.',
    };
  if (!ALLOWED_HTML.has(tag))
    return {
      message: `Unexpected raw HTML \`<${tag}>\`, expected Markdown or one of \`<kbd>\`, \`<abbr>\`, \`<br>\`, \`<sub>\`, \`<sup>\``,
      hint: 'Use Markdown (`**bold**`, lists, tables) or a directive instead.',
    };
  const extra = attributes.find((a) => !ALLOWED_ATTRIBUTES.has(a));
  if (extra)
    return {
      message: `Unexpected attribute \`${extra}\` on \`<${tag}>\`, expected at most \`title\``,
      hint: 'Remove the attribute.',
    };
  return undefined;
}
