// The site's one owner of the course: it reads the content folder (validated for the content
// loader, whose errors stop the build), caches rendered views on disk between builds, and hands
// each page the view of its reader. Imported as `@frontline/site/course` (package.json
// "exports"), which astro.config.mjs leaves to Node in every server module graph: the content
// loader and the pages share this one instance, so a build reads and validates the course once.
// No state on globalThis.
//
// A build validates through the validation cache (`checkContent`): a module unchanged since the
// last check is not parsed. It then renders every view a page will ask for that the render cache
// lacks, before any page is built, and lets go of the module trees: pages read their views from
// the render cache, so Astro's bundling and page rendering run without a thousand trees in memory.
// Last, it plans which modules' pages the build before already wrote as this one would
// (carry-over.ts): the pages of those are not rendered again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkContent,
  learnerView,
  planPresenterView,
  presenterView,
  renderSlides,
  renderView,
  validateContent,
  validateRemembering,
  ValidationMemory,
  type CheckedPlan,
  type Corpus,
  type Diagnostic,
  type Module,
  type PresenterItem,
  type PresenterView,
  type RenderedModule,
  type ValidationResult,
} from '@frontline/schema';
import { guideData, handoutData, type GuideData, type HandoutData } from '@frontline/guides/data';
import { RenderCache } from './render-cache.ts';
import { cancelCarryOver, planCarryOver, siteInputs, takePlan } from './carry-over.ts';
import { lmsPackages } from './documents.ts';
import type { ModuleEntry } from './entries.ts';

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

const dev = process.env.NODE_ENV === 'development';

/** The course as the content loader sees it: what to report, and what fills the collections. */
export interface SiteCourse {
  diagnostics: Diagnostic[];
  files: number;
  /** A file's text, for code frames in the loader's error report. */
  source: (file: string) => string | undefined;
  paths: Corpus['paths'];
  glossary: Corpus['glossary'];
  plans: CheckedPlan[];
  /** Module titles by id. */
  titles: ReadonlyMap<string, string>;
}

interface ModuleText {
  file: string;
  text: string;
  hash?: string;
}

interface Course {
  read: SiteCourse;
  glossaryIndex: Corpus['glossaryIndex'];
  /** Ids of the modules with a valid frontmatter, in file-name order. */
  ids: string[];
  /** A module's file and text by id: the text keys its cached views (by its hash, found on first use). */
  modules: Map<string, ModuleText>;
  /** A module's model by id; in a build, parsed when first asked for (and only if a view is not cached). */
  model: (id: string) => Module | undefined;
  /** Lets go of the module trees (a build, once its views are rendered); `model` reads again if asked. */
  release: () => void;
  /** Every parsed module of a full read: the dev server's next read reuses those unchanged. */
  parsed: Corpus['modules'];
  /** Opened when a view is first asked for: the loader's instance in `astro dev` never opens one. */
  cache: RenderCache | undefined;
}

let current: Course | undefined;
/** Whether `current` was validated with every rule. */
let validated = false;

/**
 * The modules whose pages the build before wrote as this build would, and which it carries
 * over instead of rendering; read when pages are first listed, after the output integration
 * has kept the build before's output aside (or cancelled the plan). None unless this
 * process planned a build (not the dev server, nor a page rendered in a test).
 */
let carried: Set<string> | undefined;
let planned = false;

/** The modules of the read before the last `invalidate`: a file whose text is unchanged is not parsed again. */
let reusable: Corpus['modules'] = [];

/** Diagnostics of the last full read: a module whose own text and neighbours did not change keeps them. */
const memory = new ValidationMemory();

/** A course read whole, models and all (the dev server, and pages rendered outside a build). */
function fromResult(result: ValidationResult): Course {
  const byId = new Map(result.modules.map((m) => [m.id, m]));
  return {
    read: {
      diagnostics: result.diagnostics,
      files: result.files,
      source: result.source,
      paths: result.corpus.paths,
      glossary: result.corpus.glossary,
      plans: result.plans,
      titles: new Map(result.modules.map((m) => [m.id, m.frontmatter.title])),
    },
    glossaryIndex: result.corpus.glossaryIndex,
    ids: [...byId.keys()],
    modules: new Map(result.modules.map((m) => [m.id, { file: m.file, text: result.source(m.file) ?? '' }])),
    model: (id) => byId.get(id),
    release: () => {},
    parsed: result.corpus.modules,
    cache: undefined,
  };
}

