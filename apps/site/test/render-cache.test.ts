import { expect, it } from 'vitest';
import { RenderCache } from '../src/lib/render-cache.ts';

it('reuses rendered data for the same text and context, and only then', () => {
  const a = new RenderCache('glossary-1', 'titles-1', 'false');
  const text = `---\nid: cache-test-${process.pid}-${Date.now()}\n---\n`;
  expect(a.get(text)).toBeUndefined();
  a.set(text, { html: '<p>rendered</p>' });
  expect(new RenderCache('glossary-1', 'titles-1', 'false').get(text)).toEqual({ html: '<p>rendered</p>' });
  expect(new RenderCache('glossary-2', 'titles-1', 'false').get(text)).toBeUndefined();
  expect(a.get(`${text}changed`)).toBeUndefined();
});
