import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The presenter's deck and its speaker view show the same slides: @frontline/site/course renders
// each deck once per build, before the pages (with every other view), and hands both pages the
// same one (and renders again after an invalidation).
describe('presenter decks', () => {
  it('renders a module or plan deck once for its two pages', async () => {
    // A cache of its own: decks kept on disk by an earlier build would not be rendered at all.
    vi.stubEnv('FRONTLINE_RENDER_CACHE_DIR', mkdtempSync(join(tmpdir(), 'frontline-decks-')));
    const schema = await import('@frontline/schema');
    const render = vi.fn(schema.renderSlides);
    vi.doMock('@frontline/schema', () => ({ ...schema, renderSlides: render }));
    const course = await import('../src/course/source.ts');
    const { plans } = course.course();
    const modules = course.moduleEntries();
    const [module] = modules;
    const [plan] = plans;
    expect(module && plan).toBeTruthy();
    // Read as a build reads: every module's deck and every plan's, each rendered once.
    expect(render).toHaveBeenCalledTimes(modules.length + plans.length);
    const deck = course.moduleDeck(module!.id);
    expect(course.moduleDeck(module!.id)).toBe(deck);
    expect(course.planDeck(plan!.plan.id)).toBe(course.planDeck(plan!.plan.id));
    expect(render).toHaveBeenCalledTimes(modules.length + plans.length);
    expect(deck.html).toContain('<section');
    course.invalidate();
    expect(course.moduleDeck(module!.id)).not.toBe(deck);
    expect(render).toHaveBeenCalledTimes(modules.length + plans.length + 1);
  });
});
