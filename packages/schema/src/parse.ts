import type { Root } from 'mdast';
import type { Position } from 'unist';
import { parseDocument, LineCounter, type Document } from 'yaml';
import { createRequire } from 'node:module';
import type { Processor, unified as Unified } from 'unified';
import type RemarkParse from 'remark-parse';
import type RemarkGfm from 'remark-gfm';
import type RemarkDirective from 'remark-directive';
import { markdownToMdast } from 'satteri';
import { docsUrl, type Diagnostic } from './diagnostic.ts';
import { LineIndex } from './text-position.ts';

/** Largest frontmatter we parse, in characters: anything bigger is an authoring accident. */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
/** Largest module file we parse, in characters. */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/** How many alias expansions a frontmatter may cause before we stop (alias bombs). */
const MAX_ALIAS_COUNT = 50;
/** Deepest nesting of YAML collections we accept. */
const MAX_YAML_DEPTH = 32;

/** The frontmatter block of a file, with what is needed to place problems in it. */
export interface FrontmatterBlock {
  /** The parsed JavaScript value, or undefined when the YAML could not be read. */
  data: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
  /** 1-based line in the file where the YAML text starts (the line after `---`). */
  firstLine: number;
}

/** A parsed Markdown file: its frontmatter, its body tree and any syntax problems. */
export interface ParsedFile {
  file: string;
  text: string;
  frontmatter: FrontmatterBlock | undefined;
  tree: Root;
  diagnostics: Diagnostic[];
}

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
 * In a task-list item whose text starts with markup (`- [x] :term[…]`, `- [ ] **bold**`),
 * remark starts the paragraph at the checkbox (for plain text, after it); Sätteri always
 * starts after it. Align on remark's place so diagnostics point at the same column.
 */
function alignTaskParagraphs(tree: Root, markdown: string): Root {
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
    if (Array.isArray(node.children)) for (const child of node.children as (typeof node)[]) visit(child);
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
    return Array.isArray(node.children) && (node.children as (typeof node)[]).some(visit);
  };
  return visit(tree);
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

function yamlDiagnostic(
  file: string,
  index: LineIndex,
  start: number,
  end: number,
  message: string,
  hint: string,
  ruleId = 'yaml-syntax',
): Diagnostic {
  return { file, ...index.place(start, end), severity: 'error', ruleId, message, hint, url: docsUrl(ruleId) };
}

/** Author-facing wording for the yaml package's error codes. */
const YAML_ERROR_TEXT: Record<string, { message: string; hint: string }> = {
  TAB_AS_INDENT: {
    message: 'Unexpected tab character in the frontmatter, expected spaces for indentation',
    hint: 'YAML indents with spaces only: replace each tab with two spaces.',
  },
  DUPLICATE_KEY: {
    message: 'Unexpected second copy of a key in the frontmatter, expected each key once',
    hint: 'Delete one of the two entries, or merge their values.',
  },
  MISSING_CHAR: {
    message: 'Unexpected end of a value, expected a closing quote or bracket',
    hint: 'Close the quote (`"`, `\'`) or bracket (`]`, `}`) that starts this value.',
  },
  MISSING_CLOSING_QUOTE: {
    message: 'Unexpected end of a quoted value, expected a closing quote',
    hint: 'Add the closing quote at the end of the value.',
  },
  BAD_INDENT: {
    message: 'Unexpected indentation in the frontmatter, expected it to line up with its neighbours',
    hint: 'Indent items of the same list or mapping by the same number of spaces.',
  },
  MULTILINE_IMPLICIT_KEY: {
    message: 'Unexpected line break inside a key, expected `key: value` on one line',
    hint: 'Put a space after the colon, and quote values that contain `: `.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: 'Unexpected value where a key was expected',
    hint: 'Check the indentation of this line and the one above it.',
  },
  UNEXPECTED_TOKEN: {
    message: 'Unexpected character in the frontmatter',
    hint: 'Quote values that start with `@`, `` ` ``, `%`, `*` or `&`, or contain `: `.',
  },
  ALIAS_PROPS: {
    message: 'Unexpected alias with a tag or anchor in the frontmatter',
    hint: 'Frontline frontmatter does not need YAML anchors or aliases: write the value out.',
  },
  BAD_ALIAS: {
    message: 'Unexpected alias to an unknown anchor in the frontmatter',
    hint: 'Frontline frontmatter does not need YAML anchors or aliases: write the value out.',
  },
};

