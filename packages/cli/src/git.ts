import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

/** Runs git in `cwd` and returns its standard output. */
export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The repository's top folder, or undefined outside a git repository. */
export function repoRoot(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return undefined;
  }
}

/** Checks that a ref names a commit; throws a readable error if not. */
export function verifyRef(cwd: string, ref: string): string {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
  } catch {
    throw new Error(`Unknown git ref \`${ref}\`. Pass --base <branch or commit>, for example --base origin/main.`);
  }
}

/**
 * Files changed since `base` (from the merge base, so a long-lived branch does not show
 * main's changes), plus uncommitted and untracked files, as paths relative to `cwd`.
 */
export function changedFiles(cwd: string, base: string): string[] {
  const root = repoRoot(cwd);
  if (!root) throw new Error('Not inside a git repository: --changed and report need git.');
  verifyRef(cwd, base);
  const mergeBase = git(cwd, ['merge-base', base, 'HEAD']).trim();
  const committed = git(root, ['diff', '--name-only', '--no-renames', mergeBase, 'HEAD']).split('\n');
  const working = git(root, ['status', '--porcelain', '--untracked-files=all', '--no-renames'])
    .split('\n')
    .map((line) => line.slice(3));
  return [...new Set([...committed, ...working].filter(Boolean))].map((f) => relative(cwd, resolve(root, f)));
}

/** Text files under `folder` (repo-relative) as they were at `ref`. */
export function filesAt(cwd: string, ref: string, folder: string): { path: string; text: string }[] {
  const root = repoRoot(cwd)!;
  const prefix = relative(root, resolve(cwd, folder));
  const names = git(root, ['ls-tree', '-r', '--name-only', ref, '--', prefix]).split('\n').filter(Boolean);
  return names.map((path) => ({ path, text: git(root, ['show', `${ref}:${path}`]) }));
}
