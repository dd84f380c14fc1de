import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { checkContent, type Diagnostic, type Module } from '@frontline/schema';
import { buildPackage, moduleSource, pathSource, type PackageSource } from './package.ts';
import type { Format } from './page.ts';

export const FORMATS: readonly Format[] = ['scorm12', 'scorm2004', 'cmi5'];

export interface ExportOptions {
  /** The content folder. */
  content: string;
  /** Where the zips go (the CLI's default is `out/lms`). */
  out: string;
  format: Format;
  /** Only these modules (with `paths`: these modules and paths); default every module and path. */
  modules?: readonly string[];
  /** Only these paths. */
  paths?: readonly string[];
  /**
   * Share of the score needed to pass, 0 to 1, for modules and paths whose content sets no
   * `mastery` (default 1: every check answered correctly). The content's wins over it, and the
   * LMS's own mastery score over both (the runtime reads it at launch).
   */
  mastery?: number;
  /** Diagnostics name files relative to this folder (default: the process's). */
  cwd?: string;
}

export type ExportResult =
  | { ok: true; files: string[] }
  /** The content has errors: nothing was written. */
  | { ok: false; diagnostics: Diagnostic[]; files: number };

/** A mistake in what was asked for (an unknown id or format): the command's usage error. */
export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
}

/** "Did you mean `x`?" for a near miss, else nothing. */
function didYouMean(value: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(value, [...candidates]);
  return distance(value, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` Did you mean \`${best}\`?` : '';
}

/** Checks a format name, with a suggestion for a near miss. */
export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new ExportRequestError(
    `Unexpected format \`${value}\`, expected \`scorm12\`, \`scorm2004\` or \`cmi5\`.${didYouMean(value, FORMATS)}`,
  );
}

/** The content's `mastery` (a percentage) as a share of the score, when it sets one. */
const share = (percent: number | undefined) => (percent === undefined ? undefined : percent / 100);

/** A package's file name: `<id>.<format>.zip`. */
export const packageName = (id: string, format: Format) => `${id}.${format}.zip`;

/**
 * Writes one package per selected module and path into `out`, or nothing when the content has
 * errors. The zips are written to a new folder beside `out`, which then takes its place: a
 * reader sees the old set or the new one, never half of one. Packages of other formats already
 * in `out` are kept; with no selection, this format's old packages are dropped (no stale
 * package of a deleted module survives).
 */
export function exportPackages(options: ExportOptions): ExportResult {
  const { format } = options;
  const mastery = options.mastery ?? 1;
  if (!(mastery >= 0 && mastery <= 1)) throw new ExportRequestError(`Unexpected mastery ${mastery}, expected 0 to 1.`);
  // Checked through the validation cache: a module unchanged since the last check is parsed only
  // when its package is built.
  const result = checkContent(options.content, options.cwd ? { cwd: options.cwd } : {});
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: result.diagnostics, files: result.files };

  const ids = new Set(result.ids);
  const pathsById = new Map(result.corpus.paths.map((p) => [p.id, p]));
  for (const id of options.modules ?? [])
    if (!ids.has(id)) throw new ExportRequestError(`No module with id \`${id}\`.${didYouMean(id, result.ids)}`);
  for (const id of options.paths ?? [])
    if (!pathsById.has(id))
      throw new ExportRequestError(`No learning path with id \`${id}\`.${didYouMean(id, [...pathsById.keys()])}`);

  const everything = !options.modules && !options.paths;
  const modelOf = (id: string): Module[] => {
    const module = result.module(id);
    return module ? [module] : [];
  };
  const sources: PackageSource[] = [];
  for (const module of result.ids.flatMap(modelOf))
    if (everything || options.modules?.includes(module.id))
      sources.push({ ...moduleSource(module), mastery: share(module.frontmatter.mastery) ?? mastery });
  for (const path of result.corpus.paths) {
    if (!everything && !options.paths?.includes(path.id)) continue;
    // Every module of a valid path exists (the validator checks `prerequisite-exists` and path members).
    sources.push({ ...pathSource(path, path.modules.flatMap(modelOf)), mastery: share(path.mastery) ?? mastery });
  }

  mkdirSync(dirname(options.out), { recursive: true });
  const staging = mkdtempSync(join(dirname(options.out), `.${basename(options.out)}-`));
  // mkdtemp makes a private folder; the output folder is an ordinary one.
  chmodSync(staging, 0o755);
  try {
    const written: string[] = [];
    for (const source of sources) {
      const name = packageName(source.id, format);
      writeFileSync(join(staging, name), buildPackage(source, format, result.corpus));
      written.push(name);
    }
    // Keep what is not being replaced: other formats, and this format's other packages after a selection.
    const replaced = new Set(written);
    if (existsSync(options.out))
      for (const name of readdirSync(options.out)) {
        if (replaced.has(name) || (everything && name.endsWith(`.${format}.zip`))) continue;
        cpSync(join(options.out, name), join(staging, name), { recursive: true, preserveTimestamps: true });
      }
    const old = existsSync(options.out) ? `${staging}.old` : undefined;
    if (old) renameSync(options.out, old);
    renameSync(staging, options.out);
    if (old) rmSync(old, { recursive: true, force: true });
    return { ok: true, files: written.map((name) => join(options.out, name)) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
