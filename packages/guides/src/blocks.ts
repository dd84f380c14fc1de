import type { PhrasingContent, RootContent } from 'mdast';
import type { ViewContainer, ViewElement } from '@frontline/schema';
import { toString } from 'mdast-util-to-string';

/**
 * Author text as data for the Typst templates. Strings are only ever shown as text by
 * the template, never evaluated as Typst markup or code.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong' | 'em' | 'del'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; url: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'list'; ordered: boolean; items: { checked: boolean | null; c: Block[] }[] }
  | { t: 'quote'; c: Block[] }
  | { t: 'code'; v: string }
  | { t: 'table'; rows: Inline[][][]; columns: TableColumn[] }
  | { t: 'hr' }
  | { t: 'lines'; n: number }
  | { t: 'note'; label: string; c: Block[] }
  | { t: 'box'; kind: string; title: string; c: Block[] };

/**
 * How a table column is sized, decided here once for the PDFs and the print pages alike:
 * `write`, left blank below its header for writing in by hand, takes the spare width; `share`,
 * a column of sentences beside one, shares it; `fit` (labels, or any table with nothing to
 * write in) is as wide as its text.
 */
export type TableColumn = 'fit' | 'share' | 'write';

/** Characters of text in an inline run: a label is short, a sentence is not. */
function textLength(items: readonly Inline[]): number {
  return items.reduce((n, i) => n + ('v' in i ? i.v.length : 'c' in i ? textLength(i.c) : 0), 0);
}

/** A table block: the header row first, an empty cell left to write in. */
export function table(rows: Inline[][][]): Block {
  const body = rows.slice(1);
  const count = Math.max(0, ...rows.map((r) => r.length));
  const blank = (i: number) => body.length > 0 && body.every((r) => (r[i]?.length ?? 0) === 0);
  const writing = Array.from({ length: count }, (_, i) => i).some(blank);
  const columns = Array.from({ length: count }, (_, i): TableColumn => {
    if (blank(i)) return 'write';
    const sentences = Math.max(...rows.map((r) => textLength(r[i] ?? []))) > 40;
    return writing && sentences ? 'share' : 'fit';
  });
  return { t: 'table', rows, columns };
}

export function inlines(nodes: readonly PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ t: 'text', v: node.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'strong':
        out.push({ t: 'strong', c: inlines(node.children) });
        break;
      case 'emphasis':
        out.push({ t: 'em', c: inlines(node.children) });
        break;
      case 'delete':
        out.push({ t: 'del', c: inlines(node.children) });
        break;
      case 'inlineCode':
        out.push({ t: 'code', v: node.value });
        break;
      case 'link':
        out.push(
          /^https?:\/\//.test(node.url)
            ? { t: 'link', url: node.url, c: inlines(node.children) }
            : { t: 'em', c: inlines(node.children) },
        );
        break;
      case 'break':
        out.push({ t: 'br' });
        break;
      case 'textDirective':
        out.push(...inlines(node.children));
        break;
      case 'html': {
        if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ t: 'br' });
        break; // other inline HTML is dropped: the validator allows only a few harmless tags
      }
      case 'image':
        out.push({ t: 'em', c: [{ t: 'text', v: `[Image: ${node.alt ?? ''}]` }] });
        break;
      default:
        if ('children' in node) out.push(...inlines(node.children));
        else if ('value' in node) out.push({ t: 'text', v: String(node.value) });
    }
  }
  return out;
}

const TITLES: Record<string, string> = {
  case: 'Case',
  discussion: 'Discussion',
  roleplay: 'Role-play',
  role: 'Role card',
  observer: 'Observer checklist',
  reflection: 'Reflection',
  handout: 'Handout',
  takeaways: 'Key takeaways',
};
const NOTE_TITLES: Record<string, string> = {
  facilitator: 'Facilitator note',
  expected: 'What good answers contain',
  debrief: 'Debrief',
};

/**
 * Writes a view's elements as print blocks. Whatever the view holds is written: the view has
 * already decided who reads it. Knowledge checks are left to the templates' own question and
 * answer-key sections.
 */
export function blocks(elements: readonly ViewElement[]): Block[] {
  const out: Block[] = [];
  for (const element of elements) {
    if (element.kind === 'prose') out.push(...prose(element.node));
    else if (element.kind === 'writing-space') out.push({ t: 'lines', n: element.lines });
    else if (element.kind !== 'check') out.push(...container(element));
  }
  return out;
}

function container(element: ViewContainer): Block[] {
  const label = element.label;
  const note = NOTE_TITLES[element.kind];
  if (note) return [{ t: 'note', label: label || note, c: blocks(element.children) }];
  const base = TITLES[element.kind];
  if (!base) return blocks(element.children);
  const title = element.kind === 'takeaways' || element.kind === 'observer' ? base : label ? `${base}: ${label}` : base;
  return [{ t: 'box', kind: element.kind, title, c: blocks(element.children) }];
}

/** Markdown prose as print blocks. */
export function prose(node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ t: 'p', c: inlines(node.children) }];
    case 'heading':
      return [{ t: 'h', level: node.depth, c: inlines(node.children) }];
    case 'list':
      return [
        {
          t: 'list',
          ordered: Boolean(node.ordered),
          items: node.children.map((item) => ({ checked: item.checked ?? null, c: item.children.flatMap(prose) })),
        },
      ];
    case 'blockquote':
      return [{ t: 'quote', c: node.children.flatMap(prose) }];
    case 'code':
      return [{ t: 'code', v: node.value }];
    case 'table':
      return [table(node.children.map((row) => row.children.map((cell) => inlines(cell.children))))];
    case 'thematicBreak':
      return [{ t: 'hr' }];
    default:
      return []; // html (validated away), definitions, footnotes, directives out of place: not printed
  }
}

/** Plain text of a node, for titles. */
export const plain = (node: RootContent): string => toString(node).trim();
