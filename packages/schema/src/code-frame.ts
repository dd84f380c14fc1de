import { createRequire } from 'node:module';
import type stringWidthOf from 'string-width';
import type { Place } from './diagnostic.ts';
import { escapeControls } from './escape.ts';

const require = createRequire(import.meta.url);
let measure: ((text: string) => number) | undefined;
/**
 * Columns a text takes in a terminal (string-width), loaded on first use: most runs print no
 * code frame, and loading it costs a check about 25 ms.
 */
const stringWidth = (text: string): number =>
  (measure ??= (require('string-width') as { default: typeof stringWidthOf }).default)(text);

/**
 * Columns: diagnostics count UTF-16 code units from 1 (what JavaScript strings, the Language
 * Server Protocol and VS Code use); a terminal reader counts characters. These convert.
 */
export function characterColumn(lineText: string, utf16Column: number): number {
  return [...lineText.slice(0, Math.max(0, utf16Column - 1))].length + 1;
}

/** How the code frame is drawn: colour functions for the caret and the gutter. */
export interface FrameStyle {
  caret: (s: string) => string;
  gutter: (s: string) => string;
}

/** Longest part of a source line shown, in terminal columns; longer lines are cut around the caret. */
const MAX_WIDTH = 100;

/**
 * The source line of a diagnostic with a caret under the problem, as `tsc`, `rustc` and Babel
 * print it. Written here rather than taken from @babel/code-frame, which highlights every
 * line as JavaScript when colour is on and places its caret by UTF-16 units: under CJK text
 * or an emoji the caret would drift. Control characters in the line are shown escaped (after the gutter no line can start a CI workflow command, so `:::check` reads as written), and the caret
 * is placed by display width (string-width), so it stays under the right character.
 */
export function codeFrame(source: string, place: Place, style: FrameStyle): string[] {
  const lines = source.split('\n');
  const raw = (lines[place.line - 1] ?? '').replace(/\r$/, '');
  const startIndex = Math.min(raw.length, Math.max(0, place.column - 1));
  const endIndex =
    place.endLine === place.line ? Math.min(raw.length, Math.max(startIndex, place.endColumn - 1)) : raw.length;
  let before = escapeControls(raw.slice(0, startIndex));
  let marked = escapeControls(raw.slice(startIndex, endIndex));
  let after = escapeControls(raw.slice(endIndex));
  // Cut long lines around the problem so the caret stays on screen.
  if (stringWidth(before) > MAX_WIDTH / 2) before = `…${cutStart(before, MAX_WIDTH / 2)}`;
  if (stringWidth(marked) > MAX_WIDTH / 2) marked = `${cutEnd(marked, MAX_WIDTH / 2)}…`;
  if (stringWidth(before + marked + after) > MAX_WIDTH)
    after = `${cutEnd(after, Math.max(0, MAX_WIDTH - stringWidth(before + marked)))}…`;
  const number = String(place.line);
  const pad = ' '.repeat(number.length);
  const carets = '^'.repeat(Math.max(1, stringWidth(marked)));
  return [
    `  ${style.gutter(`${number} |`)} ${before}${marked}${after}`.trimEnd(),
    `  ${style.gutter(`${pad} |`)} ${' '.repeat(stringWidth(before))}${style.caret(carets)}`,
  ];
}

// Both cut by whole characters; a line is first cut to a few times the width (lines can be long).
function cutStart(text: string, width: number): string {
  const chars = [...text].slice(-width * 2);
  while (chars.length && stringWidth(chars.join('')) > width) chars.shift();
  return chars.join('');
}

function cutEnd(text: string, width: number): string {
  const chars = [...text].slice(0, width * 2);
  while (chars.length && stringWidth(chars.join('')) > width) chars.pop();
  return chars.join('');
}
