import type { Root } from 'mdast';
import type { Position } from 'unist';
import { createRequire } from 'node:module';
import type { Processor, unified as Unified } from 'unified';
import type RemarkParse from 'remark-parse';
import type RemarkGfm from 'remark-gfm';
import type RemarkDirective from 'remark-directive';
import { markdownToMdast } from 'satteri';

/** Turns a Markdown body into mdast. remark by default; swappable for a faster parser. */
export type MarkdownParser = (markdown: string) => Root;

const require = createRequire(import.meta.url);
let remarkProcessor: Processor<Root, Root, Root> | undefined;

/** remark, loaded on first use: the validator's normal path never needs it (faster start). */
function remark(): Processor<Root, Root, Root> {
  if (!remarkProcessor) {
    const load = <T>(name: string) => (require(name) as { default: T }).default;
    const { unified } = require('unified') as { unified: typeof Unified };
    remarkProcessor = unified()
      .use(load<typeof RemarkParse>('remark-parse'))
      .use(load<typeof RemarkGfm>('remark-gfm'))
      .use(load<typeof RemarkDirective>('remark-directive')) as unknown as Processor<Root, Root, Root>;
  }
  return remarkProcessor;
}

/** Parses Markdown with remark-parse + GFM + directives: the reference parser. */
export const parseWithRemark: MarkdownParser = (markdown) => {
  const processor = remark();
  return processor.runSync(processor.parse(markdown));
};

const SATTERI = { features: { gfm: true, directive: true, frontmatter: false } } as const;

/**
 * Parses Markdown with Sätteri, the native parser behind Astro 7's Markdown: the same mdast
 * as remark (proven by test/differential.test.ts on the course and generated inputs),
 * about twenty times faster. The default.
 */
export const parseWithSatteri: MarkdownParser = (markdown) => {
  const tree = alignTaskParagraphs(markdownToMdast(markdown, SATTERI) as Root, markdown);
  // The one known difference: an unclosed `:::` block ends at its last content in Sätteri but
  // at the end of the document in remark. Such a file is an error anyway; give it remark's tree.
  return hasUnclosedContainer(tree, markdown) ? parseWithRemark(markdown) : tree;
};

/**
 * Nodes whose children can be blocks (lists, list items, directives): the only ones a walk for
 * a block (a task-list item, a container directive) goes into. Paragraphs, headings and tables
 * hold inline content only.
 */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'list', 'listItem', 'containerDirective', 'footnoteDefinition']);

/** Something like a task-list item's checkbox, anywhere in a text: without one, no tree walk. */
const TASK_ITEM = /\[[ xX]\]/;

/**
 * In a task-list item whose text starts with markup (`- [x] :term[…]`, `- [ ] **bold**`),
 * remark starts the paragraph at the checkbox (for plain text, after it); Sätteri always
 * starts after it. Align on remark's place so diagnostics point at the same column.
 */
function alignTaskParagraphs(tree: Root, markdown: string): Root {
  if (!TASK_ITEM.test(markdown)) return tree;
  const visit = (node: {
    type: string;
    checked?: boolean | null | undefined;
    position?: Position | undefined;
    children?: unknown[];
  }) => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean' && node.position) {
      const paragraph = (
        node.children as { type: string; position?: Position; children?: { type: string }[] }[] | undefined
      )?.[0];
      const from = node.position.start.offset ?? 0;
      const box = markdown.indexOf('[', from);
      const markupFirst = paragraph?.children?.[0] !== undefined && paragraph.children[0].type !== 'text';
      if (
        paragraph?.type === 'paragraph' &&
        markupFirst &&
        paragraph.position &&
        box !== -1 &&
        (paragraph.position.start.offset ?? 0) > box
      ) {
        const line = node.position.start.line;
        paragraph.position = {
          ...paragraph.position,
          start: { line, column: node.position.start.column + (box - from), offset: box },
        };
      }
    }
    if (Array.isArray(node.children) && BLOCK_PARENTS.has(node.type))
      for (const child of node.children as (typeof node)[]) visit(child);
  };
  visit(tree);
  return tree;
}

const CLOSING_FENCE = /^[ \t]*:{3,}[ \t]*\r?$/;

function hasUnclosedContainer(tree: Root, markdown: string): boolean {
  let lines: string[] | undefined;
  const visit = (node: {
    type: string;
    position?: { end: { line: number } } | undefined;
    children?: unknown[];
  }): boolean => {
    if (node.type === 'containerDirective' && node.position) {
      lines ??= markdown.split('\n');
      if (!CLOSING_FENCE.test(lines[node.position.end.line - 1] ?? '')) return true;
    }
    return (
      Array.isArray(node.children) && BLOCK_PARENTS.has(node.type) && (node.children as (typeof node)[]).some(visit)
    );
  };
  return visit(tree);
}

/**
 * Turns bare text directives (`:30` in "10:30", `:1` in "3:1", `:here` in "note:here") back
 * into the text they came from: only `:name[…]` and `:name{…}` are directives in prose.
 */
export function restoreBareColons(tree: Root): Root {
  const visit = (node: { children?: unknown[] }) => {
    if (!Array.isArray(node.children)) return;
    const children = node.children as {
      type: string;
      name?: string;
      position?: { start: { offset?: number }; end: { offset?: number } };
      children?: unknown[];
      value?: string;
    }[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const span = (child.position?.end.offset ?? 0) - (child.position?.start.offset ?? 0);
      if (child.type === 'textDirective' && child.name !== undefined && span === child.name.length + 1) {
        children[i] = {
          type: 'text',
          value: `:${child.name}`,
          ...(child.position ? { position: child.position } : {}),
        };
      } else visit(child);
    }
    // Merge neighbouring text nodes so prose reads as one run.
    for (let i = children.length - 1; i > 0; i--) {
      const a = children[i - 1]!;
      const b = children[i]!;
      if (a.type === 'text' && b.type === 'text') {
        a.value = `${a.value ?? ''}${b.value ?? ''}`;
        if (a.position && b.position) a.position = { start: a.position.start, end: b.position.end };
        children.splice(i, 1);
      }
    }
  };
  visit(tree);
  return tree;
}