/** A build's read: through the validation cache, each module's model parsed only when asked for. */
function forBuild(): Course {
  let checked: ReturnType<typeof checkContent> | undefined = checkContent(contentDir, { cwd: repoRoot });
  const { corpus, diagnostics, files, plans } = checked;
  const modules = new Map<string, ModuleText>();
  const titles = new Map<string, string>();
  for (const facts of corpus.facts) {
    if (!facts.plan) continue;
    modules.set(facts.plan.id, { file: facts.file, text: checked.source(facts.file) ?? '' });
    titles.set(facts.plan.id, facts.plan.title);
  }
  const failed = diagnostics.some((d) => d.severity === 'error');
  // The check's own lookup holds every parsed module: kept only for an error report.
  const source = failed ? checked.source : (file: string) => [...modules.values()].find((m) => m.file === file)?.text;
  return {
    read: { diagnostics, files, source, paths: corpus.paths, glossary: corpus.glossary, plans, titles },
    glossaryIndex: corpus.glossaryIndex,
    ids: [...modules.keys()],
    modules,
    model: (id) => (checked ??= checkContent(contentDir, { cwd: repoRoot })).module(id),
    release: () => (checked = undefined),
    parsed: [],
    cache: undefined,
  };
}

function read(rules: boolean): Course {
  const options = { cwd: repoRoot, reuse: current?.parsed ?? reusable };
  const course =
    rules && !dev
      ? forBuild()
      : fromResult(
          rules
            ? validateRemembering(contentDir, memory, options)
            : validateContent(contentDir, { ...options, rules: [] }),
        );
  reusable = [];
  validated = rules;
  return course;
}

/** The dev server's cache and its context: kept across reads, as its entries are keyed by module text. */
let devCache: { context: string; cache: RenderCache } | undefined;

