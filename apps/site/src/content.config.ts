import { defineCollection } from 'astro:content';
import { frontlineLoader } from './lib/loader.ts';
import { ModuleEntrySchema, PathEntrySchema, PlanEntrySchema, TermEntrySchema } from './course/entries.ts';

/** Every course collection comes from one validated read of the content folder. */
const loaders = frontlineLoader();

export const collections = {
  modules: defineCollection({ loader: loaders.modules, schema: ModuleEntrySchema }),
  paths: defineCollection({ loader: loaders.paths, schema: PathEntrySchema }),
  glossary: defineCollection({ loader: loaders.glossary, schema: TermEntrySchema }),
  plans: defineCollection({ loader: loaders.plans, schema: PlanEntrySchema }),
};
