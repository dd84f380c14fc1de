import type { Rule } from '../rule.ts';
import { LineIndex } from '../text-position.ts';

/**
 * The scripts the typeset documents have fonts for (@frontline/guides ships Source Sans 3 for
 * Latin, Greek and Cyrillic, and fallbacks for Arabic, Hebrew, Devanagari, Thai, Chinese and
 * Japanese, and emoji), plus `Common` (digits, punctuation, symbols, emoji) and `Inherited`
 * (combining marks). A letter of any other script, a private-use or an unassigned character
 * has no glyph: Typst would refuse the document after validation had passed.
 */
export const PRINTABLE_SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Thai',
  'Han',
  'Hiragana',
  'Katakana',
] as const;

/** The same, as authors name them. */
const SCRIPT_NAMES = 'Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai, Chinese and Japanese';

const UNPRINTABLE = new RegExp(
  `[^${[...PRINTABLE_SCRIPTS, 'Common', 'Inherited'].map((s) => `\\p{Script=${s}}`).join('')}\\s]`,
  'gu',
);

/** At most this many characters reported per file: one is enough to see the problem. */
const MAX_REPORTS = 10;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export const rule: Rule = {
  id: 'no-unsupported-script',
  severity: 'error',
  summary: 'Every character can be printed: no letters of a script the PDFs have no font for.',
  why: 'What the validator accepts must build in every output; a character without a font stops the PDFs.',
  check({ module, report }) {
    const text = module.parsed.text;
    let lines: LineIndex | undefined;
    let reported = 0;
    let lastLine = -1;
    for (const match of text.matchAll(UNPRINTABLE)) {
      lines ??= new LineIndex(text);
      const start = match.index ?? 0;
      const place = lines.place(start, start + match[0].length);
      if (place.line === lastLine) continue; // one per line
      lastLine = place.line;
      if (++reported > MAX_REPORTS) break;
      report(
        place,
        `Unexpected character \`${match[0]}\` (${codePoint(match[0])}), expected text in a script the printed documents have a font for`,
        {
          hint: `The PDFs can print ${SCRIPT_NAMES} letters, digits, punctuation and emoji. Write this text in one of those scripts, or ask for a font for this one to be added to @frontline/guides.`,
        },
      );
    }
  },
};
