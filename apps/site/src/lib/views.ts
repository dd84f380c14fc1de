import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  learnerView as learnerViewOf,
  renderView,
  validateContent,
  type RenderedModule,
  type ValidationResult,
} from '@frontline/schema';
import { guideData, handoutData, type GuideData, type HandoutData } from '@frontline/guides/data';
import { RenderCache } from './render-cache.ts';
import type { ModuleEntry } from './types.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The content folder: FRONTLINE_CONTENT, or the repo's content/. */
export const contentDir = resolve(repoRoot, process.env.FRONTLINE_CONTENT ?? 'content');
const learnerOnly = process.env.FRONTLINE_AUDIENCE === 'learner';

/**
 * One validated read of the content folder, shared between the content loader (which checks
 * the course and fills the light collections) and the pages (which render a module's views
 * only when its page is built). The content store therefore carries metadata, not rendered
 * HTML: at 1000 modules that keeps tens of megabytes out of the serialised store and out of
 * the bundle. The loader and the pages are separate module instances in the same process, so
 * the read is kept on `globalThis`, labelled with the generation the loader stamps on every
 * entry; a page that sees another generation (a file changed under `astro dev`) reads again.
 */
interface Shared {
  generation: string;
  result: ValidationResult;
  byId: Map<string, ValidationResult['modules'][number]>;
  sources: Map<string, string>;
  titles: Map<string, string>;
  cache: RenderCache;
}
const KEY = Symbol.for('frontline.site.course');
const slot = globalThis as unknown as Record<typeof KEY, Shared | undefined>;

export function readCourse(): ValidationResult {
  return validateContent(contentDir, { cwd: repoRoot });
}

/** Publishes a validated read under a generation label; returns the label. */
export function share(result: ValidationResult, generation: string): string {
  const titles = new Map(result.modules.map((m) => [m.id, m.frontmatter.title]));
  slot[KEY] = {
    generation,
    result,
    byId: new Map(result.modules.map((m) => [m.id, m])),
    sources: new Map(result.corpus.modules.map((m) => [m.file, m.parsed.text])),
    titles,
    cache: new RenderCache(
      [[...result.corpus.glossaryIndex].join('\n'), JSON.stringify([...titles]), String(learnerOnly)],
      // The dev server renders on demand and never saves; a build saves at its end.
      { persist: process.env.NODE_ENV !== 'development' },
    ),
  };
  return generation;
}

function course(generation: string): Shared {
  const shared = slot[KEY];
  if (shared?.generation === generation) return shared;
  share(readCourse(), generation);
  return slot[KEY]!;
}

function moduleOf(entry: ModuleEntry) {
  const shared = course(entry.generation);
  const module = shared.byId.get(entry.id);
  if (!module) throw new Error(`Module "${entry.id}" is not in the content folder ${contentDir}.`);
  return { shared, module };
}

/** The learner view of a module, from the on-disk cache when its source is unchanged. */
export function learnerView(entry: ModuleEntry): RenderedModule {
  const { shared, module } = moduleOf(entry);
  const source = `learner\0${shared.sources.get(module.file) ?? ''}`;
  return (
    shared.cache.get<RenderedModule>(source) ??
    shared.cache.set(source, renderView(learnerViewOf(module), { glossary: shared.result.corpus.glossaryIndex }))
  );
}

/** Print data for the participant handout (no facilitator-only material). */
export function handoutView(entry: ModuleEntry): HandoutData {
  const { shared, module } = moduleOf(entry);
  return handoutData(module, shared.titles, 'a4');
}

/** Print data for the facilitator guide. */
export function guideView(entry: ModuleEntry): GuideData {
  const { shared, module } = moduleOf(entry);
  return guideData(module, shared.titles, 'a4');
}
