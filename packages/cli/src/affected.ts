import { existsSync, readdirSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { join, relative, resolve } from 'node:path';
import { termKey, type Corpus } from '@frontline/schema';

/**
 * The content files to check for a set of changed files: the changed modules, paths,
 * plans and glossary terms, plus every module, path and plan that refers to a changed
 * module (by prerequisite, link or membership) and every module that uses a changed term.
 */
export function affectedFiles(corpus: Corpus, contentDir: string, cwd: string, changed: readonly string[]): string[] {
  const content = relative(cwd, resolve(contentDir));
  const inContent = changed.filter((f) => f === content || f.startsWith(`${content}/`));
  const out = new Set(inContent.filter((f) => /\.(md|ya?ml)$/.test(f) && !f.endsWith('README.md')));
  const changedIds = new Set(
    inContent.map((f) => /modules\/([a-z0-9-]+)\.md$/.exec(f)?.[1]).filter((id): id is string => id !== undefined),
  );
  const changedTerms = new Set(
    inContent.map((f) => /glossary\/([a-z0-9-]+)\.yaml$/.exec(f)?.[1]).filter((id): id is string => id !== undefined),
  );
  for (const module of corpus.modules) {
    const prerequisites = Array.isArray(module.raw?.prerequisites) ? (module.raw.prerequisites as unknown[]) : [];
    const links = module.parsed.text.match(/\]\(\.\.\/([a-z0-9-]+)\//g) ?? [];
    const refersToChanged =
      prerequisites.some((p) => typeof p === 'string' && changedIds.has(p)) ||
      links.some((l) => changedIds.has(l.slice(5, -1))) ||
      module.body.terms.some((t) => changedTerms.has(termKey(t, toString(t))));
    if (refersToChanged) out.add(module.file);
  }
  for (const path of corpus.paths) if (path.modules.some((id) => changedIds.has(id))) out.add(path.file);
  for (const file of safeList(join(resolve(contentDir), 'plans'))) {
    const display = relative(cwd, join(resolve(contentDir), 'plans', file));
    if (changedIds.size > 0) out.add(display); // plans list modules by id; recheck their schedules
  }
  // Deleted files cannot be checked; what referred to them is already in the set.
  return [...out].filter((f) => existsSync(resolve(cwd, f))).sort();
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  } catch {
    return [];
  }
}
