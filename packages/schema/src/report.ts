import { characterColumn, codeFrame } from './code-frame.ts';
import type { Diagnostic } from './diagnostic.ts';
import { escapeDiagnostic } from './escape.ts';

/** The text of a file by its display path (BOM removed), for code frames and character columns. */
export type SourceLookup = (file: string) => string | undefined;

/** Summary counts of a run. */
export function summarise(diagnostics: readonly Diagnostic[], files: number) {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const withProblems = new Set(diagnostics.map((d) => d.file)).size;
  return { errors, warnings, files, withProblems };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface PrettyOptions {
  /** ANSI colour (default false): the CLI turns it on for a terminal without NO_COLOR. */
  color?: boolean;
  /** File texts: with them, each problem shows its source line and columns count characters. */
  sources?: SourceLookup;
}

/** A diagnostic's columns in characters (code points) instead of UTF-16 units, when its text is known. */
function inCharacters<T extends { file: string; line: number; column: number; endLine: number; endColumn: number }>(
  d: T,
  sources: SourceLookup | undefined,
): T {
  const lines = sources?.(d.file)?.split('\n');
  if (!lines) return d;
  return {
    ...d,
    column: characterColumn(lines[d.line - 1] ?? '', d.column),
    endColumn: characterColumn(lines[d.endLine - 1] ?? '', d.endColumn),
  };
}

/** The human format, modelled on vfile-reporter: one block per problem, then a total. */
export function formatPretty(diagnostics: readonly Diagnostic[], files: number, options: PrettyOptions = {}): string {
  const c = options.color
    ? {
        red: (s: string) => `\x1b[31m${s}\x1b[39m`,
        yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
        dim: (s: string) => `\x1b[2m${s}\x1b[22m`,
        bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
      }
    : { red: (s: string) => s, yellow: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
  const out: string[] = [];
  for (const raw of diagnostics) {
    const source = options.sources?.(raw.file);
    const d = escapeDiagnostic(inCharacters(raw, options.sources));
    const severity = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : 'info';
    out.push(`${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${c.dim(d.ruleId)}`);
    out.push(...d.message.split('\n').map((line) => `  ${line}`));
    if (source !== undefined)
      out.push(...codeFrame(source, raw, { caret: d.severity === 'error' ? c.red : c.yellow, gutter: c.dim }));
    for (const cause of d.causes ?? []) {
      const at = inCharacters(cause, options.sources);
      out.push(`  ${c.dim('cause')}  ${cause.file}:${at.line}:${at.column}  ${cause.message}`);
    }
    if (d.hint) {
      const [first, ...rest] = d.hint.split('\n');
      out.push(`  ${c.dim('hint')}   ${first}`);
      for (const line of rest) out.push(`         ${line}`);
    }
    out.push(`  ${c.dim('docs')}   ${d.url}`);
  }
  const s = summarise(diagnostics, files);
  if (diagnostics.length === 0) out.push(`${plural(files, 'file')} checked, no problems`);
  else
    out.push(
      '',
      `${plural(s.errors + s.warnings, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}) in ${s.withProblems} of ${plural(files, 'file')}`,
    );
  return out.join('\n');
}

/**
 * The JSON format of the command-line contract. Columns count UTF-16 code units, as editor
 * protocols (LSP, VS Code) want them; `columns` says so.
 */
export function formatJson(diagnostics: readonly Diagnostic[], files: number): string {
  return JSON.stringify(
    {
      files,
      columns: 'utf-16',
      diagnostics: diagnostics.map(escapeDiagnostic).map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        severity: d.severity,
        ruleId: d.ruleId,
        message: d.message,
        hint: d.hint ?? null,
        url: d.url,
        ...(d.causes?.length ? { causes: d.causes } : {}),
      })),
    },
    null,
    2,
  );
}

/** Escapes workflow-command data (`%`, CR, LF). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes workflow-command properties (data escapes plus `:` and `,`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions annotations, one per problem (GitHub shows ten per kind per step); columns in characters when sources are given. */
export function formatGithub(diagnostics: readonly Diagnostic[], sources?: SourceLookup): string {
  return diagnostics
    .map((raw) => {
      const d = escapeDiagnostic(inCharacters(raw, sources));
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ].join(',');
      const body = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${kind} ${props}::${escapeData(body)}`;
    })
    .join('\n');
}

/** The full report as Markdown, for the job summary ($GITHUB_STEP_SUMMARY). */
export function formatSummaryMarkdown(diagnostics: readonly Diagnostic[], files: number): string {
  const s = summarise(diagnostics, files);
  const lines = [`## Frontline validation`, ''];
  if (diagnostics.length === 0) {
    lines.push(`${plural(files, 'file')} checked, no problems.`);
    return lines.join('\n');
  }
  lines.push(
    `${plural(s.errors, 'error')} and ${plural(s.warnings, 'warning')} in ${s.withProblems} of ${plural(files, 'file')}.`,
    '',
  );
  lines.push('| place | severity | rule | problem | fix |', '| --- | --- | --- | --- | --- |');
  const cell = (v: string) => v.replaceAll('<', '&lt;').replaceAll('|', '\\|').replaceAll('\n', '<br>');
  for (const d of diagnostics.map(escapeDiagnostic))
    lines.push(
      `| \`${d.file}:${d.line}:${d.column}\` | ${d.severity} | [${d.ruleId}](${d.url}) | ${cell(d.message)} | ${cell(d.hint ?? '')} |`,
    );
  return lines.join('\n');
}
