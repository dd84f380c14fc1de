/**
 * `pnpm build`'s export step: every module and path of the course as SCORM 1.2 packages in
 * `out/lms` at the repository root (FRONTLINE_CONTENT picks another content folder;
 * FRONTLINE_LMS_FORMATS, a comma-separated list, other formats).
 */
import { resolve } from 'node:path';
import { formatPretty } from '@frontline/schema';
import { ExportRequestError, exportPackages, parseFormat } from './export.ts';

const root = resolve(import.meta.dirname, '../../..');
const content = resolve(root, process.env.FRONTLINE_CONTENT ?? 'content');
const out = resolve(root, 'out/lms');
try {
  const formats = (process.env.FRONTLINE_LMS_FORMATS ?? 'scorm12').split(',').map((f) => parseFormat(f.trim()));
  for (const format of formats) {
    const result = exportPackages({ content, out, format });
    if (!result.ok) {
      process.stderr.write(`${formatPretty(result.diagnostics, result.files)}\nNo LMS packages were written.\n`);
      process.exitCode = 1;
      break;
    }
    process.stdout.write(`lms: ${result.files.length} ${format} packages in out/lms\n`);
  }
} catch (error) {
  if (!(error instanceof ExportRequestError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
