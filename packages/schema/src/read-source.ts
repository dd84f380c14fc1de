import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { docsUrl, FILE_START, type Diagnostic } from './diagnostic.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { LineIndex } from './text-position.ts';

const isInside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Does `path` exist and resolve (through symbolic links) to a place outside `root`? */
export function resolvesOutside(root: string, path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return !isInside(realpathSync(path), realpathSync(root));
  } catch {
    return false;
  }
}

/** How many times `needle` occurs in `haystack`. */
function count(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

const REPLACEMENT = Buffer.from('\ufffd', 'utf8');

/**
 * Reads the course's files and refuses, with a located diagnostic, what must not be read: a
 * file or folder that a symbolic link takes outside the content root (nothing of it is read or
 * printed), a file larger than `MAX_FILE_BYTES` (checked with `stat` before reading), a file where
 * a folder should be. Bytes that are not UTF-8 are read as U+FFFD and reported at the first one.
 */
export class SourceReader {
  /** Diagnostics for what was refused or read with a problem. */
  readonly refused: Diagnostic[] = [];
  private readonly root: string;
  private readonly display: (path: string) => string;
  private readonly realRoot: string;

  constructor(root: string, display: (path: string) => string) {
    this.root = root;
    this.display = display;
    this.realRoot = existsSync(root) ? realpathSync(root) : root;
  }

  private refuse(path: string, ruleId: string, message: string, hint: string, place = FILE_START): void {
    this.refused.push({
      file: this.display(path),
      ...place,
      severity: 'error',
      ruleId,
      message,
      hint,
      url: docsUrl(ruleId),
    });
  }

  private outside(path: string): boolean {
    try {
      return !isInside(realpathSync(path), this.realRoot);
    } catch {
      return false;
    }
  }

  /** The folder `name` of the course as a list of zero or one paths to list. */
  folder(name: string): string[] {
    const path = join(this.root, name);
    if (!existsSync(path)) return [];
    if (this.outside(path)) {
      this.refuse(
        path,
        'no-link-outside-course',
        `Unexpected folder \`${name}\` that links outside the course folder, expected the course's own files`,
        `Replace the link with a real folder inside the course: nothing outside the course is read.`,
      );
      return [];
    }
    if (!statSync(path).isDirectory()) {
      this.refuse(
        path,
        'unreadable-file',
        `Unexpected file \`${name}\`, expected a folder of course files`,
        `Move the file away and make \`${name}\` a folder.`,
      );
      return [];
    }
    return [path];
  }

  /** The text of a course file, or undefined when it is refused (with its diagnostic). */
  file(path: string): string | undefined {
    // A plain file in a folder already checked is inside the course: one lstat, no realpath.
    const entry = lstatSync(path, { throwIfNoEntry: false });
    if (entry?.isSymbolicLink() && this.outside(path)) {
      this.refuse(
        path,
        'no-link-outside-course',
        'Unexpected file that links outside the course folder, expected a file of the course',
        'Replace the link with the file itself: nothing outside the course is read.',
      );
      return undefined;
    }
    const stat = entry?.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
    if (!stat?.isFile()) {
      if (stat || entry) {
        this.refuse(
          path,
          'unreadable-file',
          'Unexpected entry that is not a readable file (a folder or a broken link)',
          'Remove it, or rename it so that it does not end in `.md` or `.yaml`.',
        );
      }
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      this.refuse(
        path,
        'file-too-large',
        `Unexpected file of ${Math.round(stat.size / 1024)} KB, expected at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        'Split it into smaller files; a module this large is usually an accident (a pasted document or an image).',
      );
      return undefined;
    }
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    // More U+FFFD in the text than in the bytes: some bytes were not UTF-8.
    if (text.includes('\ufffd') && text.split('\ufffd').length - 1 > count(bytes, REPLACEMENT)) {
      const at = text.indexOf('\ufffd');
      const start = text.charCodeAt(0) === 0xfeff ? at - 1 : at;
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      this.refuse(
        path,
        'file-encoding',
        'Unexpected bytes that are not UTF-8 text, expected the file saved as UTF-8',
        'Save the file as UTF-8 in your editor (File › Save with encoding › UTF-8), then check the characters here.',
        new LineIndex(body).place(start, start + 1),
      );
    }
    return text;
  }
}
