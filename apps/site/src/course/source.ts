// The site's one owner of the course: it reads the content folder (validated for the content
// loader, whose errors stop the build), caches rendered views on disk between builds, and hands
// each page the view of its reader. Imported as `@frontline/site/course` (package.json
// "exports"), which astro.config.mjs leaves to Node in every server module graph: the content
// loader and the pages share this one instance, so a build reads and validates the course once.
// No state on globalThis.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  learnerView,
  planPresenterView,
  presenterView,
  renderSlides,
  renderView,
  validateContent,
  validateRemembering,
  ValidationMemory,
  type Module,
  type PresenterItem,
  type PresenterView,
  type RenderedModule,
  type ValidationResult,
} from '@frontline/schema';
import { guideData, handoutData, type GuideData, type HandoutData } from '@frontline/guides/data';
import { RenderCache } from './render-cache.ts';
import { lmsPackages } from './documents.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The content folder: FRONTLINE_CONTENT, or the repo's content/. */
export const contentDir = resolve(repoRoot, process.env.FRONTLINE_CONTENT ?? 'content');

/** Where `pnpm build` writes the LMS packages. */
const lmsDir = resolve(repoRoot, 'out/lms');

/** The LMS packages of a module or path, as the trainers' site publishes them under /lms/. */
export function lmsPackagesOf(id: string): { file: string; format: string }[] {
  return learnerOnly ? [] : lmsPackages(lmsDir, id);
}

/** Where the site is served (FRONTLINE_BASE_PATH, as astro.config.mjs's `base`), for links in rendered views. */
const base = process.env.FRONTLINE_BASE_PATH || '/';

/** The learner build (FRONTLINE_AUDIENCE=learner): what is published to learners. */
export const learnerOnly = process.env.FRONTLINE_AUDIENCE === 'learner';

interface Course {
  result: ValidationResult;
  byId: Map<string, Module>;
  sources: Map<string, string>;
  titles: Map<string, string>;
  /** Opened when a page first asks for a view: the loader's instance never opens one. */
  cache: RenderCache | undefined;
}

let current: Course | undefined;
/** Whether `current` was validated with every rule. */
let validated = false;

/** The modules of the read before the last `invalidate`: a file whose text is unchanged is not parsed again. */
let reusable: Course['result']['corpus']['modules'] = [];

/** Diagnostics of the last full read: a module whose own text and neighbours did not change keeps them. */
const memory = new ValidationMemory();

function read(rules: boolean): Course {
  const options = { cwd: repoRoot, reuse: current?.result.corpus.modules ?? reusable };
  const result = rules
    ? validateRemembering(contentDir, memory, options)
    : validateContent(contentDir, { ...options, rules: [] });
  reusable = [];
  validated = rules;
  const titles = new Map(result.modules.map((m) => [m.id, m.frontmatter.title]));
  return {
    result,
    byId: new Map(result.modules.map((m) => [m.id, m])),
    sources: new Map(result.corpus.modules.map((m) => [m.file, m.parsed.text])),
    titles,
    cache: undefined,
  };
}

/** The dev server's cache and its context: kept across reads, as its entries are keyed by module text. */
let devCache: { context: string; cache: RenderCache } | undefined;
const dev = process.env.NODE_ENV === 'development';

function cacheOf(shared: Course): RenderCache {
  if (shared.cache) return shared.cache;
  const context = [
    [...shared.result.corpus.glossaryIndex].join('\n'),
    JSON.stringify([...shared.titles]),
    String(learnerOnly),
    base,
  ];
  const key = context.join('\0');
  if (dev && devCache?.context === key) return (shared.cache = devCache.cache);
  // The dev server renders on demand and never saves; a build saves as it ends.
  shared.cache = new RenderCache(context, { persist: !dev });
  if (dev) devCache = { context: key, cache: shared.cache };
  return shared.cache;
}

// Keep this build's rendered views for the next build. Saving is synchronous, so it runs as
// the process exits, however the build ends it; only an instance that rendered has a cache.
process.once('exit', () => current?.cache?.save());

/** The validated course (for the content loader), read on first use and after every `invalidate`. */
export function course(): ValidationResult {
  if (!current || !validated) current = read(true);
  return current.result;
}

