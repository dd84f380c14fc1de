// Attendees for certificates, read from a CSV file a trainer exports from a spreadsheet or a
// booking system. Parsed with csv-parse (the CSV parser of the `csv` project: maintained since
// 2010, RFC 4180 quoting, no dependencies, its own TypeScript types, and the record's line and
// raw text for placing errors), not by hand: quoted fields with commas, doubled quotes, CRLF
// and quoted line breaks are the parser's business. Names are untrusted text: every one that
// could mislead a reader or fail to print is refused at its place, and all are reported at once.
import { parse } from 'csv-parse/sync';
import { PRINTABLE_SCRIPTS } from '@frontline/schema';

/** One problem in an attendees file, at a 1-based line and column (in characters). */
export interface AttendeeProblem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface Attendees {
  names: string[];
  problems: AttendeeProblem[];
}

/**
 * Header names of the name column, compared in lower case with spaces, `_` and `-` as one space:
 * `Name`, `Full name`, `full_name`, `Attendee`, `Participant name`, and the like.
 */
export const NAME_HEADERS: readonly string[] = [
  'name',
  'full name',
  'fullname',
  'names',
  'attendee',
  'attendee name',
  'participant',
  'participant name',
  'delegate',
  'delegate name',
  'learner',
  'learner name',
];

/** The longest name printed: longer ones would not fit the certificate's line, and are not names. */
export const MAX_NAME_LENGTH = 100;

/**
 * Characters a name never holds and that change what a reader sees or hide text: C0 and C1
 * controls (line breaks and tabs included: a name is one line), DEL, and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). The marks U+200E and
 * U+200F, which right-to-left names may need, are allowed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A letter of a script the certificates have no font for (see no-unsupported-script). */
const UNPRINTABLE = new RegExp(
  `[^${[...PRINTABLE_SCRIPTS, 'Common', 'Inherited'].map((s) => `\\p{Script=${s}}`).join('')}\\s]`,
  'u',
);

const codeOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
/** Columns count characters as a reader sees them (code points), from 1. */
const width = (text: string) => [...text].length;
const headerKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Where the first byte that is not UTF-8 sits: its line and column. */
function badByteAt(bytes: Uint8Array): { line: number; column: number } {
  // Decoding leniently puts U+FFFD where the bad bytes were; the text before it places them.
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: width(lines.at(-1)!) + 1 };
}

/** The 0-based offset of field `index` in a record's raw text, counting separators outside quotes. */
function fieldOffset(raw: string, index: number): number {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < raw.length && field < index; i++) {
    if (raw[i] === '"') quoted = !quoted;
    else if (raw[i] === ',' && !quoted) {
      field += 1;
      if (field === index) return i + 1;
    }
  }
  return 0;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/**
 * Reads attendees from the bytes of a CSV file: UTF-8 with or without a byte order mark, a
 * header row with a name column (see NAME_HEADERS), one attendee per row after it. Rows that
 * are empty in every field are skipped. Returns the names in file order, and every problem
 * found (when there are problems, the names are not to be used).
 */
export function parseAttendees(bytes: Uint8Array): Attendees {
  const problems: AttendeeProblem[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      names: [],
      problems: [
        {
          ...badByteAt(bytes),
          message: 'Unexpected bytes that are not UTF-8 text, expected a CSV file saved as UTF-8',
          hint: 'Save the file again as "CSV UTF-8" (Excel: Save As, then CSV UTF-8; LibreOffice: Character set Unicode (UTF-8)).',
        },
      ],
    };
  }
  let records: CsvRecord[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    const unclosed = e.code === 'CSV_QUOTE_NOT_CLOSED';
    return {
      names: [],
      problems: [
        {
          line: e.lines ?? 1,
          column: 1,
          message: unclosed
            ? 'Unexpected end of the file inside a quoted field, expected a closing `"`'
            : 'Unexpected text that is not comma-separated values, expected a quote only around a whole field',
          hint: 'Put double quotes around a whole field, and write a quote inside a quoted field as two (`""`).',
        },
      ],
    };
  }
  const [header, ...rows] = records;
  if (!header)
    return {
      names: [],
      problems: [
        {
          line: 1,
          column: 1,
          message: 'Unexpected empty file, expected a header row with a `name` column and a row per attendee',
          hint: 'Write `name` on the first line, then one attendee per line.',
        },
      ],
    };
  const headerStart =
    header.info.lines -
    (header.raw
      .replace(/^(?:\r?\n)+/, '')
      .replace(/\r?\n$/, '')
      .match(/\n/g)?.length ?? 0);
  const column = header.record.findIndex((h, i) =>
    NAME_HEADERS.includes(headerKey(i === 0 ? h.replace(/^\uFEFF/, '') : h)),
  );
  if (column < 0)
    return {
      names: [],
      problems: [
        {
          line: headerStart,
          column: 1,
          message: `Unexpected header ${header.record.map((h) => `\`${h.trim()}\``).join(', ')}, expected a column called \`name\``,
          hint: 'Name the column of attendees’ names `name` (or `full name`, `attendee`, `participant`). A first and a last name in two columns: join them into one.',
        },
      ],
    };

  const names: string[] = [];
  for (const row of rows) {
    const raw = row.raw.replace(/^(?:\r?\n)+/, '');
    const line = row.info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const offset = fieldOffset(raw, column);
    const at = (inField: number) => {
      // The line and column of a character of the raw record, from its offset.
      const before = raw.slice(0, inField).split('\n');
      return { line: line + before.length - 1, column: width(before.at(-1)!) + 1 };
    };
    const value = row.record[column] ?? '';
    const name = value.trim();
    const hidden = HIDDEN.exec(value);
    if (hidden) {
      problems.push({
        ...at(Math.max(offset, raw.indexOf(hidden[0], offset))),
        message: `Unexpected invisible character ${codeOf(hidden[0])} in a name, expected visible text on one line`,
        hint: 'Retype the name in the spreadsheet and export the file again; a name may not hold line breaks, tabs or direction overrides.',
      });
      continue;
    }
    if (name === '') {
      problems.push({
        ...at(offset),
        message: 'Unexpected empty name, expected the attendee’s name',
        hint: 'Write the name, or delete the row.',
      });
      continue;
    }
    const unprintable = UNPRINTABLE.exec(name);
    if (unprintable) {
      problems.push({
        ...at(Math.max(offset, raw.indexOf(unprintable[0], offset))),
        message: `Unexpected character \`${unprintable[0]}\` (${codeOf(unprintable[0])}) in a name, expected a script the certificates have a font for`,
        hint: 'Certificates print Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai, Chinese and Japanese letters. Write the name in one of those (a transliteration), or ask for a font for this script.',
      });
      continue;
    }
    if (width(name) > MAX_NAME_LENGTH) {
      problems.push({
        ...at(offset),
        message: `Unexpected name of ${width(name)} characters, expected at most ${MAX_NAME_LENGTH}`,
        hint: 'Check that the row holds one name, not several fields run together.',
      });
      continue;
    }
    names.push(name.normalize('NFC'));
  }
  if (names.length === 0 && problems.length === 0)
    problems.push({
      line: headerStart,
      column: 1,
      message: 'Unexpected file with a header and no attendees, expected a row per attendee after the header',
      hint: 'Add one name per line under the header.',
    });
  return { names, problems };
}
