import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// BENCH_CORPUS is the corpus folder that `pnpm bench` generated (modules/*.md).
export const collections = {
  modules: defineCollection({ loader: glob({ pattern: '*.md', base: `${process.env.BENCH_CORPUS}/modules` }) }),
};
