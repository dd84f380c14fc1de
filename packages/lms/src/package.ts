import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus, LearningPath, Module } from '@frontline/schema';
import { packageContent, type PackageContent } from './content.ts';
import { cmi5Manifest, schemaFiles, scorm12Manifest, scorm2004Manifest, type ManifestInput } from './manifest.ts';
import { renderPage, type Format } from './page.ts';
import { zipFiles, type PackageFile } from './zip.ts';

const asset = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url));
/** The runtime and stylesheet every package carries. */
const ASSETS: PackageFile[] = [
  { path: 'frontline-lms.js', data: asset('frontline-lms.js') },
  { path: 'frontline.css', data: asset('frontline.css') },
];

/** What one package is made of: a module, or a path with its modules in order. */
export interface PackageSource {
  id: string;
  title: string;
  summary: string;
  modules: readonly Module[];
  path: boolean;
  /** Share of the score needed to pass, 0 to 1 (default 1: every check answered correctly). */
  mastery?: number;
}

/** A package's source for one module. */
export const moduleSource = (module: Module): PackageSource => ({
  id: module.id,
  title: module.frontmatter.title,
  summary: module.frontmatter.summary,
  modules: [module],
  path: false,
});

/** A package's source for a learning path whose modules are all at hand, in the path's order. */
export const pathSource = (path: LearningPath, modules: readonly Module[]): PackageSource => ({
  id: path.id,
  title: path.title,
  summary: path.summary,
  modules,
  path: true,
});

/** The day the package's files are dated: the latest `updated` of its modules. */
const dateOf = (modules: readonly Module[]) =>
  modules
    .map((m) => m.frontmatter.updated)
    .sort()
    .at(-1) ?? '1980-01-01';

/** The package's files before zipping, launch page first (for tests and the zip). */
export function packageFiles(
  source: PackageSource,
  format: Format,
  corpus: Pick<Corpus, 'root' | 'glossary' | 'glossaryIndex'>,
) {
  const mastery = source.mastery ?? 1;
  const contents: PackageContent[] = source.modules.map((m) =>
    packageContent(m, corpus.glossaryIndex, source.path ? 1 : 0),
  );
  const used = [...new Set(contents.flatMap((c) => c.terms))];
  const glossary = used
    .map((id) => {
      const entry = corpus.glossary.get(id);
      return entry ? { id, term: entry.term, definition: entry.definition } : undefined;
    })
    .filter((t) => t !== undefined)
    .sort((a, b) => a.term.localeCompare(b.term, 'en'));
  const page = renderPage({
    config: { format, id: source.id, mastery },
    title: source.title,
    summary: source.summary,
    modules: contents,
    path: source.path,
    glossary,
  });
  // Images sit at the same place in the package as in the content folder (`images/<file>`).
  const images = [...new Set(contents.flatMap((c) => c.images.map((i) => i.path)))]
    .sort()
    .map((path) => ({ path, data: readFileSync(join(corpus.root, path)) }));
  const files: PackageFile[] = [{ path: 'index.html', data: page }, ...ASSETS, ...images];
  const input: ManifestInput = {
    id: source.id,
    title: source.title,
    summary: source.summary,
    mastery,
    files: files.map((f) => f.path),
  };
  const manifest =
    format === 'scorm12'
      ? { path: 'imsmanifest.xml', data: scorm12Manifest(input) }
      : format === 'scorm2004'
        ? { path: 'imsmanifest.xml', data: scorm2004Manifest(input) }
        : { path: 'cmi5.xml', data: cmi5Manifest(input) };
  return {
    files: [...files, manifest, ...schemaFiles(format)],
    questions: contents.flatMap((c) => c.questions),
  };
}

/** One package as zip bytes: deterministic for the same content. */
export function buildPackage(
  source: PackageSource,
  format: Format,
  corpus: Pick<Corpus, 'root' | 'glossary' | 'glossaryIndex'>,
): Uint8Array {
  return zipFiles(packageFiles(source, format, corpus).files, dateOf(source.modules));
}