function cacheOf(shared: Course): RenderCache {
  if (shared.cache) return shared.cache;
  const context = [
    [...shared.glossaryIndex].join('\n'),
    JSON.stringify([...shared.read.titles]),
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

/**
 * The validated course (for the content loader), read on first use and after every `invalidate`.
 * A build with no errors renders the views its pages will ask for now (see the top of this file).
 */
export function course(): SiteCourse {
  if (!current || !validated) {
    // A plan of this process is this read's, or none.
    if (!dev) cancelCarryOver();
    planned = false;
    carried = undefined;
    current = read(true);
    if (!dev && !current.read.diagnostics.some((d) => d.severity === 'error')) renderAhead(current);
  }
  return current.read;
}

/** Forgets the read (a file changed under `astro dev`); the next use reads again. */
export function invalidate(): void {
  reusable = current?.parsed ?? reusable;
  current = undefined;
  planned = false;
  carried = undefined;
  decks.clear();
}

function moduleOf(id: string): { shared: Course; module: Module } {
  // The content loader has read and validated the course before any page is built; a page
  // rendered without it (a test importing this module) reads the course without the rules.
  current ??= read(false);
  const shared = current;
  const module = shared.model(id);
  if (!module) throw new Error(`Module "${id}" is not in the content folder ${contentDir}.`);
  return { shared, module };
}

/** What a view of a module is cached under: its kind, and the module's text. */
function viewSource(shared: Course, kind: string, id: string): string {
  const module = shared.modules.get(id);
  if (!module) throw new Error(`Module "${id}" is not in the content folder ${contentDir}.`);
  // The text's hash, not the text: a module's five views would hash it five times over.
  module.hash ??= createHash('sha256').update(module.text).digest('base64url');
  return `${kind}\0${module.hash}`;
}

/**
 * A view of a module made by `make`, from the on-disk cache when the module's text is unchanged
 * (the cache's context holds everything else a view reads: glossary, titles, audience, base,
 * and the code that renders). `kind` names the view: each is cached apart.
 */
function cachedView<T>(kind: string, id: string, make: (shared: Course, module: Module) => T): T {
  current ??= read(false);
  const shared = current;
  const source = viewSource(shared, kind, id);
  const cache = cacheOf(shared);
  const cached = cache.get<T>(source);
  if (cached !== undefined) return cached;
  const { module } = moduleOf(id);
  return cache.set(source, make(shared, module));
}

/** The views of a module that pages ask for, by kind, and how each is made. */
const VIEWS: Record<string, (shared: Course, module: Module) => unknown> = {
  entry: (_shared, module) => entryOf(module),
  learner: (shared, module) => renderView(learnerView(module), { base, glossary: shared.glossaryIndex }),
  handout: (shared, module) => handoutData(module, shared.read.titles, 'a4'),
  guide: (shared, module) => guideData(module, shared.read.titles, 'a4'),
  deck: (shared, module) => deckOf(shared, presenterView(module)),
};

/** The kinds of view a build's pages ask for: the trainers' build has guides and decks too. */
const viewKinds = (): string[] => (learnerOnly ? ['entry', 'learner', 'handout'] : Object.keys(VIEWS));

/**
 * Renders, before any page is built, every view of every module that the render cache lacks, and
 * each plan's deck; then lets go of the module trees. A module whose views are all cached (an
 * unchanged module in a build after the first) is never parsed.
 */
function renderAhead(shared: Course): void {
  const cache = cacheOf(shared);
  for (const id of shared.ids)
    for (const kind of viewKinds()) {
      const source = viewSource(shared, kind, id);
      if (!cache.has(source)) cache.set(source, VIEWS[kind]!(shared, moduleOf(id).module));
    }
  if (!learnerOnly && shared.read.plans.length) {
    const models = modelsOf(shared);
    for (const checked of shared.read.plans)
      decks.set(`plan:${checked.plan.id}`, { deck: deckOf(shared, planPresenterView(checked, models)), uses: 0 });
  }
  shared.release();
  planCarryOver(siteKey(shared), new Map(shared.ids.map((id) => [id, shared.modules.get(id)!.hash!])), learnerOnly);
  planned = true;
}

/**
 * A hash of everything a module's pages are made of besides its own text: the render cache's
 * salt (renderer code, glossary, titles, audience, base path), the site's code and settings
 * (`siteInputs`), every module's card, the paths, glossary and plans, and the LMS packages the
 * facilitator pages link to. Any change to these and every page is written again.
 */
function siteKey(shared: Course): string {
  const hash = createHash('sha256').update(cacheOf(shared).salt).update(siteInputs());
  const { paths, glossary, plans } = shared.read;
  hash.update(JSON.stringify([moduleEntries(), paths, glossary, plans]));
  if (existsSync(lmsDir)) hash.update(JSON.stringify(readdirSync(lmsDir).sort()));
  return hash.digest('hex');
}

/** Whether this build renders a module's own pages (its learner, handout, facilitator and deck pages). */
export function rendersPages(id: string): boolean {
  if (!planned) return true;
  carried ??= new Set(takePlan()?.reuse);
  return !carried.has(id);
}

/** Every module's model by id (a delivery plan's deck reads the modules it schedules). */
function modelsOf(shared: Course): Map<string, Module> {
  return new Map(
    shared.ids.flatMap((id) => {
      const model = shared.model(id);
      return model ? [[id, model] as const] : [];
    }),
  );
}

/** What the modules collection holds of a module: its frontmatter, file and what its card counts. */
function entryOf(module: Module): ModuleEntry {
  return {
    ...module.frontmatter,
    file: module.file,
    activities: module.body.activities.map((a) => ({ kind: a.kind, title: a.title })),
    questions: module.body.checks.reduce((n, c) => n + c.questions.length, 0),
  };
}

/** The modules collection's entries: every module with a valid frontmatter, in file-name order. */
export function moduleEntries(): ModuleEntry[] {
  course();
  const shared = current!;
  return shared.ids.map((id) => cachedView('entry', id, VIEWS.entry as (s: Course, m: Module) => ModuleEntry));
}

/** The learner page of a module. */
export function learnerPage(id: string): RenderedModule {
  return cachedView('learner', id, VIEWS.learner as (s: Course, m: Module) => RenderedModule);
}

/** The participant handout's print page (no facilitator material, answers or role briefs). */
export function handoutPage(id: string): HandoutData {
  return cachedView('handout', id, VIEWS.handout as (s: Course, m: Module) => HandoutData);
}

/** The facilitator guide's print page: the trainers' build only. */
export function guidePage(id: string): GuideData {
  if (learnerOnly) throw new Error('The learner build has no facilitator pages.');
  return cachedView('guide', id, VIEWS.guide as (s: Course, m: Module) => GuideData);
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
  const html = renderSlides(view, { base, glossary: shared.glossaryIndex });
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
  return sharedDeck(`module:${id}`, () => cachedView('deck', id, VIEWS.deck as (s: Course, m: Module) => Deck));
}

/** The presenter's deck of a delivery plan, its days by the clock: the trainers' build only. */
export function planDeck(id: string): Deck {
  return sharedDeck(`plan:${id}`, () => {
    // The loader has validated the course before any page is built.
    current ??= read(false);
    const course = current;
    const checked = course.read.plans.find((p) => p.plan.id === id);
    if (!checked) throw new Error(`Plan "${id}" is not in the content folder ${contentDir}.`);
    return deckOf(course, planPresenterView(checked, modelsOf(course)));
  });
}
