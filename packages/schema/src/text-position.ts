import type { Place } from './diagnostic.ts';

/** Maps offsets in a text to 1-based line/column places. */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#starts.push(i + 1);
  }

  /** Number of lines in the text (a trailing newline opens an empty last line). */
  get lines(): number {
    return this.#starts.length;
  }

  /** 1-based line and column of an offset, clamped into the text. */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (this.#starts[lo] ?? 0) + 1 };
  }

  /** A place spanning two offsets. */
  place(start: number, end: number): Place {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
