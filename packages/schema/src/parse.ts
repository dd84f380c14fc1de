import type { Root } from 'mdast';
import { FAILSAFE_SCHEMA, Type, load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, parseDocument, LineCounter, type Document } from 'yaml';
import { docsUrl, type Cause, type Diagnostic } from './diagnostic.ts';
import { parseWithSatteri, restoreBareColons, type MarkdownParser } from './markdown.ts';
import { LineIndex } from './text-position.ts';
import { explainYamlErrors, lintYamlText, type YamlProblem } from './yaml-errors.ts';

export { parseWithRemark, parseWithSatteri, type MarkdownParser } from './markdown.ts';

import { MAX_FILE_BYTES, MAX_FRONTMATTER_CHARS, MAX_YAML_DEPTH } from './limits.ts';

export { MAX_FRONTMATTER_CHARS } from './limits.ts';
/** Largest module text parsed, in characters (a file is also checked in bytes before it is read). */
export const MAX_FILE_CHARS = MAX_FILE_BYTES;
/** How many alias expansions a frontmatter may cause before we stop (alias bombs). */
const MAX_ALIAS_COUNT = 50;

/** The frontmatter block of a file, with what is needed to place problems in it. */
export interface FrontmatterBlock {
  /**
   * The parsed JavaScript value, or undefined when the YAML could not be read at all. After a
   * syntax error, what did parse (the keys in `damaged` removed).
   */
  data: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
  /** 1-based line in the file where the YAML text starts (the line after `---`). */
  firstLine: number;
  /** First-level keys a syntax error made unreadable: not checked, so never reported missing. */
  damaged?: ReadonlySet<string>;
}

/** A parsed Markdown file: its frontmatter, its body tree and any syntax problems. */
export interface ParsedFile {
  file: string;
  text: string;
  frontmatter: FrontmatterBlock | undefined;
  tree: Root;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** What parsing one file needs: its name, text, line index, parser and the problems found. */
interface FileContext {
  file: string;
  text: string;
  index: LineIndex;
  parseMarkdown: MarkdownParser;
  diagnostics: Diagnostic[];
}

function report(
  ctx: FileContext,
  start: number,
  end: number,
  message: string,
  hint: string,
  ruleId = 'yaml-syntax',
  causes: Cause[] = [],
): Diagnostic {
  const diagnostic: Diagnostic = {
    file: ctx.file,
    ...ctx.index.place(start, end),
    severity: 'error',
    ruleId,
    message,
    hint,
    url: docsUrl(ruleId),
    ...(causes.length ? { causes } : {}),
  };
  ctx.diagnostics.push(diagnostic);
  return diagnostic;
}

function yamlDepth(value: unknown, depth = 0): number {
  if (depth > MAX_YAML_DEPTH) return depth;
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => yamlDepth(v, depth + 1)));
  if (value && typeof value === 'object')
    return Math.max(depth, ...Object.values(value).map((v) => yamlDepth(v, depth + 1)));
  return depth;
}

const KEY_NAME = /^[A-Za-z_][\w-]*$/;
const EMPTY: Root = { type: 'root', children: [] };

function safeParseMarkdown(ctx: FileContext, markdown: string): Root {
  try {
    return restoreBareColons(ctx.parseMarkdown(markdown));
  } catch (error) {
    report(
      ctx,
      0,
      0,
      `Unexpected failure while reading the Markdown body: ${error instanceof Error ? error.message : String(error)}`,
      'This is a bug in Frontline, not in your module: please report it with this file attached.',
      'internal-error',
    );
    return EMPTY;
  }
}

/** Where the frontmatter is: offsets of the YAML text and of the end of the closing fence. */
type Fences = { kind: 'none'; firstLine: string } | { kind: 'unclosed'; firstLine: string } | FoundFences;
interface FoundFences {
  kind: 'found';
  yamlStart: number;
  closeStart: number;
  closeEnd: number;
}

function findFences(text: string): Fences {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
  if (!FENCE.test(firstLine)) return { kind: 'none', firstLine };
  let cursor = firstBreak + 1;
  while (firstBreak !== -1 && cursor <= text.length) {
    const next = text.indexOf('\n', cursor);
    const lineEnd = next === -1 ? text.length : next;
    if (CLOSE.test(text.slice(cursor, lineEnd).replace(/\r$/, '')))
      return {
        kind: 'found',
        yamlStart: firstBreak + 1,
        closeStart: cursor,
        closeEnd: next === -1 ? text.length : next + 1,
      };
    if (next === -1) break;
    cursor = next + 1;
  }
  return { kind: 'unclosed', firstLine };
}

