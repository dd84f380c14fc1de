// The smallest reasonable Astro 7 site over a module corpus: a page per module, default Markdown,
// and BENCH_PAGES - 1 copies of it under /copies/<n>/ (the floor writes as many pages as Frontline).
import { defineConfig } from 'astro/config';

export default defineConfig({ outDir: process.env.BENCH_OUT ?? './dist' });
