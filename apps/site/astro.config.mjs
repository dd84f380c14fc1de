// @ts-check
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { isLearnerFacingFile } from '@frontline/guides/documents';

const learnerOnly = process.env.FRONTLINE_AUDIENCE === 'learner';
const guidesDist = fileURLToPath(new URL('../../packages/guides/dist/', import.meta.url));

/**
 * Copies the typeset documents into the built site, under /guides/: every one for the trainers'
 * site, and for the learner build only those a learner may hold (participant handouts,
 * workbooks and agendas; @frontline/guides says which).
 */
function guides() {
  return /** @type {import('astro').AstroIntegration} */ ({
    name: 'frontline-guides',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // Keep this build's rendered modules for the next one (src/lib/views.ts shares them here).
        /** @type {{ cache?: { save(): void } } | undefined} */
        const course = Reflect.get(globalThis, Symbol.for('frontline.site.course'));
        course?.cache?.save();
        if (!existsSync(guidesDist)) {
          logger.warn('No guides in packages/guides/dist: run `pnpm build` to typeset them.');
          return;
        }
        cpSync(guidesDist, fileURLToPath(new URL('guides/', dir)), {
          recursive: true,
          // Folders (a4/, letter/) have no extension; of files, the learner build takes only
          // learner-facing PDFs, nothing else (no data, no manifest).
          filter: (src) =>
            !src.endsWith('.manifest.json') &&
            !src.endsWith('.tmp') &&
            (!learnerOnly || !/\.[a-z0-9]+$/i.test(src) || isLearnerFacingFile(src)),
        });
      },
    },
  });
}

/**
 * The course packages run as they are in Node (TypeScript with erasable types), with their own
 * dependencies, native parsers included: server bundles import them instead of inlining them.
 */
function externalCoursePackages() {
  return /** @type {import('vite').Plugin} */ ({
    name: 'frontline-external-course-packages',
    enforce: 'pre',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name !== 'client',
    resolveId: (id) => (/^@frontline\/(schema|guides)(\/|$)/.test(id) ? { id, external: true } : null),
  });
}

export default defineConfig({
  site: process.env.FRONTLINE_SITE_URL ?? 'http://localhost:4321',
  // Tests build a learner-only site beside the main one.
  outDir: process.env.FRONTLINE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Render the next pages while earlier ones are written: 17 to 30 % faster at 1000 modules
    // on this 2-core machine (three alternating pairs of cold builds), same peak memory.
    concurrency: 4,
  },
  integrations: [sitemap({ filter: (page) => !page.includes('/facilitator/') }), guides()],
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
    },
  },
  vite: {
    define: { 'import.meta.env.FRONTLINE_LEARNER_ONLY': JSON.stringify(learnerOnly) },
    plugins: [externalCoursePackages()],
  },
});
