import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './io.ts';

/** The folders of a course and the kind of file each holds. */
const KINDS = { modules: '.md', paths: '.yaml', glossary: '.yaml', plans: '.yaml' } as const;

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Is `dir` a course folder, one that holds `modules/`? */
export const isContentRoot = (dir: string): boolean => isDir(join(dir, 'modules'));

/** The nearest folder at or above `start` that holds `modules/`, or undefined. */
export function findContentRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (isContentRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** How the command line named the content folder. */
export interface ContentChoice {
  /** `--content` or FRONTLINE_CONTENT, as typed (default `content`). */
  dir: string;
  /** False when neither was given and the default applies. */
  given: boolean;
}

const shown = (cwd: string, path: string) => relative(cwd, path) || '.';

/**
 * The course folder to work on: `--content` resolved from where the command was typed.
 * When it was not given and `content/` is not there (the author typed the command from
 * inside the course), the nearest folder above that holds `modules/`. A folder without
 * `modules/`, or with no module in it, is a usage error with a hint: validating nothing
 * must never look like a clean run.
 */
export function resolveContent(cwd: string, choice: ContentChoice): string {
  const dir = resolve(cwd, choice.dir);
  if (isContentRoot(dir)) return requireModules(cwd, dir);
  if (!choice.given) {
    const found = findContentRoot(cwd);
    if (found) return requireModules(cwd, found);
  }
  const above = findContentRoot(dirname(dir));
  const hint = above
    ? ` The course folder above it is \`${shown(cwd, above)}\`: pass \`--content ${shown(cwd, above)}\`.`
    : ' A course folder holds `modules/` (and `paths/`, `glossary/`, `plans/`): pass `--content <dir>`.';
  const what = existsSync(dir) ? 'has no `modules/` folder' : 'does not exist';
  throw new UsageError(`Content folder \`${shown(cwd, dir)}\` ${what}, so there is nothing to check.${hint}`);
}

function requireModules(cwd: string, root: string): string {
  const modules = readdirSync(join(root, 'modules')).filter((f) => f.endsWith('.md') && !f.startsWith('.'));
  if (modules.length === 0)
    throw new UsageError(
      `Content folder \`${shown(cwd, root)}\` has no modules (no \`.md\` file in \`${shown(cwd, join(root, 'modules'))}\`), so there is nothing to check. Create one with \`frontline new <id> --title "…"\`.`,
    );
  return root;
}

/**
 * The course a file named on the command line belongs to: the nearest folder above it that
 * holds `modules/`. The file must be one the validator reads (`modules/*.md`,
 * `paths|glossary|plans/*.yaml`); anything else is refused with a sentence saying why.
 */
export function courseOfFile(cwd: string, file: string): { root: string; path: string } {
  const path = resolve(cwd, file);
  if (!existsSync(path))
    throw new UsageError(`File not found: \`${file}\` (looked in \`${shown(cwd, dirname(path))}\`).`);
  if (isDir(path))
    throw new UsageError(
      `\`${file}\` is a folder; name module files, or pass \`--content ${file}\` to check a whole course.`,
    );
  const root = findContentRoot(dirname(path));
  if (!root)
    throw new UsageError(
      `\`${file}\` is not inside a course (no folder above it holds \`modules/\`), so it cannot be checked against one.`,
    );
  const parts = relative(root, path).split(sep);
  const folder = parts[0] as keyof typeof KINDS;
  const expected = KINDS[folder] as string | undefined;
  if (parts.length !== 2 || !expected || !basename(path).endsWith(expected) || basename(path).startsWith('.'))
    throw new UsageError(
      `\`${file}\` is not a file Frontline reads: it checks \`modules/*.md\`, \`paths/*.yaml\`, \`glossary/*.yaml\` and \`plans/*.yaml\` in \`${shown(cwd, root)}\`.`,
    );
  return { root, path };
}
