import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Writes a file atomically: a temporary sibling, then a rename. Never leaves half a file. */
export function writeAtomic(file: string, data: Buffer | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** The file, inside an output folder, that lists what Frontline wrote there. */
export const MANIFEST = '.manifest.json';

/** An output folder Frontline must not write to: the reason, for the person who chose it. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** The real path of `path`, or of its nearest existing parent with the rest appended. */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Every file under `dir` (not following links), as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? join(prefix, entry.name) : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/**
 * A document's key in the manifest: its path relative to the output folder, with `/`, so that an
 * output folder moved or restored elsewhere (a build cache, another checkout) still matches it.
 */
export const manifestKey = (out: string, file: string): string => relative(out, file).split(sep).join('/');

/** The manifest's files, relative to the output folder (older manifests stored absolute paths). */
function manifestFiles(out: string): Set<string> | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Record<string, unknown>;
    return new Set(
      Object.keys(manifest).map((file) => (isAbsolute(file) ? relative(out, file) : file.split('/').join(sep))),
    );
  } catch {
    return undefined;
  }
}

/**
 * Checks that the build may replace `out` wholesale: it is not the course or inside it (no build
 * writes into content), it does not hold the course, and it is missing, empty, or holds only
 * files Frontline wrote there (its manifest lists them). Replacing a folder of the user's own
 * would delete their files. Throws an `OutputFolderError` saying why.
 */
export function checkOutputFolder(out: string, content: string): void {
  const target = realPathOf(out);
  const course = realPathOf(content);
  if (inside(target, course))
    throw new OutputFolderError(
      `Unexpected output folder \`${out}\` inside the course folder \`${content}\`: builds never write into the course. Choose a folder outside it, such as \`out/guides\`.`,
    );
  if (inside(course, target))
    throw new OutputFolderError(
      `Unexpected output folder \`${out}\`: it holds the course folder \`${content}\`, and the build replaces its output folder. Choose a folder of its own, such as \`out/guides\`.`,
    );
  const folder = resolve(out);
  if (!existsSync(folder)) return;
  if (!lstatSync(folder).isDirectory())
    throw new OutputFolderError(`Unexpected output folder \`${out}\`: it is a file, expected a folder.`);
  const files = filesUnder(folder);
  if (files.length === 0) return;
  const ours = manifestFiles(folder);
  const foreign = files.filter((file) => file !== MANIFEST && !ours?.has(file));
  if (foreign.length === 0) return;
  const named = foreign
    .slice(0, 3)
    .map((f) => `\`${f}\``)
    .join(', ');
  const more = foreign.length > 3 ? ` and ${foreign.length - 3} more` : '';
  throw new OutputFolderError(
    `Unexpected files in the output folder \`${out}\` that Frontline did not write: ${named}${more}. The build replaces this folder, so it would delete them. Choose an empty or new folder, or move those files out.`,
  );
}

/**
 * A fresh folder beside `out` that a build fills and then swaps in for `out` (`commit`), so that
 * the output holds exactly what this build made: no document from an earlier run survives, and
 * a build that fails leaves the old output as it was (`discard`).
 */
export interface Staging {
  /** Where a file of the final output (a path under `out`) is written while staging. */
  pathOf(file: string): string;
  /** Puts an unchanged document from the old output in the staging folder (a hard link when possible). */
  keep(file: string): void;
  /** Swaps the staging folder in for `out` (two renames), then deletes the old output. */
  commit(): void;
  /** Deletes the staging folder; `out` is left as it was. */
  discard(): void;
}

/** Whether a process with this id is running (a signal 0 tests without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging and old folders beside `target` that a build killed mid-way left behind
 * (named `<out>.staging-<pid>-<hex>` and `<out>.old-<pid>-<hex>`), when their process is gone: a
 * build that is still running elsewhere keeps its own.
 */
function removeAbandoned(target: string): void {
  const prefix = basename(target);
  for (const name of readdirSync(dirname(target))) {
    const match = /^\.(?:staging|old)-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !match || running(Number(match[1]))) continue;
    rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
}

/** Starts staging the output folder `out` (see `Staging`). Call `checkOutputFolder` first. */
export function stageOutput(out: string): Staging {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  removeAbandoned(target);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${target}.staging-${tag}`;
  mkdirSync(staging);
  const pathOf = (file: string) => {
    const r = relative(target, resolve(file));
    if (r.startsWith('..') || isAbsolute(r)) throw new Error(`${file} is outside the output folder ${out}`);
    return join(staging, r);
  };
  return {
    pathOf,
    keep(file) {
      const to = pathOf(file);
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(file, to);
      } catch {
        copyFileSync(file, to); // another file system, or one without hard links
      }
    },
    commit() {
      if (!existsSync(target)) {
        renameSync(staging, target);
        return;
      }
      const old = `${target}.old-${tag}`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

/** Path separator-free name of a document for a listing (`a4/x-facilitator-guide.pdf`). */
export const displayName = (out: string, file: string) => relative(out, file).split(sep).join('/');
