import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// A cache folder of this test's own, set before the cache module reads where to keep it.
const dir = mkdtempSync(join(tmpdir(), 'frontline-render-cache-'));
process.env.FRONTLINE_RENDER_CACHE_DIR = dir;
const { RenderCache } = await import('../src/course/render-cache.ts');

it('reuses rendered data for the same text and context after a save, and only then', () => {
  const context = `glossary-${process.pid}-${Date.now()}`;
  const text = `---\nid: cache-test\n---\n`;
  const a = new RenderCache([context, 'titles-1', 'false']);
  expect(a.get(text)).toBeUndefined();
  expect(a.has(text)).toBe(false);
  a.set(text, { html: '<p>rendered</p>' });
  // What a build renders goes to disk, not into memory, and is read back from there.
  expect(a.has(text)).toBe(true);
  expect(a.get(text)).toEqual({ html: '<p>rendered</p>' });
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

it('keeps an entry a build asked for without reading it (a carried-over page reads none of its views)', () => {
  const context = `asked-${process.pid}-${Date.now()}`;
  const a = new RenderCache([context]);
  a.set('carried module', 1);
  a.set('dropped module', 2);
  a.save();
  const b = new RenderCache([context]);
  expect(b.has('carried module')).toBe(true);
  b.set('edited module', 3);
  b.save();
  const c = new RenderCache([context]);
  expect(c.get('carried module')).toBe(1);
  expect(c.get('edited module')).toBe(3);
  expect(c.has('dropped module')).toBe(false);
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
  // Before the save too: some lines are on disk by now, the last ones still waiting to be written.
  for (let i = 0; i < 60; i++) expect(build.get<{ i: number; html: string }>(`module ${i}`)).toEqual({ html, i });
  build.save();
  const next = new RenderCache([context]);
  for (let i = 0; i < 60; i++) expect(next.get<{ i: number }>(`module ${i}`)?.i).toBe(i);
});

it("keeps the caches of the last few other contexts: a learner build keeps the trainers' build's", () => {
  const run = `contexts-${process.pid}-${Date.now()}`;
  const context = (n: number) => [run, `build ${n}`];
  const trainers = new RenderCache(context(0));
  trainers.set('module', 'for trainers');
  trainers.save();
  const learner = new RenderCache(context(1));
  learner.set('module', 'for learners');
  learner.save();
  expect(new RenderCache(context(0)).get('module')).toBe('for trainers');
  expect(new RenderCache(context(1)).get('module')).toBe('for learners');
  // Many contexts later (renderer code changed again and again), old ones are dropped.
  for (let n = 2; n < 12; n++) {
    const build = new RenderCache(context(n));
    build.set('module', n);
    build.save();
  }
  expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson')).length).toBeLessThanOrEqual(5);
  expect(new RenderCache(context(11)).get('module')).toBe(11);
});

it('reads a damaged entry as a miss and the others as saved', () => {
  const context = [`damaged-${process.pid}-${Date.now()}`];
  const build = new RenderCache(context);
  build.set('first', { html: '<p>one</p>' });
  build.set('second', { html: '<p>two</p>' });
  build.save();
  const [file] = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const [first, second] = readFileSync(file!, 'utf8').trim().split('\n');
  // The first entry cut off inside its value, as a full disk might leave it.
  writeFileSync(file!, `${first!.slice(0, -8)}]\n${second}\n`);
  const next = new RenderCache(context);
  expect(next.get('first')).toBeUndefined();
  expect(next.get('second')).toEqual({ html: '<p>two</p>' });
});
