import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { frontlineLoader } from './lib/loader.ts';

/** Every course collection comes from one validated read of the content folder. */
const loaders = frontlineLoader();

export const collections = {
  modules: defineCollection({ loader: loaders.modules, schema: z.any() }),
  paths: defineCollection({ loader: loaders.paths, schema: z.any() }),
  glossary: defineCollection({ loader: loaders.glossary, schema: z.any() }),
  plans: defineCollection({ loader: loaders.plans, schema: z.any() }),
};
