// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { cancelCarryOver, finishCarryOver, takePlan } from './src/course/carry-over.ts';
import { publishDocuments, publishLmsPackages } from './src/course/documents.ts';
import { deckPrintStyles } from './src/lib/deck-print.mjs';

const learnerOnly = process.env.FRONTLINE_AUDIENCE === 'learner';
const guidesDist = fileURLToPath(new URL('../../packages/guides/dist/', import.meta.url));
const lmsOut = fileURLToPath(new URL('../../out/lms/', import.meta.url));

/**
 * Publishes the typeset documents under /guides/, and in the trainers' build the LMS packages
 * under /lms/ (src/course/documents.ts).
 */
function guides() {
  return /** @type {import('astro').AstroIntegration} */ ({
    name: 'frontline-guides',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!publishDocuments(guidesDist, fileURLToPath(new URL('guides/', dir)), learnerOnly))
          logger.warn('No guides in packages/guides/dist: run `pnpm build` to typeset them.');
        // LMS packages are for the people who run the LMS: the trainers' site only.
        if (!learnerOnly && !publishLmsPackages(lmsOut, fileURLToPath(new URL('lms/', dir))))
          logger.warn('No LMS packages in out/lms: run `pnpm build` to export them.');
      },
    },
  });
}

/**
 * Astro empties the output folder before a build, file by file, while nothing else runs: at
 * 1000 modules a rebuild waited seconds on the disk for it. The old output is moved aside
 * instead (one rename, so no stale page survives into the new one) and removed in the
 * background while the pages render; the build ends when the removal has. Folders left aside
 * by a build that was killed are removed with it.
 *
 * In a build after an edit, the pages of unchanged modules are not rendered again but carried
 * over from the old output (src/course/carry-over.ts): that folder is kept until the build
 * ends, when they are moved into the new one. Last of the integrations, so that its end comes
 * after the sitemap's.
 */
function freshOutput() {
  /** @type {string | undefined} */
  let out;
  /** @type {string | undefined} */
  let previous;
  /** @type {import('./src/course/carry-over.ts').CarryOverPlan | undefined} */
  let plan;
  /** @type {Promise<unknown> | undefined} */
  let removal;
  return /** @type {import('astro').AstroIntegration} */ ({
    name: 'frontline-fresh-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        out = fileURLToPath(config.outDir).replace(/\/$/, '');
      },
      'astro:build:start': () => {
        if (!out) return;
        const parent = dirname(out);
        const prefix = `.${basename(out)}.old-`;
        previous = join(parent, `${prefix}${process.pid}`);
        try {
          if (existsSync(out)) renameSync(out, previous);
          else previous = undefined;
        } catch {
          // Not movable (a mount point, another device): Astro empties it as before.
          previous = undefined;
        }
        plan = takePlan();
        if (plan && plan.reuse.length && (plan.outDir !== out || !previous)) {
          // Nothing to carry over from: this build writes every page.
          cancelCarryOver();
          plan = undefined;
        }
        const old = readdirSync(parent)
          .filter((name) => name.startsWith(prefix))
          .map((name) => join(parent, name))
          .filter((dir) => !plan?.reuse.length || dir !== previous);
        removal = Promise.all(old.map((dir) => rm(dir, { recursive: true, force: true })));
      },
      'astro:build:done': async () => {
        await removal;
        if (plan) finishCarryOver(plan, previous, learnerOnly);
        if (previous) await rm(previous, { recursive: true, force: true });
      },
    },
  });
}

/**
 * The course packages run as they are in Node (TypeScript with erasable types), with their own
 * dependencies, native parsers included: server bundles import them instead of inlining them.
 * The site's course source (`@frontline/site/course`, src/course/source.ts) is left to Node in
 * every server module graph, the content loader's and the pages', so a build has one instance
 * of it: the course is read and validated once and the pages render from that reading.
 */
function externalCoursePackages() {
  const courseSource = '@frontline/site/course';
  return /** @type {import('vite').Plugin[]} */ ([
    {
      name: 'frontline-external-course-packages',
      enforce: 'pre',
      apply: 'build',
      applyToEnvironment: (environment) => environment.name !== 'client',
      resolveId: (id) => (/^@frontline\/(schema|guides)(\/|$)/.test(id) ? { id, external: true } : null),
    },
    {
      name: 'frontline-external-course-source',
      enforce: 'pre',
      applyToEnvironment: (environment) => environment.name !== 'client',
      resolveId: (id) => (id === courseSource ? { id, external: true } : null),
      // The content loader runs in Vite's module runner, which leaves to Node only the bare
      // package names its environment lists as external.
      configEnvironment: (name) => (name === 'client' ? undefined : { resolve: { external: [courseSource] } }),
    },
  ]);
}

/**
 * The presenter's decks and speaker views (src/presenter/), routed only in the trainers' build:
 * a learner build never sees them, so neither their pages nor their scripts and styles
 * (reveal.js) are written.
 */
function presenter() {
  return /** @type {import('astro').AstroIntegration} */ ({
    name: 'frontline-presenter',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (learnerOnly) return;
        const routes = {
          '/facilitator/[id]/present': 'module-deck',
          '/facilitator/[id]/present/speaker': 'module-speaker',
          '/facilitator/plans/[id]/present': 'plan-deck',
          '/facilitator/plans/[id]/present/speaker': 'plan-speaker',
        };
        for (const [pattern, page] of Object.entries(routes))
          injectRoute({
            pattern,
            entrypoint: fileURLToPath(new URL(`./src/presenter/${page}.astro`, import.meta.url)),
          });
      },
    },
  });
}

export default defineConfig({
  site: process.env.FRONTLINE_SITE_URL ?? 'http://localhost:4321',
  // A site served below the host's root (GitHub Pages serves a project at /<repository>/).
  base: process.env.FRONTLINE_BASE_PATH || '/',
  // Tests build a learner-only site beside the main one.
  outDir: process.env.FRONTLINE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Modules are rendered by @frontline/schema, not by Astro's Markdown pipeline, so Astro's
  // highlighter (Shiki, whose inline styles the CSP would block) has nothing to do.
  markdown: { syntaxHighlight: false },
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Render the next pages while earlier ones are written: 17 to 30 % faster at 1000 modules
    // on this 2-core machine (three alternating pairs of cold builds), same peak memory.
    concurrency: 4,
  },
  integrations: [sitemap({ filter: (page) => !page.includes('/facilitator/') }), guides(), presenter(), freshOutput()],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search index in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // reveal.js adds two fixed style rules when a deck is printed (?print-pdf): these, and no
      // other inline style, are allowed.
      styleDirective: {
        hashes: deckPrintStyles().map(
          (rule) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(rule).digest('base64')}`),
        ),
      },
    },
  },
  vite: {
    // Every script is a file of its own, never written into each page: the header's theme and
    // panel script (under 1 KB) was repeated in every page's HTML; as a file it is cached once.
    build: { assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined) },
    define: { 'import.meta.env.FRONTLINE_LEARNER_ONLY': JSON.stringify(learnerOnly) },
    plugins: externalCoursePackages(),
  },
});
