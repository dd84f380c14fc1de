// The typeset documents the site publishes under /guides/, by reader: every one in the
// trainers' build; in the learner build only those a learner may hold (participant handouts,
// workbooks and agendas; @frontline/guides says which document is for which reader).
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLearnerFacingFile } from '@frontline/guides/documents';

/**
 * Copies the typeset documents from `from` into `to`; false when there are none to copy.
 * Folders (a4/, letter/) have no extension; of files, the learner build takes learner-facing
 * PDFs and nothing else (no data, no manifest).
 */
export function publishDocuments(from: string, to: string, learnerOnly: boolean): boolean {
  if (!existsSync(from)) return false;
  cpSync(from, to, {
    recursive: true,
    filter: (src) =>
      !src.endsWith('.manifest.json') &&
      !src.endsWith('.tmp') &&
      // Certificates carry the names of real people: never published, whichever build.
      !src.endsWith('-certificates.pdf') &&
      (!learnerOnly || !/\.[a-z0-9]+$/i.test(src) || isLearnerFacingFile(src)),
  });
  return true;
}

/** LMS package formats as trainers read them. */
const LMS_FORMATS: Record<string, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', cmi5: 'cmi5' };

/**
 * The LMS packages `pnpm build` wrote for a module or path (`<id>.<format>.zip` in `dir`), each
 * with its format's name, in a fixed order.
 */
export function lmsPackages(dir: string, id: string): { file: string; format: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${id}.`) && f.endsWith('.zip'))
    .map((file) => ({ file, format: LMS_FORMATS[file.slice(id.length + 1, -4)] ?? '' }))
    .filter((p) => p.format !== '')
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Copies the LMS packages (zips only) from `from` into `to`; false when there are none. */
export function publishLmsPackages(from: string, to: string): boolean {
  if (!existsSync(from)) return false;
  cpSync(from, to, { recursive: true, filter: (src) => src === from || src.endsWith('.zip') });
  return readdirSync(join(to)).length > 0;
}