/** Forgets the read (a file changed under `astro dev`); the next use reads again. */
export function invalidate(): void {
  reusable = current?.result.corpus.modules ?? reusable;
  current = undefined;
  decks.clear();
}

function moduleOf(id: string): { shared: Course; module: Module } {
  // The content loader has read and validated the course before any page is built; a page
  // rendered without it (a test importing this module) reads the course without the rules.
  current ??= read(false);
  const shared = current;
  const module = shared.byId.get(id);
  if (!module) throw new Error(`Module "${id}" is not in the content folder ${contentDir}.`);
  return { shared, module };
}

/**
 * A view of a module made by `make`, from the on-disk cache when the module's text is unchanged
 * (the cache's context holds everything else a view reads: glossary, titles, audience, base,
 * and the code that renders). `kind` names the view: each is cached apart.
 */
function cachedView<T>(kind: string, id: string, make: (shared: Course, module: Module) => T): T {
  const { shared, module } = moduleOf(id);
  const source = `${kind}\0${shared.sources.get(module.file) ?? ''}`;
  const cache = cacheOf(shared);
  return cache.get<T>(source) ?? cache.set(source, make(shared, module));
}

/** The learner page of a module. */
export function learnerPage(id: string): RenderedModule {
  return cachedView('learner', id, (shared, module) =>
    renderView(learnerView(module), { base, glossary: shared.result.corpus.glossaryIndex }),
  );
}

/** The participant handout's print page (no facilitator material, answers or role briefs). */
export function handoutPage(id: string): HandoutData {
  return cachedView('handout', id, (shared, module) => handoutData(module, shared.titles, 'a4'));
}

/** The facilitator guide's print page: the trainers' build only. */
export function guidePage(id: string): GuideData {
  if (learnerOnly) throw new Error('The learner build has no facilitator pages.');
  return cachedView('guide', id, (shared, module) => guideData(module, shared.titles, 'a4'));
}

/**
 * What a deck page and its speaker view show: the slides and notes (reveal.js `<section>`s,
 * written by @frontline/schema, sanitised) and, from the presenter view, the title, the times
 * and the agenda around them. Plain data, so a module's deck is kept in the on-disk cache.
 */
export interface Deck {
  html: string;
  title: string;
  /** Times are wall-clock times of a plan's day (otherwise minutes from the start). */
  clock: boolean;
  days: PresenterView['days'];
  items: PresenterItem[];
  slideCount: number;
}

function deckOf(shared: Course, view: PresenterView): Deck {
  const { title, clock, days, items, slides } = view;
  const html = renderSlides(view, { base, glossary: shared.result.corpus.glossaryIndex });
  return { html, title, clock, days, items, slideCount: slides.length };
}

/**
 * Decks of this build, by `module:<id>` or `plan:<id>`, until both pages that show one (the
 * deck and its speaker view) have had it: rendering once serves both, and a build of a
 * thousand modules does not hold a thousand decks. Cleared with the read.
 */
const decks = new Map<string, { deck: Deck; uses: number }>();

function sharedDeck(key: string, make: () => Deck): Deck {
  if (learnerOnly) throw new Error('The learner build has no presenter decks.');
  const known = decks.get(key);
  if (known) {
    if (++known.uses >= 2) decks.delete(key);
    return known.deck;
  }
  const deck = make();
  decks.set(key, { deck, uses: 1 });
  return deck;
}

/** The presenter's deck of a module, from the on-disk cache when its text is unchanged: the trainers' build only. */
export function moduleDeck(id: string): Deck {
  return sharedDeck(`module:${id}`, () =>
    cachedView('deck', id, (course, module) => deckOf(course, presenterView(module))),
  );
}

/** The presenter's deck of a delivery plan, its days by the clock: the trainers' build only. */
export function planDeck(id: string): Deck {
  return sharedDeck(`plan:${id}`, () => {
    // The loader has validated the course before any page is built.
    current ??= read(false);
    const course = current;
    const checked = course.result.plans.find((p) => p.plan.id === id);
    if (!checked) throw new Error(`Plan "${id}" is not in the content folder ${contentDir}.`);
    return deckOf(course, planPresenterView(checked, course.byId));
  });
}
