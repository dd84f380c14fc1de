import { expect, it } from 'vitest';
import { RenderCache } from '../src/course/render-cache.ts';

it('reuses rendered data for the same text and context after a save, and only then', () => {
  const context = `glossary-${process.pid}-${Date.now()}`;
  const text = `---\nid: cache-test\n---\n`;
  const a = new RenderCache([context, 'titles-1', 'false']);
  expect(a.get(text)).toBeUndefined();
  a.set(text, { html: '<p>rendered</p>' });
  // A build renders each view once: what it renders goes to disk, not into memory.
  expect(a.get(text)).toBeUndefined();
  // Nothing reaches the cache before save(): a build that fails half-way leaves the old one.
  expect(new RenderCache([context, 'titles-1', 'false']).get(text)).toBeUndefined();
  a.save();
  const b = new RenderCache([context, 'titles-1', 'false']);
  expect(b.get(text)).toEqual({ html: '<p>rendered</p>' });
  expect(new RenderCache([`${context}-other`, 'titles-1', 'false']).get(text)).toBeUndefined();
  expect(b.get(`${text}changed`)).toBeUndefined();
});

it('keeps only the entries the last build used', () => {
  const context = `prune-${process.pid}-${Date.now()}`;
  const a = new RenderCache([context]);
  a.set('old module', 1);
  a.set('kept module', 2);
  a.save();
  const b = new RenderCache([context]);
  expect(b.get('kept module')).toBe(2);
  b.set('new module', 3);
  b.save();
  const c = new RenderCache([context]);
  expect(c.get('old module')).toBeUndefined();
  expect(c.get('kept module')).toBe(2);
  expect(c.get('new module')).toBe(3);
});

it('keeps new entries in memory only, and saves nothing, without persist (the dev server)', () => {
  const context = `dev-${process.pid}-${Date.now()}`;
  const dev = new RenderCache([context], { persist: false });
  dev.set('module', 'rendered');
  expect(dev.get('module')).toBe('rendered');
  dev.save();
  expect(new RenderCache([context]).get('module')).toBeUndefined();
});

it('streams a large build to disk in batches and reads it all back', () => {
  const context = `large-${process.pid}-${Date.now()}`;
  const build = new RenderCache([context]);
  const html = 'x'.repeat(50_000);
  for (let i = 0; i < 60; i++) build.set(`module ${i}`, { html, i });
  build.save();
  const next = new RenderCache([context]);
  for (let i = 0; i < 60; i++) expect(next.get<{ i: number }>(`module ${i}`)?.i).toBe(i);
});
