import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// `pnpm bench` copies the corpus into src/content/docs/modules/ before each build.
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
