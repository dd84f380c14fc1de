// The smallest reasonable Astro 7 site over a module corpus: one page per module, default Markdown.
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: process.env.BENCH_OUT ?? './dist' });
