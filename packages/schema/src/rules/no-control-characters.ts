import type { Place } from '../diagnostic.ts';
import type { Rule } from '../rule.ts';
import { LineIndex } from '../text-position.ts';

/**
 * Characters that no author types on purpose and that change what a reader sees: C0 controls
 * (tab, line feed and carriage return aside), DEL, C1 controls, and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make a title read backwards or
 * hide text. The marks U+200E and U+200F that right-to-left writing needs stay allowed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Reports per module, so that a file of NUL bytes gives a few lines, not thousands. */
const MAX_REPORTS = 5;

/** The code point of a character as authors look it up: `U+202E`. */
const codeOf = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Every invisible character of a text, as a place, message and hint each (at most `MAX_REPORTS`,
 * then one line counting the rest). Modules use it through the rule; data files (paths, glossary
 * terms, plans) through the engine, which reads them before any rule runs.
 */
export function hiddenCharacters(text: string): { place: Place; message: string; hint: string }[] {
  const found: { place: Place; message: string; hint: string }[] = [];
  let lines: LineIndex | undefined;
  let count = 0;
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    count += 1;
    last = match.index;
    if (count > MAX_REPORTS) continue;
    lines ??= new LineIndex(text);
    found.push({
      place: lines.place(last, last + 1),
      message: `Unexpected invisible character ${codeOf(match[0])}, expected visible text`,
      hint: 'Delete it (your editor may show it as a small box or not at all), and retype the text around it if unsure.',
    });
  }
  if (count > MAX_REPORTS)
    found.push({
      place: lines!.place(last, last + 1),
      message: `Unexpected ${count - MAX_REPORTS} more invisible characters in this file, expected none`,
      hint: 'The file may have been pasted from another program: retype or clean it.',
    });
  return found;
}

export const rule: Rule = {
  id: 'no-control-characters',
  severity: 'error',
  summary:
    'No control characters or bidirectional overrides (U+202A–U+202E, U+2066–U+2069) anywhere in a module or data file: id, title, any value or the body; paths, glossary terms and plans too.',
  why: 'They are invisible in an editor, yet they can reverse a title on the page, hide text from a reviewer, or break a printed document.',
  check({ module, report }) {
    for (const { place, message, hint } of hiddenCharacters(module.parsed.text)) report(place, message, { hint });
  },
};
