import { expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = fileURLToPath(new URL('../', import.meta.url));

// pagefind.yml names the pages Pagefind reads; a page that sets `indexed` outside that list
// would silently drop out of search, and a list wider than the indexed pages wastes build time.
it('indexes exactly the pages that mark themselves for search', () => {
  const glob = /^glob: ['"]\{(.*)\}['"]$/m.exec(readFileSync(join(site, 'pagefind.yml'), 'utf8'))?.[1];
  expect(glob).toBeDefined();
  const listed = glob!.split(',').sort();
  const pages = join(site, 'src/pages');
  const indexed = readdirSync(pages, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro'))
    .filter((file) => /^\s+indexed\s*$|\sindexed>|\sindexed\s/m.test(readFileSync(join(pages, file), 'utf8')))
    .map((file) => {
      const route = file
        .replace(/\.astro$/, '')
        .replace(/(^|\/)index$/, '')
        .replace(/\[[^\]]+\]/g, '*');
      return `${route ? `${route}/` : ''}index.html`;
    })
    .sort();
  expect(indexed).toEqual(listed);
});
