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

export const rule: Rule = {
  id: 'no-control-characters',
  severity: 'error',
  summary:
    'No control characters or bidirectional overrides (U+202A–U+202E, U+2066–U+2069) anywhere in a module: id, title, any value or the body.',
  why: 'They are invisible in an editor, yet they can reverse a title on the page, hide text from a reviewer, or break a printed document.',
  check({ module, report }) {
    const text = module.parsed.text;
    let lines: LineIndex | undefined;
    let count = 0;
    for (const match of text.matchAll(HIDDEN)) {
      count += 1;
      if (count > MAX_REPORTS) continue;
      lines ??= new LineIndex(text);
      const start = match.index;
      report(
        lines.place(start, start + 1),
        `Unexpected invisible character ${codeOf(match[0])}, expected visible text`,
        {
          hint: 'Delete it (your editor may show it as a small box or not at all), and retype the text around it if unsure.',
        },
      );
    }
    if (count > MAX_REPORTS) {
      const last = [...text.matchAll(HIDDEN)].at(-1)!.index;
      report(
        lines!.place(last, last + 1),
        `Unexpected ${count - MAX_REPORTS} more invisible characters in this file, expected none`,
        { hint: 'The file may have been pasted from another program: retype or clean it.' },
      );
    }
  },
};
