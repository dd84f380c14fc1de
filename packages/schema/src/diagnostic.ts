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

/** Most causes one diagnostic lists; the rest are counted ("and 9 more"), so output stays bounded. */
export const MAX_CAUSES = 3;

/**
 * At most `MAX_CAUSES` causes, then one line that counts the rest at the place of the first of
 * them. `total` is how many there are in all when the caller built only the first few (so that
 * a thousand duplicates cost a thousand steps, not a million).
 */
export function limitCauses(causes: readonly Cause[], total = causes.length): Cause[] {
  if (total <= MAX_CAUSES) return [...causes];
  const shown = causes.slice(0, MAX_CAUSES);
  const next = causes[MAX_CAUSES] ?? causes.at(-1)!;
  return [...shown, { ...next, message: `and ${total - MAX_CAUSES} more` }];
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
