import { getCollection } from 'astro:content';
import { rendersPages } from '@frontline/site/course';
import type { ModuleEntry, PathEntry, PlanEntry, TermEntry } from '../course/entries.ts';

/** Memoises a collection query for the whole build: every page reads the same data. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

/** Every module, ordered by path then position in its path, then title. */
export const getModules = once(async (): Promise<ModuleEntry[]> => {
  const [modules, paths] = await Promise.all([getCollection('modules'), getPaths()]);
  const rank = new Map<string, number>();
  paths.forEach((p, pi) => p.modules.forEach((id, i) => rank.has(id) || rank.set(id, pi * 1000 + i)));
  return modules
    .map((m) => m.data)
    .sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9) || a.title.localeCompare(b.title));
});

/**
 * The modules whose own pages this build writes (learner, handout, facilitator, deck): every
 * module, but in a build after an edit those the build before wrote as this one would are
 * carried over instead (src/course/carry-over.ts).
 */
export const getPageModules = once(async (): Promise<ModuleEntry[]> =>
  (await getModules()).filter((m) => rendersPages(m.id)),
);

export const getPaths = once(async (): Promise<PathEntry[]> =>
  (await getCollection('paths')).map((p) => p.data).sort((a, b) => a.order - b.order),
);

export const getPlans = once(async (): Promise<PlanEntry[]> =>
  (await getCollection('plans')).map((p) => p.data).sort((a, b) => a.title.localeCompare(b.title)),
);

export const getGlossary = once(async (): Promise<TermEntry[]> =>
  (await getCollection('glossary')).map((t) => t.data).sort((a, b) => a.term.localeCompare(b.term)),
);

/** Modules by id. */
export const getModuleMap = once(async () => new Map((await getModules()).map((m) => [m.id, m])));

/** Minutes as "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

// Labels for people, from the schema package (the PDFs use the same ones).
export { AUDIENCE_LABEL, LEVEL_LABEL } from '@frontline/schema';

/**
 * Where the module sources live online (`https://github.com/<owner>/<repo>`), for "edit this
 * page" links: FRONTLINE_REPOSITORY; without it, no such link.
 */
export const REPOSITORY = process.env.FRONTLINE_REPOSITORY || undefined;

/** `base`-aware URL for a site path. */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

export { learnerOnly } from '@frontline/site/course';
