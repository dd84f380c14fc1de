import type { Place } from './diagnostic.ts';

/** Maps offsets in a text to 1-based line/column places. */
export class LineIndex {
  readonly #text: string;
  /** Where each line starts, found on first use: most files never need a place. */
  #lineStarts: number[] | undefined;
  readonly length: number;

  constructor(text: string) {
    this.#text = text;
    this.length = text.length;
  }

  get #starts(): number[] {
    if (this.#lineStarts) return this.#lineStarts;
    const starts = [0];
    for (let i = this.#text.indexOf('\n'); i !== -1; i = this.#text.indexOf('\n', i + 1)) starts.push(i + 1);
    return (this.#lineStarts = starts);
  }

  /** Number of lines in the text (a trailing newline opens an empty last line). */
  get lines(): number {
    return this.#starts.length;
  }

  /** 1-based line and column of an offset, clamped into the text. */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.length));
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }

  /** A place spanning two offsets. */
  place(start: number, end: number): Place {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
