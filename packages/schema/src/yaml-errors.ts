import type { YAMLError } from 'yaml';
import { LineIndex } from './text-position.ts';

/**
 * One frontmatter syntax problem, explained for an author: offsets into the YAML text, the
 * message and the fix, and the first-level keys it leaves unreadable (so that nothing
 * downstream reports them as missing: one root cause, one diagnostic).
 */
export interface YamlProblem {
  start: number;
  end: number;
  message: string;
  hint: string;
  severity: 'error' | 'warning';
  /** Where the text this problem makes unreadable ends, when past `end` (a second document). */
  reach?: number;
  /** A second place (offsets), such as the first copy of a duplicated key. */
  cause?: { start: number; end: number; message: string };
}

/** Author-facing wording for the yaml package's error codes, when no better diagnosis applies. */
const BY_CODE: Record<string, { message: string; hint: string }> = {
  TAB_AS_INDENT: {
    message: 'Unexpected tab character in the frontmatter, expected spaces for indentation',
    hint: 'YAML indents with spaces only: replace each tab with two spaces.',
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

/** A line of the YAML text with its offsets and indentation. */
interface Line {
  number: number;
  start: number;
  text: string;
  indent: number;
}

function linesOf(yaml: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  yaml.split('\n').forEach((raw, i) => {
    const text = raw.replace(/\r$/, '');
    out.push({ number: i + 1, start, text, indent: /^ */.exec(text)![0].length });
    start += raw.length + 1;
  });
  return out;
}

const blank = (line: Line) => /^\s*(?:#.*)?$/.test(line.text);
/** `key:` at the start of a line (after any `- `), with the key and the colon's offset in the line. */
const KEY = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]*:/;
const keyOf = (line: Line) => KEY.exec(line.text)?.[2];

/** The columns (0-based) where content starts on a line: its indent, and after each `- `. */
function columnsOf(line: Line): number[] {
  const columns = [line.indent];
  const dash = /^(\s*-\s+)+/.exec(line.text);
  if (dash) for (let i = line.indent; i < dash[0].length; i++) if (line.text[i] === '-') columns.push(i + 2);
  return columns;
}

/** The mis-indented line among `candidates`, with the column it should start at. */
function misindented(all: Line[], candidates: Line[]): { line: Line; expected: number; like: Line } | undefined {
  for (const line of candidates) {
    const before = all.slice(0, line.number - 1).filter((l) => !blank(l));
    const previous = before.at(-1);
    if (!previous || blank(line)) continue;
    // A deeper line is fine under a `key:` that opens a block.
    if (line.indent > previous.indent && /:\s*(?:[|>][-+0-9]*)?\s*(?:#.*)?$/.test(previous.text)) continue;
    const known = before.flatMap((l) => columnsOf(l).map((column) => ({ column, line: l })));
    if (known.some((k) => k.column === line.indent)) continue;
    // Expected: the nearest column used above, preferring the closest line.
    const best = known
      .map((k) => ({ ...k, distance: Math.abs(k.column - line.indent) }))
      .sort((a, b) => a.distance - b.distance || b.line.number - a.line.number)[0];
    if (best) return { line, expected: best.column, like: best.line };
  }
  return undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Explains one group of YAML errors that sit on neighbouring lines: one problem per group. */
function explainGroup(all: Line[], errors: YAMLError[], index: LineIndex): YamlProblem {
  const first = errors[0]!;
  const from = index.position(first.pos[0]).line;
  const to = Math.max(...errors.map((e) => index.position(Math.max(e.pos[0], e.pos[1] - 1)).line));
  const span = all.slice(Math.max(0, from - 1), Math.min(all.length, to + 1));
  const at = (line: Line, column: number, length = 1) => ({
    start: line.start + column,
    end: line.start + column + length,
  });

  const tab = span.find((l) => /^[ ]*\t/.test(l.text));
  if (tab || errors.some((e) => e.code === 'TAB_AS_INDENT')) {
    const line = tab ?? span[0]!;
    return { ...at(line, /^ */.exec(line.text)![0].length), severity: 'error', ...BY_CODE.TAB_AS_INDENT! };
  }
  for (const line of span) {
    const tight = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?![\s/:])(\S+)/.exec(line.text);
    if (tight && !/^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s/.test(line.text)) {
      const key = tight[2]!;
      return {
        ...at(line, tight[1]!.length, key.length + 1 + tight[3]!.length),
        severity: 'error',
        message: `Unexpected \`${key}:${tight[3]}\`, expected a space after the colon`,
        hint: `Write \`${key}: ${tight[3]}\`: YAML needs a space between a key's colon and its value.`,
      };
    }
  }
  for (const line of span) {
    const colon = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):[ \t]+([^"'\s[{|>&*!#][^#]*?):(?:\s|$)/.exec(line.text);
    if (colon) {
      const value = line.text.slice(colon[1]!.length + colon[2]!.length + 1).trim();
      return {
        ...at(line, colon[0].trimEnd().length - 1),
        severity: 'error',
        message: `Unexpected \`:\` inside the value of \`${colon[2]}\`, expected the value in quotes`,
        hint: `YAML reads \`: \` as the start of another key: quote the whole value, \`${colon[2]}: "${value.replaceAll('"', '\\"')}"\`.`,
      };
    }
  }
  const quote = errors.find((e) => /closing .?quote/i.test(e.message));
  if (quote) {
    // The line that opens the quote: the first whose value has an odd number of that quote.
    const opener = (l: Line) => /^\s*(?:-\s+)?(?:[\w-]+:\s*)?(["'])/.exec(l.text);
    const line =
      all.find((l) => {
        const q = opener(l)?.[1];
        return q !== undefined && l.text.split(q).length % 2 === 0;
      }) ?? span[0]!;
    const opens = Math.max(0, line.text.search(/["']/));
    return {
      ...at(line, opens),
      severity: 'error',
      message: 'Unexpected end of a quoted value, expected a closing quote',
      hint: `Add the closing ${line.text[opens] === "'" ? "`'`" : '`"`'} at the end of the value that starts here.`,
    };
  }
  const duplicate = errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (duplicate) return duplicateKey(all, duplicate, index);
  const wrong = misindented(all, span);
  if (wrong) {
    const key = keyOf(wrong.line) ?? wrong.line.text.trim().slice(0, 20);
    const like = wrong.like.text.slice(wrong.expected).trim().slice(0, 40);
    return {
      ...at(wrong.line, 0, Math.max(1, wrong.line.indent)),
      severity: 'error',
      message: `Unexpected indentation of ${plural(wrong.line.indent, 'space')}, expected ${wrong.expected} to line up with \`${like}\``,
      hint: `Indent \`${key}\` by ${plural(wrong.expected, 'space')}, like \`${like}\`: YAML reads the indentation to know which list item or key a line belongs to.`,
    };
  }
  const wording = BY_CODE[first.code] ?? {
    message: `Unexpected YAML in the frontmatter (${first.code.toLowerCase().replaceAll('_', ' ')})`,
    hint: 'Check the quoting and indentation of this line.',
  };
  return {
    start: first.pos[0],
    end: Math.max(first.pos[1], first.pos[0] + 1),
    severity: 'error',
    ...wording,
  };
}

function duplicateKey(all: Line[], error: YAMLError, index: LineIndex): YamlProblem {
  const line = all[index.position(error.pos[0]).line - 1];
  const key = line ? keyOf(line) : undefined;
  const firstCopy = key
    ? all.find((l) => l !== line && l.number < (line?.number ?? 0) && keyOf(l) === key && l.indent === line?.indent)
    : undefined;
  return {
    start: error.pos[0],
    end: key && line ? line.start + line.text.indexOf(key) + key.length : error.pos[1],
    severity: 'error',
    message: key
      ? `Unexpected second \`${key}\` key, expected each key once`
      : 'Unexpected second copy of a key in the frontmatter, expected each key once',
    hint: key ? `Delete one of the two \`${key}\` lines, or merge their values.` : 'Delete one of the two entries.',
    ...(firstCopy && key
      ? {
          cause: {
            start: firstCopy.start + firstCopy.indent,
            end: firstCopy.start + firstCopy.indent + key.length,
            message: `first \`${key}\``,
          },
        }
      : {}),
  };
}

/**
 * Turns the yaml package's errors into problems that name the real fix: wrong
 * indentation, tabs, an unquoted `: ` in a value, a missing space after `:`, an unclosed
 * quote, a duplicate key. Errors on neighbouring lines share a root cause and give one problem.
 */
export function explainYamlErrors(yaml: string, errors: readonly YAMLError[]): YamlProblem[] {
  if (errors.length === 0) return [];
  const index = new LineIndex(yaml);
  const all = linesOf(yaml);
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const groups: YAMLError[][] = [];
  let groupEnd = -Infinity;
  const isDuplicate = (e: YAMLError | undefined) => e?.code === 'DUPLICATE_KEY';
  for (const error of sorted) {
    const line = index.position(error.pos[0]).line;
    const end = index.position(Math.max(error.pos[0], error.pos[1] - 1)).line;
    const group = groups.at(-1);
    // Duplicate keys are separate mistakes even on neighbouring lines.
    if (group && line <= groupEnd + 1 && !isDuplicate(error) && !isDuplicate(group[0])) {
      group.push(error);
      groupEnd = Math.max(groupEnd, end);
    } else {
      groups.push([error]);
      groupEnd = end;
    }
  }
  return groups.map((group) => explainGroup(all, group, index));
}

/**
 * Mistakes YAML accepts without an error but reads differently from what the author meant:
 * `-item` (no space after the dash: text, not a list item) and ` #` inside an unquoted value
 * (the rest of the line becomes a comment). Lines inside block scalars (`|`, `>`) are skipped.
 */
export function lintYamlText(yaml: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  let blockIndent = -1;
  for (const line of linesOf(yaml)) {
    if (blockIndent >= 0 && (blank(line) || line.indent > blockIndent)) continue;
    blockIndent = -1;
    if (/:\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(line.text)) blockIndent = line.indent;
    const dash = /^(\s*)-([^\s-][^\s:]*)/.exec(line.text);
    if (dash && !/^\s*-\d/.test(line.text)) {
      out.push({
        start: line.start + dash[1]!.length,
        end: line.start + dash[0].length,
        severity: 'error',
        message: `Unexpected \`-${dash[2]}\`, expected a space after \`-\` to start a list item`,
        hint: `Write \`- ${dash[2]}\`: without the space YAML reads \`-${dash[2]}\` as text, not as a list item.`,
      });
      continue;
    }
    // `# note` (a space after the hash) is how YAML comments are written; `#1` or `#tag` is text.
    const comment = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):[ \t]+(?:([^"'\s[{|>&*!#][^#]*?)[ \t]+)?#(?=\S)/.exec(line.text);
    // A comment after a number or `true`/`false` changes nothing; after text it cuts the text short.
    if (comment && !/^(?:-?\d+(?:\.\d+)?|true|false)$/.test(comment[3] ?? '')) {
      const hash = comment[0].length - 1;
      const value = line.text.slice(comment[1]!.length + comment[2]!.length + 1).trim();
      out.push({
        start: line.start + hash,
        end: line.start + hash + 1,
        severity: 'error',
        message: `Unexpected \`#\` in the value of \`${comment[2]}\`: YAML reads the rest of the line as a comment, so \`${comment[2]}\` is ${comment[3] ? `\`${comment[3]}\`` : 'empty'}`,
        hint: `Quote the whole value: \`${comment[2]}: "${value.replaceAll('"', '\\"')}"\`.`,
      });
    }
  }
  return out;
}
