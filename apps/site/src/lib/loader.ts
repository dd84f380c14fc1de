import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatPretty, renderModule, validateContent, type ValidationResult } from '@frontline/schema';
import { clockDays, guideData, handoutData } from '@frontline/guides';
import type { ModuleEntry, PathEntry, PlanEntry, TermEntry } from './types.ts';
import { RenderCache } from './render-cache.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** The content folder: FRONTLINE_CONTENT, or the repo's content/. */
export const contentDir = resolve(repoRoot, process.env.FRONTLINE_CONTENT ?? 'content');
const learnerOnly = process.env.FRONTLINE_AUDIENCE === 'learner';

let cached: ValidationResult | undefined;

/**
 * Fills a collection now, and again whenever a file under the content folder changes while
 * `astro dev` runs, so authors see their edits on save. Build runs fill once.
 */
function live(context: LoaderContext, fill: () => void): Promise<void> {
  fill();
  context.watcher?.add(contentDir);
  context.watcher?.on('all', (_event, file) => {
    if (!file.startsWith(contentDir)) return;
    cached = undefined;
    try {
      fill();
    } catch (error) {
      context.logger.error(error instanceof Error ? error.message : String(error));
    }
  });
  return Promise.resolve();
}
function read(): ValidationResult {
  cached ??= validateContent(contentDir, { cwd: repoRoot });
  return cached;
}

/** Astro loaders over @frontline/schema: one parse and validation shared by all collections. */
export function frontlineLoader(): { modules: Loader; paths: Loader; glossary: Loader; plans: Loader } {
  const modules: Loader = {
    name: 'frontline-modules',
    load: (context) =>
      live(context, () => {
        const { store, logger } = context;
        cached = undefined;
        const result = read();
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) {
          logger.error(formatPretty(errors, result.files));
          throw new Error(
            `${errors.length} content error(s): fix them (see above, or run \`pnpm frontline validate\`).`,
          );
        }
        const glossaryIds = result.corpus.glossaryIndex;
        store.clear();
        const titles = new Map(result.modules.map((m) => [m.id, m.frontmatter.title]));
        const sources = new Map(result.corpus.modules.map((m) => [m.file, m.parsed.text]));
        const cache = new RenderCache([...glossaryIds].join('\n'), JSON.stringify([...titles]), String(learnerOnly));
        for (const module of result.modules) {
          const source = sources.get(module.file) ?? '';
          // Rendering is the costly part: reuse an earlier build's output for unchanged modules.
          const data =
            cache.get<ModuleEntry>(source) ??
            cache.set<ModuleEntry>(source, {
              ...module.frontmatter,
              file: module.file,
              learner: renderModule(module, 'learner', { glossary: glossaryIds }),
              facilitatorHtml: learnerOnly ? '' : renderModule(module, 'facilitator', { glossary: glossaryIds }).html,
              activities: module.body.activities.map((a) => ({ kind: a.kind, title: a.title })),
              questions: module.body.checks.reduce((n, c) => n + c.questions.length, 0),
              handout: handoutData(module, titles, 'a4'),
              guide: learnerOnly ? null : guideData(module, titles, 'a4'),
            });
          store.set({ id: module.id, data: data as unknown as Record<string, unknown>, digest: cache.keyOf(source) });
        }
      }),
  };
  const paths: Loader = {
    name: 'frontline-paths',
    load: (context) =>
      live(context, () => {
        const { store } = context;
        store.clear();
        for (const p of read().corpus.paths) {
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
        for (const [id, t] of read().corpus.glossary) {
          const data: TermEntry = {
            id,
            term: t.term,
            definition: t.definition,
            aliases: t.aliases,
            seeAlso: t.seeAlso,
          };
          store.set({ id, data: data as unknown as Record<string, unknown> });
        }
      }),
  };
  const plans: Loader = {
    name: 'frontline-plans',
    load: (context) =>
      live(context, () => {
        const { store } = context;
        store.clear();
        const result = read();
        const titles = new Map(result.modules.map((m) => [m.id, m.frontmatter.title]));
        for (const checked of result.plans) {
          const { plan } = checked;
          const data: PlanEntry = {
            id: plan.id,
            title: plan.title,
            audience: plan.audience,
            format: plan.format,
            venue: plan.venue ?? '',
            days: clockDays(checked, titles),
          };
          store.set({ id: plan.id, data: data as unknown as Record<string, unknown> });
        }
      }),
  };
  return { modules, paths, glossary, plans };
}