function yamlDepth(value: unknown, depth = 0): number {
  if (depth > MAX_YAML_DEPTH) return depth;
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => yamlDepth(v, depth + 1)));
  if (value && typeof value === 'object')
    return Math.max(depth, ...Object.values(value).map((v) => yamlDepth(v, depth + 1)));
  return depth;
}

/**
 * Splits a file into frontmatter and body and parses both. Never throws: every problem
 * (unclosed fence, malformed YAML, alias bombs, huge input) becomes a diagnostic.
 * A byte-order mark and CRLF line endings are accepted.
 */
export function parseFile(file: string, source: string, parseMarkdown: MarkdownParser = parseWithSatteri): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const index = new LineIndex(text);
  const empty: Root = { type: 'root', children: [] };

  if (text.length > MAX_FILE_CHARS) {
    diagnostics.push(
      yamlDiagnostic(
        file,
        index,
        0,
        0,
        `Unexpected file of ${Math.round(text.length / 1024)} KB, expected at most ${MAX_FILE_CHARS / 1024 / 1024} MB`,
        'Split the module into smaller modules.',
        'file-too-large',
      ),
    );
    return { file, text, frontmatter: undefined, tree: empty, diagnostics };
  }

  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  if (!FENCE.test(firstLine)) {
    diagnostics.push(
      yamlDiagnostic(
        file,
        index,
        0,
        firstLine.length,
        'Unexpected start of the module, expected a frontmatter block opened by `---` on the first line',
        'Start the file with `---`, the frontmatter (id, title, summary, …), and another `---`.',
        'frontmatter-schema',
      ),
    );
    return { file, text, frontmatter: undefined, tree: safeParseMarkdown(text), diagnostics };
  }

  // Find the closing fence.
  let cursor = firstBreak + 1;
  let closeStart = -1;
  let closeEnd = -1;
  while (firstBreak !== -1 && cursor <= text.length) {
    const next = text.indexOf('\n', cursor);
    const lineEnd = next === -1 ? text.length : next;
    const line = text.slice(cursor, lineEnd).replace(/\r$/, '');
    if (CLOSE.test(line)) {
      closeStart = cursor;
      closeEnd = next === -1 ? text.length : next + 1;
      break;
    }
    if (next === -1) break;
    cursor = next + 1;
  }
  if (closeStart === -1) {
    diagnostics.push(
      yamlDiagnostic(
        file,
        index,
        0,
        firstLine.length,
        'Unexpected end of file inside the frontmatter, expected a closing `---`',
        'Add a line with just `---` after the last frontmatter key.',
      ),
    );
    return { file, text, frontmatter: undefined, tree: empty, diagnostics };
  }

  const yamlStart = firstBreak + 1;
  const yamlText = text.slice(yamlStart, closeStart);
  const yamlFirstLine = 2;
  // The body keeps its line numbers: the frontmatter lines become empty lines.
  const fmLineCount = index.position(closeEnd).line - 1;
  const body = '\n'.repeat(fmLineCount) + text.slice(closeEnd);
  const tree = safeParseMarkdown(body);

  if (yamlText.length > MAX_FRONTMATTER_CHARS) {
    diagnostics.push(
      yamlDiagnostic(
        file,
        index,
        yamlStart,
        yamlStart,
        `Unexpected frontmatter of ${Math.round(yamlText.length / 1024)} KB, expected at most ${MAX_FRONTMATTER_CHARS / 1024} KB`,
        'Keep the frontmatter to the module’s metadata; move long text into the body.',
      ),
    );
    return { file, text, frontmatter: undefined, tree, diagnostics };
  }

  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    diagnostics.push(
      yamlDiagnostic(
        file,
        index,
        yamlStart,
        closeStart,
        `Unexpected frontmatter that could not be read (${error instanceof RangeError ? 'nested too deeply' : 'malformed'})`,
        'Simplify the frontmatter: plain keys, lists and short values.',
      ),
    );
    return { file, text, frontmatter: undefined, tree, diagnostics };
  }

  const at = (offset: number) => yamlStart + offset;
  for (const error of [...doc.errors, ...doc.warnings]) {
    const wording = YAML_ERROR_TEXT[error.code] ?? {
      message: `Unexpected YAML in the frontmatter (${error.code.toLowerCase().replaceAll('_', ' ')})`,
      hint: 'Check the quoting and indentation of this line.',
    };
    const start = at(error.pos[0]);
    const end = at(Math.max(error.pos[1], error.pos[0] + 1));
    diagnostics.push({
      ...yamlDiagnostic(file, index, start, Math.min(end, at(yamlText.length)), wording.message, wording.hint),
      severity: doc.errors.includes(error) ? 'error' : 'warning',
    });
  }

  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (yamlDepth(data) > MAX_YAML_DEPTH) {
        diagnostics.push(
          yamlDiagnostic(
            file,
            index,
            yamlStart,
            yamlStart,
            `Unexpected frontmatter nested more than ${MAX_YAML_DEPTH} levels deep`,
            'Frontmatter values are flat lists and short mappings: remove the extra nesting.',
          ),
        );
        data = undefined;
      }
    } catch (error) {
      const aliases = error instanceof ReferenceError || /alias/i.test(String(error));
      diagnostics.push(
        yamlDiagnostic(
          file,
          index,
          yamlStart,
          yamlStart,
          aliases
            ? 'Unexpected YAML aliases that expand too far, expected plain values'
            : 'Unexpected frontmatter that could not be read',
          'Frontline frontmatter does not need YAML anchors (`&`) or aliases (`*`): write the values out.',
        ),
      );
      data = undefined;
    }
  }
  return { file, text, frontmatter: { data, doc, lines, firstLine: yamlFirstLine }, tree, diagnostics };

  function safeParseMarkdown(markdown: string): Root {
    try {
      return restoreBareColons(parseMarkdown(markdown));
    } catch (error) {
      diagnostics.push({
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error',
        ruleId: 'internal-error',
        message: `Unexpected failure while reading the Markdown body: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'This is a bug in Frontline, not in your module: please report it with this file attached.',
        url: docsUrl('internal-error'),
      });
      return empty;
    }
  }
}

/**
 * Turns bare text directives (`:30` in "10:30", `:1` in "3:1", `:here` in "note:here") back
 * into the text they came from: only `:name[…]` and `:name{…}` are directives in prose.
 */
function restoreBareColons(tree: Root): Root {
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

/** Parses a plain YAML data file (paths, glossary, plans) with the same safety limits. */
export function parseYamlFile(
  file: string,
  source: string,
): { data: unknown; frontmatter: FrontmatterBlock | undefined; diagnostics: Diagnostic[] } {
  // Reuse the frontmatter machinery by wrapping the data in fences, then shift lines back.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const wrapped = `---\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}---\n`;
  const parsed = parseFile(file, wrapped, () => ({ type: 'root', children: [] }));
  const shift = (d: Diagnostic): Diagnostic => ({
    ...d,
    line: Math.max(1, d.line - 1),
    endLine: Math.max(1, d.endLine - 1),
  });
  const fm = parsed.frontmatter ? { ...parsed.frontmatter, firstLine: 1 } : undefined;
  return { data: fm?.data, frontmatter: fm, diagnostics: parsed.diagnostics.map(shift) };
}
