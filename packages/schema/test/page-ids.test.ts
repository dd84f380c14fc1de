import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAGE_IDS } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Literal `id="…"` attributes (not computed ones such as `id={…}` or `id="${…}"`). */
function literalIds(text: string): string[] {
  return [...text.matchAll(/\bid="([^"{}$]+)"/g)].map((m) => m[1]!);
}

describe('PAGE_IDS lists every fixed id of the pages that show module text', () => {
  const sources = [
    ...filesUnder(join(ROOT, 'apps/site/src')).filter((f) => /\.(?:astro|ts|js|mjs|html)$/.test(f)),
    join(ROOT, 'packages/lms/src/page.ts'),
  ];

  it('finds the sources and the ids in them', () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.flatMap((f) => literalIds(readFileSync(f, 'utf8')))).toContain('main');
  });

  it('has each literal id of the site’s pages, layouts and presenter, and of the LMS page', () => {
    const missing = sources.flatMap((file) =>
      literalIds(readFileSync(file, 'utf8'))
        .filter((id) => !PAGE_IDS.includes(id))
        .map((id) => `${file.slice(ROOT.length)}: ${id}`),
    );
    expect(missing, 'add these to packages/schema/src/page-ids.ts').toEqual([]);
  });

  it('is sorted and without repeats', () => {
    expect([...PAGE_IDS]).toEqual([...new Set(PAGE_IDS)].sort());
  });
});
