import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@frontline/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateContent } from '@frontline/schema';
import { phrasesOf, squash } from '../test/outputs.ts';
import { axe, launch, watch } from '@frontline/chromium';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const base = inject('baseUrl');
const course = validateContent(`${repo}content`, { cwd: repo });

const facilitatorOnly = (id: string) =>
  phrasesOf(course.modules.find((m) => m.id === id)!).filter(
    (p) => p.readers.length === 1 && p.readers[0] === 'facilitator',
  );

/**
 * Every deck: its page, the segment titles it must show (a plan's: every scheduled one), and
 * the facilitator-only text of its modules, which must be in its notes and not on its slides.
 */
const decks = [
  ...course.modules.map((m) => ({
    path: `/facilitator/${m.id}/present/`,
    segments: m.body.segments.map((s) => s.title),
    secret: facilitatorOnly(m.id),
  })),
  ...course.plans.map((p) => ({
    path: `/facilitator/plans/${p.plan.id}/present/`,
    segments: p.schedule.days.flatMap((d) => d.items.filter((i) => i.kind === 'segment').map((i) => i.title)),
    secret: [...new Set(p.plan.days.flatMap((d) => d.modules))].flatMap(facilitatorOnly),
  })),
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page and records CSP violations, console errors and any request that leaves the site. */
async function open(path: string): Promise<{ page: Page; log: ReturnType<typeof watch>; outside: string[] }> {
  const page = await browser.newPage();
  const log = watch(page);
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBeLessThan(400);
  return { page, log, outside };
}

/** The deck's slides as the room sees them (notes out) and the notes, as squashed text. */
async function deckText(page: Page): Promise<{ titles: string[]; screen: string; notes: string; count: number }> {
  return page.evaluate(() => {
    const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')];
    const screen = sections.map((s) => {
      const copy = s.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('aside.notes').forEach((n) => n.remove());
      return copy.textContent ?? '';
    });
    return {
      titles: sections.map((s) => s.querySelector('h1, h2')?.textContent ?? ''),
      screen: screen.join('\n'),
      notes: [...document.querySelectorAll('.reveal aside.notes')].map((n) => n.textContent).join('\n'),
      count: sections.length,
    };
  });
}

describe('presenter decks', () => {
  it('has a deck for every module and every plan', () => {
    expect(course.modules.length).toBeGreaterThan(0);
    expect(course.plans.length).toBeGreaterThan(0);
    for (const deck of decks) expect(existsSync(`${dist}${deck.path.slice(1)}index.html`), deck.path).toBe(true);
  });

  for (const deck of decks)
    it(`${deck.path}: every segment on a slide, facilitator text only in the notes, arrow keys move`, async () => {
      const { page, log, outside } = await open(deck.path);
      await page.waitForSelector('.reveal.ready');
      const { titles, screen, notes, count } = await deckText(page);
      expect(deck.secret.length).toBeGreaterThan(10);
      expect(count).toBeGreaterThanOrEqual(deck.segments.length);
      for (const title of deck.segments) expect(titles, title).toContain(title);
      const room = squash(screen);
      const speaker = squash(notes);
      for (const phrase of deck.secret) {
        expect(room, phrase.text).not.toContain(phrase.key);
        expect(speaker, phrase.text).toContain(phrase.key);
      }
      // Arrow keys move through the deck, and back.
      const index = () =>
        page.evaluate(() => document.querySelector('.reveal .slides > section.present')?.getAttribute('data-item'));
      const at = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('present')),
        );
      expect(await at()).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(at, { timeout: 10_000 }).toBe(1);
      await page.keyboard.press('ArrowRight');
      await expect.poll(at, { timeout: 10_000 }).toBe(2);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(at, { timeout: 10_000 }).toBe(1);
      expect(await index()).not.toBeNull();
      expect(log.violations).toEqual([]);
      expect(log.errors).toEqual([]);
      expect(outside).toEqual([]);
      await page.close();
    });

  it('reveals a question’s answer on its own step', async () => {
    const { page } = await open(decks[0]!.path);
    await page.waitForSelector('.reveal.ready');
    const slide = await page.evaluate(() =>
      [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.querySelector('.answer')),
    );
    expect(slide).toBeGreaterThan(0);
    await page.evaluate((n) => (window.location.hash = `#/${n}`), slide);
    const answer = page.locator('.reveal .slides > section.present .answer');
    await expect.poll(() => answer.evaluate((a) => a.classList.contains('visible')), { timeout: 10_000 }).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => answer.evaluate((a) => a.classList.contains('visible')), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('passes axe on a module deck, a plan deck and their speaker views', async () => {
    for (const path of [
      decks[0]!.path,
      decks.at(-1)!.path,
      `${decks[0]!.path}speaker/`,
      `${decks.at(-1)!.path}speaker/`,
    ]) {
      const { page, log } = await open(path);
      expect(await axe(page), path).toEqual([]);
      expect(log.violations, path).toEqual([]);
      await page.close();
    }
  });

  it('opens the speaker view with S: notes, a countdown, the pace against the plan, and it drives the deck', async () => {
    const path = decks.at(-1)!.path;
    const { page, log } = await open(path);
    await page.waitForSelector('.reveal.ready');
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    const speakerLog = watch(speaker);
    await speaker.waitForLoadState('load');
    await expect.poll(() => speaker.locator('#connection').textContent(), { timeout: 10_000 }).toContain('Connected');
    // Move to the first segment: its notes show, and its countdown starts from its minutes.
    const first = await page.evaluate(() =>
      [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.querySelector('.notes-time')),
    );
    await page.evaluate((n) => (window.location.hash = `#/${n}`), first);
    await expect
      .poll(() => speaker.locator('#slide-number').textContent(), { timeout: 10_000 })
      .toBe(String(first + 1));
    await expect
      .poll(() => speaker.locator('.speaker-slides > section.current .notes-time').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await speaker.locator('#countdown').textContent()).toMatch(/^\d\d:\d\d$/);
    expect(await speaker.locator('#pace').textContent()).toMatch(/plan/);
    expect(await speaker.locator('#day li.current').count()).toBe(1);
    // It names the next slide, as the deck titles it.
    const nextTitle = await page.evaluate(
      (n) =>
        document.querySelectorAll('.reveal .slides > section')[n + 1]?.querySelector('h1, h2')?.textContent?.trim(),
      first,
    );
    expect(nextTitle).toBeTruthy();
    expect(await speaker.locator('#next-title').textContent()).toBe(nextTitle);
    // The speaker view's Next moves the deck.
    await speaker.click('[data-go="next"]');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toBe(`#/${first + 1}`);
    expect(speakerLog.violations).toEqual([]);
    expect(speakerLog.errors).toEqual([]);
    expect(log.violations).toEqual([]);
    await speaker.close();
    await page.close();
  });

  /** Prints the page to PDF as Chromium would (the page's own page size); its text and page count (poppler). */
  async function printed(page: Page): Promise<{ text: string; pages: number }> {
    const file = join(mkdtempSync(join(tmpdir(), 'frontline-deck-')), 'deck.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return { text, pages };
  }

  it('prints a real PDF of ?print-pdf: one page per slide, every segment title, no notes; with notes on request', async () => {
    const deck = decks[0]!;
    const { page } = await open(`${deck.path}?print-pdf`);
    await page.waitForSelector('.reveal.ready');
    await expect.poll(() => page.locator('.pdf-page').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const slides = await page.locator('.pdf-page').count();
    const pdf = await printed(page);
    expect(pdf.pages).toBe(slides);
    const text = squash(pdf.text);
    for (const title of deck.segments) expect(text, title).toContain(squash(title));
    for (const phrase of deck.secret) expect(text, phrase.text).not.toContain(phrase.key);
    await page.close();

    const withNotes = await open(`${deck.path}?print-pdf&showNotes=separate-page`);
    await withNotes.page.waitForSelector('.reveal.ready');
    // reveal.js prints each slide's notes on a page of their own after it.
    await expect
      .poll(() => withNotes.page.locator('.speaker-notes-pdf').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const notesPdf = await printed(withNotes.page);
    expect(notesPdf.pages).toBeGreaterThan(slides);
    const notes = squash(notesPdf.text);
    const shown = deck.secret.filter((phrase) => notes.includes(phrase.key));
    // Most facilitator text is printed with the notes (a phrase broken across a PDF line may not match).
    expect(shown.length).toBeGreaterThan(deck.secret.length / 2);
    await withNotes.page.close();
  });

  it('prints one slide per page with ?print-pdf, and a handout without notes or answers', async () => {
    const { page, log } = await open(`${decks[0]!.path}?print-pdf`);
    await page.waitForSelector('.reveal.ready');
    await expect.poll(() => page.locator('.pdf-page').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const pages = await page.locator('.pdf-page').count();
    const sections = await page.locator('.reveal .slides section').count();
    expect(pages).toBe(sections);
    expect(log.violations).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();

    const handout = await open(`${decks[0]!.path}?handout`);
    expect(await handout.page.locator('.reveal .slides > section').first().isVisible()).toBe(true);
    expect(await handout.page.locator('.reveal .slides > section').last().isVisible()).toBe(true);
    expect(await handout.page.locator('aside.notes:visible, .answer:visible').count()).toBe(0);
    expect(handout.log.violations).toEqual([]);
    await handout.page.close();
  });
});
