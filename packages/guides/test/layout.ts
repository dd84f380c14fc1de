// Reads a typeset PDF back through poppler, page by page, for the layout a print shop checks:
// how full each page is, which line ends it, what its running header names, and what poppler
// says while reading it. Nothing here looks at pixels: positions come from `pdftotext -bbox-layout`
// and headings from the structure tree (`pdfinfo -struct`), which tags every heading.
import { spawnSync } from 'node:child_process';

/** Points: the page's header sits above this line, its footer below `height - FOOTER`. */
const HEADER = 54;
const FOOTER = 56;

export interface Line {
  text: string;
  top: number;
  bottom: number;
}

export interface Page {
  number: number;
  header: string;
  /** Lines between the header and the footer, top to bottom. */
  body: Line[];
  /** How much of the body's height the text takes, 0 to 1 (from its top margin). */
  fill: number;
  /** Where the body starts and ends (the margins), in points from the top. */
  top: number;
  bottom: number;
}

export interface ReadPdf {
  pages: Page[];
  /** Headings by level (1 to 3), in document order, whitespace collapsed. */
  headings: { level: number; text: string }[];
  /** Everything poppler printed on stderr while reading the file three ways. */
  warnings: string;
  /** The whole text, as `pdftotext` gives it. */
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

function run(command: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Reads `file` with poppler. */
export function readPdf(file: string): ReadPdf {
  const layout = run('pdftotext', ['-bbox-layout', file, '-']);
  // With its text: poppler prints a title in UTF-16 (any non-ASCII heading) as two bytes.
  const struct = run('pdfinfo', ['-struct-text', file]);
  const plain = run('pdftotext', ['-layout', file, '-']);
  const headings = [...struct.stdout.matchAll(/^\s*H([1-6]) .*\(block\)(?::)?\n\s*"(.*)"$/gm)].map((m) => ({
    level: Number(m[1]),
    text: squash(m[2]!),
  }));
  const pages: Page[] = [];
  for (const [index, pageXml] of layout.stdout
    .split(/<page /)
    .slice(1)
    .entries()) {
    const height = Number(/height="([\d.]+)"/.exec(pageXml)?.[1]);
    const lines = [
      ...pageXml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
    ]
      .map((m) => ({
        top: Number(m[1]),
        bottom: Number(m[2]),
        text: squash(unescape([...m[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '))),
      }))
      .sort((a, b) => a.top - b.top);
    const header = lines.filter((l) => l.bottom < HEADER).map((l) => l.text);
    const body = lines.filter((l) => l.top >= HEADER && l.bottom <= height - FOOTER);
    const top = (2.4 / 2.54) * 72;
    const bottom = height - (2.2 / 2.54) * 72;
    const lowest = Math.max(top, ...body.map((l) => l.bottom));
    pages.push({
      number: index + 1,
      header: header.join(' '),
      body,
      fill: (lowest - top) / (bottom - top),
      top,
      bottom,
    });
  }
  return { pages, headings, warnings: layout.stderr + struct.stderr + plain.stderr, text: plain.stdout };
}

/** Is this line a heading, or the first line of one that wraps? */
export function headingOf(line: Line, headings: ReadPdf['headings']): ReadPdf['headings'][number] | undefined {
  // No heading is set smaller than body text (10.5 pt, a line box about 14 pt tall), so a line of
  // small print that happens to read like a heading (a module's title in a table's note) is not one.
  if (line.bottom - line.top < 13) return undefined;
  return headings.find((h) => h.text === line.text || (line.text.length >= 12 && h.text.startsWith(line.text)));
}

/** A break or lunch line in a day pack: `10:10–10:25  Break`. */
const PAUSE = /^\d\d:\d\d–\d\d:\d\d\s+(?:Break|Lunch)\b/;

/** Faults a print shop would send back, one sentence each. */
export function layoutFaults(file: string, pdf: ReadPdf, kind: string): string[] {
  const faults: string[] = [];
  if (pdf.warnings.trim()) faults.push(`${file}: poppler says ${JSON.stringify(pdf.warnings.trim().split('\n')[0])}`);
  if (pdf.text.includes('\u2060')) faults.push(`${file}: a word joiner (U+2060) in the text`);
  const parts = pdf.headings.filter((h) => h.level === 1);
  let section: string | undefined;
  for (const [i, page] of pdf.pages.entries()) {
    const at = `${file} page ${page.number}`;
    const first = page.body[0];
    const next = pdf.pages[i + 1];
    const nextFirst = next?.body[0];
    // A new part: a module's title (a level-1 heading), or the contents after a cover.
    const partStarts = (line: Line | undefined) =>
      line !== undefined && (headingOf(line, parts) !== undefined || line.text === 'Contents');
    if (next && !partStarts(nextFirst) && page.fill < 1 / 3 && !(page.number === 1 && partStarts(nextFirst)))
      faults.push(`${at}: ${Math.round(page.fill * 100)}% full, and no new part starts after it`);
    // A heading is stranded when nothing follows it on its page and it sits in the last lines'
    // space. (Writing lines under a heading are drawings, not text: the height tells them apart.)
    // A segment's heading has its timing line under it: the two end a page together.
    const timing = page.body.at(-1) && /^\d+ minutes · /.test(page.body.at(-1)!.text);
    const last = page.body.at(timing ? -2 : -1);
    const lastHeading = last && last.bottom > page.bottom - 75 ? headingOf(last, pdf.headings) : undefined;
    if (next && lastHeading) faults.push(`${at}: ends with the heading ${JSON.stringify(lastHeading.text)}`);
    // The section in progress at the top of the page, or the first of a part that starts there.
    // A heading opens the page only at its very top: writing lines (drawn, not text) may come first.
    // A break or lunch kept with the segment after it counts as that segment's opening.
    const pauseFirst = first !== undefined && PAUSE.test(first.text) && first.top < page.top + 16;
    const opener = pauseFirst ? page.body[1] : first;
    const opening = opener && (pauseFirst || opener.top < page.top + 16) ? headingOf(opener, pdf.headings) : undefined;
    if (opening?.level === 1) {
      const firstSection = page.body.map((l) => headingOf(l, pdf.headings)).find((h) => h?.level === 2);
      section = firstSection?.text;
    } else if (opening?.level === 2) section = opening.text;
    if (section !== undefined && kind !== 'plan' && !squash(page.header).endsWith(section))
      faults.push(
        `${at}: the header reads ${JSON.stringify(page.header)}, expected it to name ${JSON.stringify(section)}`,
      );
    for (const line of page.body) {
      const h = headingOf(line, pdf.headings);
      if (h?.level === 1) section = undefined;
      else if (h?.level === 2) section = h.text;
    }
  }
  return faults;
}
