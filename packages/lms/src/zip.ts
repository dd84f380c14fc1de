import { zipSync, type Zippable } from 'fflate';

/** One file of a package: its path inside the zip and its bytes or text. */
export interface PackageFile {
  path: string;
  data: Uint8Array | string;
}

const encoder = new TextEncoder();

/**
 * Zips files deterministically: entries in code-point order of their path, every entry dated
 * `date` (a `YYYY-MM-DD` day, written as midnight; zip dates have no zone, so the local-time
 * fields are set from the day itself and the bytes do not depend on the machine's zone), no
 * extra fields. The same files give the same bytes.
 */
export function zipFiles(files: readonly PackageFile[], date: string): Uint8Array {
  const [year, month, day] = date.split('-').map(Number);
  // Zip dates start in 1980.
  const mtime = new Date(Math.max(1980, year ?? 1980), (month ?? 1) - 1, day ?? 1);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Zippable = {};
  for (const file of sorted) {
    if (file.path in entries) throw new Error(`Two package files named \`${file.path}\`.`);
    const bytes = typeof file.data === 'string' ? encoder.encode(file.data) : file.data;
    entries[file.path] = [bytes, { mtime, level: 9 }];
  }
  return zipSync(entries);
}