/**
 * Splits a file into frontmatter and body and parses both. Never throws: every problem
 * (unclosed fence, malformed YAML, alias bombs, huge input) becomes a diagnostic, and after
 * a YAML error the body and the keys that did parse are still read, like a compiler recovering.
 * A byte-order mark and CRLF line endings are accepted.
 */
export function parseFile(file: string, source: string, parseMarkdown: MarkdownParser = parseWithSatteri): ParsedFile {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const ctx: FileContext = { file, text, index: new LineIndex(text), parseMarkdown, diagnostics: [] };
  const result = (frontmatter: FrontmatterBlock | undefined, tree: Root): ParsedFile => ({
    file,
    text,
    frontmatter,
    tree,
    diagnostics: ctx.diagnostics,
  });

  if (text.length > MAX_FILE_CHARS) {
    report(
      ctx,
      0,
      0,
      `Unexpected file of ${Math.round(text.length / 1024)} KB, expected at most ${MAX_FILE_CHARS / 1024 / 1024} MB`,
      'Split the module into smaller modules.',
      'file-too-large',
    );
    return result(undefined, EMPTY);
  }
  const fences = findFences(text);
  if (fences.kind === 'none') {
    report(
      ctx,
      0,
      fences.firstLine.length,
      'Unexpected start of the module, expected a frontmatter block opened by `---` on the first line',
      'Start the file with `---`, the frontmatter (id, title, summary, …), and another `---`.',
      'frontmatter-schema',
    );
    return result(undefined, safeParseMarkdown(ctx, text));
  }
  if (fences.kind === 'unclosed') {
    report(
      ctx,
      0,
      fences.firstLine.length,
      'Unexpected end of file inside the frontmatter, expected a closing `---`',
      'Add a line with just `---` after the last frontmatter key.',
    );
    return result(undefined, EMPTY);
  }
  // The body keeps its line numbers: the frontmatter lines become empty lines.
  const fmLineCount = ctx.index.position(fences.closeEnd).line - 1;
  const tree = safeParseMarkdown(ctx, '\n'.repeat(fmLineCount) + text.slice(fences.closeEnd));
  return result(readFrontmatter(ctx, fences), tree);
}

/** Parses the YAML between the fences; undefined when nothing of it can be read. */
function readFrontmatter(ctx: FileContext, { yamlStart, closeStart }: FoundFences): FrontmatterBlock | undefined {
  const yamlText = ctx.text.slice(yamlStart, closeStart);
  if (yamlText.length > MAX_FRONTMATTER_CHARS) {
    report(
      ctx,
      yamlStart,
      yamlStart,
      `Unexpected frontmatter of ${Math.round(yamlText.length / 1024)} KB, expected at most ${MAX_FRONTMATTER_CHARS / 1024} KB`,
      'Keep the frontmatter to the module’s metadata; move long text into the body.',
    );
    return undefined;
  }
  const quick = quickRead(yamlText);
  if (quick !== undefined) {
    // The document with positions is parsed only if a diagnostic asks where something is.
    let full: { doc: Document.Parsed; lines: LineCounter } | undefined;
    const positions = () => (full ??= parseWithPositions(yamlText));
    return {
      data: quick,
      get doc() {
        return positions().doc;
      },
      get lines() {
        return positions().lines;
      },
      firstLine: 2,
    };
  }
  let doc: Document.Parsed;
  let lines: LineCounter;
  try {
    ({ doc, lines } = parseWithPositions(yamlText));
  } catch (error) {
    report(
      ctx,
      yamlStart,
      closeStart,
      `Unexpected frontmatter that could not be read (${error instanceof RangeError ? 'nested too deeply' : 'malformed'})`,
      'Simplify the frontmatter: plain keys, lists and short values.',
    );
    return undefined;
  }
  const problems = [...explainYamlErrors(yamlText, doc.errors), ...lintYamlText(yamlText)];
  const second = secondDocument(yamlText);
  if (second) problems.push(second);
  for (const warning of doc.warnings)
    problems.push({
      start: warning.pos[0],
      end: Math.max(warning.pos[1], warning.pos[0] + 1),
      severity: 'warning',
      message: `Unexpected YAML in the frontmatter (${warning.code.toLowerCase().replaceAll('_', ' ')})`,
      hint: 'Check the quoting and indentation of this line.',
    });
  const first = { doc, lines, damaged: damagedKeys(doc, yamlText, problems) };
  const read = recoverPastErrors(yamlText, first, problems) ?? first;
  reportYamlProblems(ctx, yamlStart, yamlText, problems, read.damaged);
  const data = toData(ctx, yamlStart, read.doc, read.damaged);
  return {
    data,
    doc: read.doc,
    lines: read.lines,
    firstLine: 2,
    ...(read.damaged.size ? { damaged: new Set(read.damaged.keys()) } : {}),
  };
}

