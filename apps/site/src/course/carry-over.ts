// A build after an edit writes only the pages of the modules that changed, and carries the
// pages of every other module over from the build before: at 1000 modules that is 5 pages of
// 5000. Two parties share this file. The course source (source.ts) plans, while the content is
// read: which modules' pages the output folder already holds, as a build with no cache would
// write them. The site's output integration (astro.config.mjs) moves those pages into the new
// output once Astro has written the rest, and records what the output now holds.
//
// A page is carried over only when everything it is made of is the same as when it was
// written: the module's text, and the site's key, a hash of every other input (the site's and
// the renderer's code, the dependencies, the settings, every module's card and title, the
// paths, glossary and plans). The record of an output folder is removed before a build changes
// the folder and written again only when the build ends well: after a failed or killed build,
// the next one writes every page.
//
// The two parties do not share memory (Astro loads its configuration apart from the pages'
// modules), so the plan is a file named after the build's process.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from './render-cache.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const site = join(repo, 'apps/site');

/** Where the records of output folders and the plans of running builds are kept. */
const DIR = join(CACHE_DIR, 'outputs');

/** A plan of a build left by a process that died is removed after this long. */
const ABANDONED_MS = 24 * 60 * 60 * 1000;

/** What a build carries over: the output folder, the site's key, and the modules. */
export interface CarryOverPlan {
  outDir: string;
  key: string;
  /** Every module's text hash by id: the record the build leaves when it ends well. */
  modules: Record<string, string>;
  /** Modules whose pages are taken from the build before rather than written. */
  reuse: string[];
}

/** The folders that hold a module's pages, relative to the output folder. */
export function pageFolders(id: string, learnerOnly: boolean): string[] {
  return learnerOnly ? [`modules/${id}`] : [`modules/${id}`, `facilitator/${id}`];
}

/** The pages a module's folders hold: each must be there for the folders to be carried over. */
function pageFiles(id: string, learnerOnly: boolean): string[] {
  const learner = [`modules/${id}/index.html`, `modules/${id}/handout/index.html`];
  if (learnerOnly) return learner;
  const trainer = ['', 'present/', 'present/speaker/'].map((sub) => `facilitator/${id}/${sub}index.html`);
  return [...learner, ...trainer];
}

/** The output folder of this build, as astro.config.mjs's `outDir` names it. */
export function outDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(site, env.FRONTLINE_OUT_DIR ?? 'dist');
}

const recordOf = (outDir: string) =>
  join(DIR, `${createHash('sha256').update(outDir).digest('hex').slice(0, 32)}.json`);
const planOf = (pid: number) => join(DIR, `plan-${pid}.json`);

/** Writes `text` to `file` whole or not at all. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(DIR, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * A hash of what the site's pages are made of besides the course: the site's own code and
 * settings, the dependencies, Node, and the FRONTLINE_* settings other than where caches go.
 */
export function siteInputs(): string {
  const hash = createHash('sha256').update(process.version);
  const files = readdirSync(join(site, 'src'), { recursive: true, encoding: 'utf8' })
    .map((f) => join('src', f))
    .concat(['astro.config.mjs', 'package.json', 'tsconfig.json', 'pagefind.yml', '../../pnpm-lock.yaml'])
    .sort();
  for (const file of files) {
    const path = join(site, file);
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) hash.update(file).update('\0').update(readFileSync(path));
  }
  const settings = Object.entries(process.env)
    .filter(([name]) => name.startsWith('FRONTLINE_') && !/_(CACHE_DIR|OUT_DIR)$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return hash.update(JSON.stringify(settings)).digest('hex');
}

/**
 * Plans a build (the course source, while the content is read): the modules whose pages the
 * output folder holds from a build of the same key, with the same text. Removes the folder's
 * record first, so that a build that does not end well leaves none. Returns the plan's reuse.
 */
export function planCarryOver(key: string, modules: ReadonlyMap<string, string>, learnerOnly: boolean): string[] {
  const outDir = outDirOf();
  const record = readJson<{ key: string; modules: Record<string, string> }>(recordOf(outDir));
  rmSync(recordOf(outDir), { force: true });
  sweepPlans();
  const reuse =
    record?.key === key
      ? [...modules].filter(
          ([id, hash]) =>
            record.modules[id] === hash &&
            // A module named like a folder of other pages would share it with them.
            id !== 'plans' &&
            pageFiles(id, learnerOnly).every((file) => existsSync(join(outDir, file))),
        )
      : [];
  const plan: CarryOverPlan = { outDir, key, modules: Object.fromEntries(modules), reuse: reuse.map(([id]) => id) };
  writeAtomically(planOf(process.pid), JSON.stringify(plan));
  return plan.reuse;
}

/** Plans left by builds that died. */
function sweepPlans(): void {
  if (!existsSync(DIR)) return;
  const now = Date.now();
  for (const name of readdirSync(DIR))
    if (name.startsWith('plan-')) {
      const file = join(DIR, name);
      if (now - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? now) > ABANDONED_MS)
        rmSync(file, { force: true });
    }
}

/** This build's plan, if the course source made one (a build of the site, not the dev server). */
export function takePlan(): CarryOverPlan | undefined {
  return readJson<CarryOverPlan>(planOf(process.pid));
}

/** Cancels the carrying over of this build (its output folder could not be kept aside). */
export function cancelCarryOver(): void {
  rmSync(planOf(process.pid), { force: true });
}

/**
 * Finishes a build that ended well (the output integration, last of the build's end hooks):
 * moves the planned modules' pages from `previous` (the build before's output, moved aside)
 * into `outDir`, and the sitemap with them (it lists the carried pages, which this build did
 * not render: the same key means the same pages), then records what `outDir` holds.
 */
export function finishCarryOver(plan: CarryOverPlan, previous: string | undefined, learnerOnly: boolean): void {
  if (plan.reuse.length) {
    if (!previous) throw new Error('The pages to carry over were not kept aside.');
    for (const id of plan.reuse)
      for (const folder of pageFolders(id, learnerOnly)) {
        mkdirSync(join(plan.outDir, folder, '..'), { recursive: true });
        renameSync(join(previous, folder), join(plan.outDir, folder));
      }
    for (const name of readdirSync(plan.outDir)) if (/^sitemap-.*\.xml$/.test(name)) rmSync(join(plan.outDir, name));
    for (const name of readdirSync(previous))
      if (/^sitemap-.*\.xml$/.test(name)) renameSync(join(previous, name), join(plan.outDir, name));
  }
  writeAtomically(recordOf(plan.outDir), JSON.stringify({ key: plan.key, modules: plan.modules }));
  cancelCarryOver();
}
