// Reading what the builds wrote, as text, whatever the file type: the projection and
// learner-build tests compare it with the module model.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Nodes } from 'mdast';
import type { BodyElement, Module, Reader } from '@frontline/schema';

/**
 * Text reduced to lower-case letters and digits, so that the same words match across HTML,
 * PDF text (ligatures, hyphenation, smart quotes, line breaks) and search records.
 */
export const squash = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Visible text of an HTML file (tags, scripts, styles and entities out). */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Text of a PDF, as poppler extracts it. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Pagefind's search records (gzip, behind a signature), one JSON text per page. */
export function searchRecords(dist: string): { url: string; text: string }[] {
  const dir = join(dist, 'pagefind', 'fragment');
  return readdirSync(dir).map((f) => {
    const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const record = JSON.parse(raw.replace(/^pagefind_dcd/, '')) as { url: string; content: string };
    return { url: record.url, text: raw };
  });
}

/** Text of any file the builds write, by its type. */
export function fileText(file: string): string {
  if (file.endsWith('.pdf')) return pdfText(file);
  const bytes = readFileSync(file);
  if (file.endsWith('.pf_fragment') || file.endsWith('.pf_index') || file.endsWith('.pf_meta'))
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return '';
    }
  if (file.endsWith('.html')) return htmlText(bytes.toString('utf8'));
  return bytes.toString('utf8');
}

/** One piece of a module's text, with who may see it and what it is. */
export interface Phrase {
  module: string;
  /** A squashed run of the text (long enough to be distinctive). */
  key: string;
  text: string;
  readers: readonly Reader[];
  /** Where it sits: `prose` in a container of this kind, a question's stem or option, a reason. */
  part: string;
  /** Whether it is a knowledge-check answer (reasons). */
  answer: boolean;
}

/** Text of an mdast node: its value, or its children's text joined. */
function toString(node: Nodes | { type: 'paragraph'; children: Nodes[] }): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  return 'children' in node ? (node.children as Nodes[]).map(toString).join('') : '';
}

const MIN = 24;
const KEY = 32;

/** Paragraphs and headings of a prose node, each one phrase; `checklist` for a task-list item's. */
function paragraphs(node: Nodes, kind = 'prose'): { text: string; kind: string }[] {
  if (node.type === 'paragraph' || node.type === 'heading') return [{ text: toString(node), kind }];
  if (node.type === 'table') return []; // cells are read in another order from a PDF
  const inner = node.type === 'listItem' && typeof node.checked === 'boolean' ? 'checklist' : kind;
  return 'children' in node ? (node.children as Nodes[]).flatMap((c) => paragraphs(c, inner)) : [];
}

/** Every phrase of a module's body, read from its model. */
export function phrasesOf(module: Module): Phrase[] {
  const out: Phrase[] = [];
  const add = (text: string, readers: readonly Reader[], part: string, answer = false) => {
    const key = squash(text).slice(0, KEY);
    if (key.length >= MIN) out.push({ module: module.id, key, text, readers, part, answer });
  };
  const visit = (elements: readonly BodyElement[], container: string) => {
    for (const e of elements) {
      if (e.kind === 'prose') for (const p of paragraphs(e.node)) add(p.text, e.readers, `${p.kind} in ${container}`);
      else if (e.kind === 'check')
        for (const q of e.questions) {
          add(q.stem, e.readers, 'question');
          for (const o of q.options) add(o.text, e.readers, 'option');
          if (q.reason) add(toString({ type: 'paragraph', children: q.reason }), q.answerReaders, 'reason', true);
          visit(q.more, 'question');
        }
      else if (e.kind !== 'writing-space') visit(e.children, e.kind);
    }
  };
  visit(module.body.intro, 'intro');
  for (const s of module.body.segments) visit(s.elements, 'segment');
  // A phrase written for two sets of readers (a note quoting the learner text, or an objective) proves
  // nothing either way.
  const seen = new Map<string, string>();
  const fm = module.frontmatter;
  for (const text of [fm.title, fm.summary, ...fm.objectives.map((o) => o.text)])
    seen.set(squash(text).slice(0, KEY), 'frontmatter');
  for (const p of out) {
    // An option quoted in the module's prose is as much prose as option.
    const who = `${p.readers.join()}${p.part === 'option' || p.answer ? ' quiz' : ''}`;
    if (seen.has(p.key) && seen.get(p.key) !== who) seen.set(p.key, '*');
    else if (!seen.has(p.key)) seen.set(p.key, who);
  }
  // Nor does one whose words stand inside a longer phrase for another readers or purpose.
  const whole = out.map((p) => ({
    text: squash(p.text),
    who: `${p.readers.join()}${p.part === 'option' || p.answer ? ' quiz' : ''}`,
  }));
  const quoted = (p: Phrase, who: string) => whole.some((w) => w.who !== who && w.text.includes(p.key));
  return out.filter(
    (p) =>
      seen.get(p.key) !== '*' && !quoted(p, `${p.readers.join()}${p.part === 'option' || p.answer ? ' quiz' : ''}`),
  );
}