/** The yaml package's reading, with every node's place: what diagnostics need. */
export function parseWithPositions(yamlText: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  // logLevel: the yaml package would otherwise print its own warnings to the author's terminal.
  const doc = parseDocument(yamlText, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    logLevel: 'silent',
  });
  return { doc, lines };
}

/**
 * Text the quick reader leaves to the yaml package: anchors, aliases and tags (`&`, `*`, `!`:
 * expansion limits and tag warnings are the yaml package's), tabs, carriage returns, document
 * markers, flow and block-scalar indicators at odd places are all possible there, so any line
 * holding one of these characters or a second document goes the careful way.
 */
const CAREFUL = /[&*!\t\r%@`]|^(?:---|\.\.\.)|(?:^|\s)[?:](?:\s|$)/m;

/**
 * Most frontmatter is plain and valid: js-yaml (with the yaml package's YAML 1.2 core schema) reads it about ten times faster than the yaml package builds a document with
 * positions. Returns the data only when that reading is certain to equal the careful one: plain
 * text, a mapping, no duplicate key, nothing the lint would flag, not nested too deeply; any
 * doubt returns undefined and the careful path reads the text (a differential test holds the two
 * readings equal).
 */
/**
 * YAML 1.2's core schema as the yaml package resolves plain scalars (js-yaml's own core schema
 * reads `-.5` or `1_000` differently): null, booleans, decimal, octal and hex integers, floats.
 */
const plainScalar = (name: string, pattern: RegExp, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (text: string) => pattern.test(text),
    construct,
  });
const YAML_CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    plainScalar('null', /^(?:~|null|Null|NULL)?$/, () => null),
    plainScalar('bool', /^(?:true|True|TRUE|false|False|FALSE)$/, (text) => /^t/i.test(text)),
    plainScalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o')
        ? parseInt(text.slice(2), 8)
        : text.startsWith('0x')
          ? parseInt(text.slice(2), 16)
          : Number(text),
    ),
    plainScalar(
      'float',
      /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      (text) =>
        /nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text),
    ),
  ],
});

/** A `key:` line (at any indent, once the indent is cut off), with the value after it if any. */
const KEY_LINE = /^[A-Za-z_][\w-]*:(?: (.*))?$/;
const BLOCK_SCALAR = /^[>|][-+]?$/;

/** A scalar inside a one-line flow collection: plain words and numbers, no quotes or indicators. */
const FLOW_SCALAR = /^(?:[A-Za-z0-9_.+~]|-[0-9.])[^:#"'?]*$/;

/** A value written on its key's line that the quick reader may take: a plain or quoted scalar, or a one-line flow collection of plain scalars. */
function plainValue(value: string): boolean {
  const flow = /^([[{])(.*)([\]}])$/.exec(value.trim());
  if (flow) {
    const [, open, inside, close] = flow;
    if ((open === '[') !== (close === ']') || /[[\]{}]/.test(inside!)) return false;
    if (inside!.trim() === '') return true;
    return inside!.split(',').every((item) => {
      const part = item.trim();
      if (open === '[') return FLOW_SCALAR.test(part);
      const pair = /^([A-Za-z_][\w-]*): (.+)$/.exec(part);
      return pair !== null && FLOW_SCALAR.test(pair[2]!.trim());
    });
  }
  return !/^[-?:,[\]{}#|>]/.test(value);
}

/**
 * The layout of ordinary frontmatter, line by line: keys at the margin, each with a value on its
 * line, a block scalar (`>-`), a list of values or of small mappings two spaces in, or a mapping
 * two spaces in. Anything else (other indents, multi-line plain values, nested lists) is read by
 * the careful path only, where the yaml package's stricter rules and messages apply.
 */
function ordinaryLayout(yamlText: string): boolean {
  let inBlockScalar = false;
  let inListOfMaps = false;
  for (const raw of yamlText.split('\n')) {
    const line = raw.trimEnd();
    if (line === '' || /^#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    const text = line.slice(indent);
    if (inBlockScalar && indent >= 2) continue;
    inBlockScalar = false;
    if (indent === 0) {
      const key = KEY_LINE.exec(text);
      if (!key) return false;
      const value = key[1];
      inListOfMaps = false;
      if (value === undefined) continue;
      if (BLOCK_SCALAR.test(value)) inBlockScalar = true;
      else if (!plainValue(value)) return false;
      continue;
    }
    if (indent === 2 && text.startsWith('- ')) {
      const item = text.slice(2);
      const key = KEY_LINE.exec(item);
      inListOfMaps = key !== null;
      if (key ? key[1] === undefined || !plainValue(key[1]) : !plainValue(item)) return false;
      continue;
    }
    if (indent === 2) {
      const value = KEY_LINE.exec(text)?.[1];
      if (value === undefined || !plainValue(value) || inListOfMaps) return false;
      continue;
    }
    if (indent === 4 && inListOfMaps) {
      const value = KEY_LINE.exec(text)?.[1];
      if (value === undefined || !plainValue(value)) return false;
      continue;
    }
    return false;
  }
  return true;
}

export function quickRead(yamlText: string): Record<string, unknown> | undefined {
  if (CAREFUL.test(yamlText) || !ordinaryLayout(yamlText)) return undefined;
  let data: unknown;
  try {
    // json: false makes a duplicate key an error, as uniqueKeys does in the careful reading.
    data = loadYaml(yamlText, { schema: YAML_CORE, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (yamlDepth(data) > MAX_YAML_DEPTH || lintYamlText(yamlText).length) return undefined;
  return data as Record<string, unknown>;
}

interface FrontmatterRead {
  doc: Document.Parsed;
  lines: LineCounter;
  damaged: Map<string, YamlProblem>;
}

/**
 * Recovery like a compiler's: the yaml package gives up on everything after some errors (an
 * unquoted `: ` in a value swallows the rest of the mapping), so the lines of each syntax error are
 * blanked out (spaces, so every offset stays where it was) and the text is parsed again. Keys
 * that read cleanly that way and touch no blanked line are checked like any other; the keys of
 * the broken lines stay unread. When the second parse fails too, the first reading stands.
 */
function recoverPastErrors(
  yamlText: string,
  first: FrontmatterRead,
  problems: readonly YamlProblem[],
): FrontmatterRead | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  if (!first.doc.errors.length || !first.damaged.size || errors.some((p) => p.reach !== undefined)) return undefined;
  const index = new LineIndex(yamlText);
  const lineOf = (offset: number) => index.position(Math.min(offset, yamlText.length)).line;
  const blanked = new Set<number>();
  for (const problem of errors)
    for (let line = lineOf(problem.start); line <= lineOf(Math.max(problem.start, problem.end - 1)); line++)
      blanked.add(line);
  const patched = yamlText
    .split('\n')
    .map((text, i) => (blanked.has(i + 1) ? text.replace(/[^\r]/g, ' ') : text))
    .join('\n');
  let read: { doc: Document.Parsed; lines: LineCounter };
  try {
    read = parseWithPositions(patched);
  } catch {
    return undefined;
  }
  const { doc, lines } = read;
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  // A key's entry runs to the line before the next key: a blanked line inside it (a list item of
  // it) leaves the entry incomplete, so it stays unread rather than reported as missing items.
  const starts = doc.contents.items.map((pair) => lineOf((pair.key as { range?: number[] } | null)?.range?.[0] ?? 0));
  const readable = new Set<string>();
  doc.contents.items.forEach((pair, i) => {
    if (!isScalar(pair.key)) return;
    const last = (starts[i + 1] ?? lineOf(yamlText.length) + 1) - 1;
    for (let line = starts[i]!; line <= last; line++) if (blanked.has(line)) return;
    readable.add(String(pair.key.value));
  });
  const damaged = new Map([...first.damaged].filter(([key]) => !readable.has(key)));
  return { doc, lines, damaged };
}

/** Reports each YAML problem, with the keys it left unreadable as causes (one root cause, one diagnostic). */
function reportYamlProblems(
  ctx: FileContext,
  yamlStart: number,
  yamlText: string,
  problems: readonly YamlProblem[],
  damaged: ReadonlyMap<string, YamlProblem>,
): void {
  const end = yamlStart + yamlText.length;
  for (const problem of problems) {
    const keys = [...damaged].filter(([key, p]) => p === problem && KEY_NAME.test(key)).map(([key]) => key);
    const at = ctx.index.place(yamlStart + problem.start, Math.min(end, yamlStart + problem.end));
    const causes: Cause[] = [];
    if (problem.cause)
      causes.push({
        file: ctx.file,
        ...ctx.index.place(yamlStart + problem.cause.start, yamlStart + problem.cause.end),
        message: problem.cause.message,
      });
    if (keys.length && problem.severity === 'error')
      causes.push({
        file: ctx.file,
        ...at,
        message: `so ${keys.map((k) => `\`${k}\``).join(', ')} could not be read; ${keys.length === 1 ? 'it is' : 'they are'} checked once this is fixed`,
      });
    const diagnostic = report(
      ctx,
      yamlStart + problem.start,
      Math.min(end, yamlStart + problem.end),
      problem.message,
      problem.hint,
      'yaml-syntax',
      causes,
    );
    diagnostic.severity = problem.severity;
  }
}

/**
 * The first-level keys that a YAML problem made unreadable, each with its problem: keys whose
 * entry overlaps a problem's lines, and first-level `key:` lines swallowed into such an entry.
 */
function damagedKeys(
  doc: Document.Parsed,
  yamlText: string,
  problems: readonly YamlProblem[],
): Map<string, YamlProblem> {
  const damaged = new Map<string, YamlProblem>();
  const index = new LineIndex(yamlText);
  const textLines = yamlText.split('\n');
  const lineOf = (offset: number) => index.position(offset).line;
  const entries = isMap(doc.contents)
    ? doc.contents.items.flatMap((pair) => {
        if (!isPair(pair)) return [];
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const from = (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0;
        const to = (pair.value as { range?: number[] } | null)?.range?.[1] ?? from;
        return [{ key, from: lineOf(from), to: lineOf(Math.max(from, to - 1)) }];
      })
    : [];
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    let from = lineOf(problem.start);
    let to = lineOf(Math.max(problem.start, (problem.reach ?? problem.end) - 1));
    for (const entry of entries)
      if (entry.from <= to && entry.to >= from) {
        if (!damaged.has(entry.key)) damaged.set(entry.key, problem);
        from = Math.min(from, entry.from);
        to = Math.max(to, entry.to);
      }
    for (let line = from; line <= to; line++) {
      const key = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(textLines[line - 1] ?? '')?.[1];
      if (key && !damaged.has(key)) damaged.set(key, problem);
    }
  }
  // Keys written at the start of a line that the parser lost after an error: consequences too.
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length && doc.errors.length) {
    const parsedKeys = new Set(entries.map((e) => e.key));
    textLines.forEach((text, i) => {
      const key = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(text)?.[1];
      if (!key || parsedKeys.has(key) || damaged.has(key)) return;
      const before = errors.filter((p) => lineOf(p.start) <= i + 1).at(-1) ?? errors[0]!;
      damaged.set(key, before);
    });
  }
  return damaged;
}

/** The frontmatter's value without its damaged keys; undefined when it cannot be read at all. */
function toData(
  ctx: FileContext,
  yamlStart: number,
  doc: Document.Parsed,
  damaged: ReadonlyMap<string, YamlProblem>,
): unknown {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const aliases = error instanceof ReferenceError || /alias/i.test(String(error));
    report(
      ctx,
      yamlStart,
      yamlStart,
      aliases
        ? 'Unexpected YAML aliases that expand too far, expected plain values'
        : 'Unexpected frontmatter that could not be read',
      'Frontline frontmatter does not need YAML anchors (`&`) or aliases (`*`): write the values out.',
    );
    return undefined;
  }
  if (yamlDepth(data) > MAX_YAML_DEPTH) {
    report(
      ctx,
      yamlStart,
      yamlStart,
      `Unexpected frontmatter nested more than ${MAX_YAML_DEPTH} levels deep`,
      'Frontmatter values are flat lists and short mappings: remove the extra nesting.',
    );
    return undefined;
  }
  if (doc.errors.length && (data === null || typeof data !== 'object' || Array.isArray(data))) return undefined;
  // After a syntax error, keep only the keys that parsed cleanly (a broken line can turn into
  // a key such as `level:foundation title`: not a key the author wrote, so not reported).
  if (doc.errors.length || damaged.size)
    return Object.fromEntries(
      Object.entries(data as object).filter(([key]) => !damaged.has(key) && (!doc.errors.length || KEY_NAME.test(key))),
    );
  return data;
}

/** A line that starts a second YAML document (`---`) or ends the first (`...`). */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r]|$)/m;

/**
 * A document marker inside YAML that is meant to hold one document: the yaml package reads only
 * the first document and drops the rest without a word, so what follows would never be checked
 * or shown. The problem reaches to the end, so the keys after it count as unread, not missing.
 */
function secondDocument(yamlText: string, from = 0): YamlProblem | undefined {
  const match = DOCUMENT_MARKER.exec(yamlText.slice(from));
  if (!match) return undefined;
  const start = from + match.index;
  const marker = match[0];
  const lineEnd = yamlText.indexOf('\n', start);
  return {
    start,
    end: lineEnd === -1 ? yamlText.length : lineEnd,
    reach: yamlText.length,
    severity: 'error',
    message:
      marker === '---'
        ? 'Unexpected `---` starting a second YAML document, expected one document (everything after this line would be ignored)'
        : 'Unexpected `...` ending the YAML document early, expected one document (everything after this line would be ignored)',
    hint: 'Delete this line and keep what follows as keys of the one document, or delete what follows too.',
  };
}

/** Parses a plain YAML data file (paths, glossary, plans) with the same safety limits. */
export function parseYamlFile(
  file: string,
  source: string,
): { data: unknown; frontmatter: FrontmatterBlock | undefined; diagnostics: Diagnostic[] } {
  // Reuse the frontmatter machinery by wrapping the data in fences, then shift lines back.
  const full = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // An opening `---` on the first line is YAML's optional document start: read as a blank line.
  const opened = /^---[ \t]*\r?(?:\n|$)/.exec(full);
  const from = opened ? opened[0].length : 0;
  // A marker on a line of its own would close the wrapping fence below: the text is read up to
  // it, and the marker is reported here (a marker followed by text is found by the frontmatter reader).
  const second = secondDocument(full, from);
  const standalone = second && /^(?:---|\.\.\.)[ \t]*\r?$/.test(full.slice(second.start).split('\n', 1)[0]!);
  const text =
    (opened ? opened[0].replace(/[^\n]/g, '') : '') + full.slice(from, standalone ? second.start : full.length);
  const wrapped = `---\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}---\n`;
  const parsed = parseFile(file, wrapped, () => ({ type: 'root', children: [] }));
  if (standalone) {
    const lines = new LineIndex(full);
    const lineEnd = full.indexOf('\n', second.start);
    parsed.diagnostics.push({
      file,
      // One line down: the shift below moves every diagnostic up by the wrapping fence.
      ...shiftDown(lines.place(second.start, lineEnd === -1 ? full.length : lineEnd)),
      severity: 'error',
      ruleId: 'yaml-syntax',
      message: second.message,
      hint: second.hint,
      url: docsUrl('yaml-syntax'),
    });
  }
  const shift = <T extends { line: number; endLine: number }>(d: T): T => ({
    ...d,
    line: Math.max(1, d.line - 1),
    endLine: Math.max(1, d.endLine - 1),
  });
  // Not spread: the block's document is parsed on first use (see quickRead), and a spread would read it.
  const block = parsed.frontmatter;
  const fm: FrontmatterBlock | undefined = block && {
    data: block.data,
    get doc() {
      return block.doc;
    },
    get lines() {
      return block.lines;
    },
    firstLine: 1,
    ...(block.damaged ? { damaged: block.damaged } : {}),
  };
  return {
    data: fm?.data,
    frontmatter: fm,
    diagnostics: parsed.diagnostics.map((d) => (d.causes ? { ...shift(d), causes: d.causes.map(shift) } : shift(d))),
  };
}

const shiftDown = <T extends { line: number; endLine: number }>(d: T): T => ({
  ...d,
  line: d.line + 1,
  endLine: d.endLine + 1,
});
