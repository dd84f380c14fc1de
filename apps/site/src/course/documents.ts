// The typeset documents the site publishes under /guides/, by reader: every one in the
// trainers' build; in the learner build only those a learner may hold (participant handouts,
// workbooks and agendas; @frontline/guides says which document is for which reader).
import { cpSync, existsSync } from 'node:fs';
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
      (!learnerOnly || !/\.[a-z0-9]+$/i.test(src) || isLearnerFacingFile(src)),
  });
  return true;
}
