import type { Loader, LoaderContext } from 'astro/loaders';
import { formatPretty } from '@frontline/schema';
import { clockDays } from '@frontline/guides/data';
import { contentDir, course, invalidate, moduleEntries } from '@frontline/site/course';
import type { ModuleEntry, PathEntry, PlanEntry, TermEntry } from '../course/entries.ts';

/**
 * Fills a collection now, and again whenever a file under the content folder changes while
 * `astro dev` runs, so authors see their edits on save. Build runs fill once.
 */
function live(context: LoaderContext, fill: () => void): Promise<void> {
  fill();
  context.watcher?.add(contentDir);
  context.watcher?.on('all', (_event, file) => {
    if (!file.startsWith(contentDir)) return;
    forget();
    try {
      fill();
    } catch (error) {
      context.logger.error(error instanceof Error ? error.message : String(error));
    }
  });
  return Promise.resolve();
}

let forgotten = false;
/** Drops the read once per file event, though each of the four collections hears it. */
function forget(): void {
  if (forgotten) return;
  forgotten = true;
  invalidate();
  queueMicrotask(() => (forgotten = false));
}

/** Astro loaders over the site's course source: one parse and validation shared by all collections. */
export function frontlineLoader(): { modules: Loader; paths: Loader; glossary: Loader; plans: Loader } {
  const modules: Loader = {
    name: 'frontline-modules',
    load: (context) =>
      live(context, () => {
        const { store, logger } = context;
        const result = course();
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) {
          logger.error(formatPretty(errors, result.files, { sources: result.source }));
          throw new Error(
            `${errors.length} content error(s): fix them (see above, or run \`pnpm frontline validate\`).`,
          );
        }
        store.clear();
        // Metadata only: pages read a module's views when they are built (course/source.ts).
        for (const data of moduleEntries()) store.set({ id: data.id, data: data satisfies ModuleEntry });
      }),
  };
  const paths: Loader = {
    name: 'frontline-paths',
    load: (context) =>
      live(context, () => {
        const { store } = context;
        store.clear();
        for (const p of course().paths) {
          const { file: _f, ...data } = p;
          store.set({ id: p.id, data: data satisfies PathEntry });
        }
      }),
  };
  const glossary: Loader = {
    name: 'frontline-glossary',
    load: (context) =>
      live(context, () => {
        const { store } = context;
        store.clear();
        for (const [id, t] of course().glossary) {
          const data: TermEntry = {
            id,
            term: t.term,
            definition: t.definition,
            aliases: t.aliases,
            seeAlso: t.seeAlso,
          };
          store.set({ id, data });
        }
      }),
  };
  const plans: Loader = {
    name: 'frontline-plans',
    load: (context) =>
      live(context, () => {
        const { store } = context;
        store.clear();
        const { plans, titles } = course();
        for (const checked of plans) {
          const { plan } = checked;
          const data: PlanEntry = {
            id: plan.id,
            title: plan.title,
            audience: plan.audience,
            format: plan.format,
            venue: plan.venue ?? '',
            days: clockDays(checked, titles),
          };
          store.set({ id: plan.id, data });
        }
      }),
  };
  return { modules, paths, glossary, plans };
}
