/** Severity of a diagnostic; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a file: 1-based line and column, end exclusive. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A second place tied to a diagnostic (the other module with the same id, the segments behind a total). */
export interface Cause extends Place {
  file: string;
  message: string;
}

/** One problem found in one file: the unit every reporter prints. */
export interface Diagnostic extends Place {
  file: string;
  severity: Severity;
  ruleId: string;
  message: string;
  hint?: string;
  url: string;
  causes?: Cause[];
}

/** Where each rule's documentation lives: the author guide, anchored by rule id. */
export function docsUrl(ruleId: string): string {
  return `content/README.md#${ruleId}`;
}

/** A place covering the start of a file, used only when nothing more precise exists. */
export const FILE_START: Place = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Order diagnostics by file, then position, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
