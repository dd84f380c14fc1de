import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@frontline/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watch } from '@frontline/chromium';
import { AUDIENCES, LEVELS, METHOD_LABEL } from '@frontline/schema';

// What a learner reads: search filters that work, pages that show labels rather than ids and
// keep their words apart, and self-study text where a workshop activity needs a room.

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const base = inject('baseUrl');
const folders = (dir: string) =>
  existsSync(`${dist}${dir}`)
    ? readdirSync(`${dist}${dir}`, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
const modules = folders('modules');
const paths = folders('paths');
const plans = readdirSync(`${dist}plans`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** A module page's search filters, as its built HTML declares them (`level:Intermediate`…). */
function filtersOf(id: string): Record<string, string[]> {
  const html = readFileSync(`${dist}modules/${id}/index.html`, 'utf8');
  const out: Record<string, string[]> = {};
  for (const [, key, value] of html.matchAll(/data-pagefind-filter="([a-z]+):([^"]+)"/g))
    (out[key!] ??= []).push(value!.replaceAll('&amp;', '&'));
  return out;
}
const filters = new Map(modules.map((id) => [id, filtersOf(id)]));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  const page = await browser.newPage();
  const log = watch(page);
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBeLessThan(400);
  return { page, log };
}

/** The module ids of the results listed now, every page of them shown ("Show more" pressed). */
async function resultModules(page: Page): Promise<string[]> {
  // Pressed in the page: a search started by a filter change may hide the button at any time.
  const urls = await page.evaluate(async () => {
    const more = document.getElementById('search-more')!;
    for (let i = 0; i < 20 && !more.hidden; i++) {
      more.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [...document.querySelectorAll<HTMLAnchorElement>('#search-results > li > a')].map((a) => a.pathname);
  });
  return urls.flatMap((u) => /\/modules\/([^/]+)\/$/.exec(u)?.[1] ?? []).sort();
}

/** Waits until the listed results are exactly `expected` (a search runs after every change). */
async function expectResults(page: Page, expected: string[]) {
  await expect.poll(() => resultModules(page), { timeout: 15_000 }).toEqual([...expected].sort());
}

/** Waits for the first search's results to be listed, and returns them. */
async function firstResults(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/result/);
  return resultModules(page);
}

// A word most modules use: one search finds modules of every level and path.
const WORD = 'customer';

describe('search filters on the built site', () => {
  for (const key of ['level', 'path'] as const)
    it(`filters results by ${key}, keeps the filter in the URL, and brings results back when cleared`, async () => {
      const { page, log } = await open('/search/');
      await page.fill('#search-input', WORD);
      await page.press('#search-input', 'Enter');
      const withWord = await firstResults(page);
      expect(new Set(withWord.flatMap((id) => filters.get(id)![key] ?? [])).size, `${key}s found`).toBeGreaterThan(1);
      // The value held by the fewest found modules: most results leave when it is chosen.
      const counts = new Map<string, number>();
      for (const id of withWord) for (const v of filters.get(id)![key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
      const [value] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
      const inside = withWord.filter((id) => filters.get(id)![key]?.includes(value));
      const outside = withWord.filter((id) => !inside.includes(id));
      expect(outside.length).toBeGreaterThan(0);

      await page.selectOption(`#filter-${key}`, value);
      await expectResults(page, inside);
      expect(new URL(page.url()).searchParams.get(key)).toBe(value);
      expect(new URL(page.url()).searchParams.get('q')).toBe(WORD);

      // The filtered URL, opened afresh, shows the same filter chosen and the same results.
      const again = await browser.newPage();
      await again.goto(page.url());
      await expectResults(again, inside);
      expect(await again.locator(`#filter-${key}`).inputValue()).toBe(value);
      await again.close();

      await page.selectOption(`#filter-${key}`, '');
      await expectResults(page, withWord);
      expect(new URL(page.url()).searchParams.has(key)).toBe(false);
      expect(log.errors).toEqual([]);
      await page.close();
    }, 60_000);
});

/** Every kind of page a learner can open (every module page), and the trainers' pages beside them. */
const learnerPages = [
  '/',
  '/modules/',
  ...modules.map((id) => `/modules/${id}/`),
  `/modules/${modules[0]}/handout/`,
  '/paths/',
  ...paths.map((id) => `/paths/${id}/`),
  `/paths/${paths[0]}/complete/`,
  `/plans/${plans[0]}/`,
  '/glossary/',
  '/search/',
  '/404.html',
  // The trainers' build: its index and a module's facilitator page (labels there too).
  ...(existsSync(`${dist}facilitator/index.html`) ? ['/facilitator/', `/facilitator/${modules[0]}/`] : []),
];

/** Raw values of the model that people should only ever see as labels or titles. */
const RAW = new Set<string>([
  ...LEVELS,
  ...AUDIENCES,
  ...Object.keys(METHOD_LABEL).filter((k) => METHOD_LABEL[k] !== k),
  'roleplay',
  ...modules,
  ...paths,
]);

/** What a page shows: its visible text, and the names and descriptions read out for it. */
async function shown(page: Page): Promise<{ text: string; names: string[] }> {
  return page.evaluate(() => ({
    text: document.body.innerText,
    names: [...document.querySelectorAll('[aria-label], [title], img[alt]')].flatMap((el) =>
      ['aria-label', 'title', 'alt'].map((a) => el.getAttribute(a) ?? '').filter(Boolean),
    ),
  }));
}

/** Pieces of text that run two parts together: "(PDF, A4) ·Participant", "2026-11-23.Edit". */
const JOINS: [string, RegExp][] = [
  ['a middle dot without a space after it', /·\S/],
  ['a middle dot without a space before it', /\S·/],
  ['a sentence run into the next', /[a-z0-9)”’]\.[A-Z][a-z]/],
  ['a comma run into the next word', /[a-z)],[A-Za-z]/],
  ['a closing bracket run into a word', /\)[A-Za-z]/],
  ['a colon run into a word', /[a-z]:[A-Z]/],
];

describe('learner pages show people words, not ids, with their parts apart', () => {
  it('has pages of every kind to read, and checks that catch the joins and ids it looks for', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(paths.length).toBeGreaterThan(0);
    expect(plans.length).toBeGreaterThan(0);
    for (const bad of [
      '(PDF, A4) ·Participant',
      'last updated 2026-11-23.Edit',
      'Leaders,Team leads',
      'Role-play·30 min',
    ])
      expect(
        JOINS.some(([, p]) => p.test(bad)),
        bad,
      ).toBe(true);
    for (const good of ['(PDF, A4) · Participant', 'last updated 2026-11-23. Edit', 'e.g. A4', '10:30–11:00'])
      expect(
        JOINS.filter(([, p]) => p.test(good)).map(([what]) => what),
        good,
      ).toEqual([]);
    for (const raw of ['intermediate', 'frontline', 'case-study', 'role-play', modules[0]!])
      expect(RAW.has(raw)).toBe(true);
  });

  it('shows no raw level, audience, method, module or path id as text on any learner page', async () => {
    const found: string[] = [];
    for (const path of learnerPages) {
      const { page } = await open(path);
      const { text, names } = await shown(page);
      // A piece of text on its own: a line, a table cell, an item between middle dots.
      const pieces = [...text.split(/[\n\t]| · /), ...names].map((p) => p.trim()).filter(Boolean);
      for (const piece of pieces) if (RAW.has(piece)) found.push(`${path}: “${piece}”`);
      await page.close();
    }
    expect(found).toEqual([]);
  }, 180_000);

  it('keeps inline parts apart (no missing spaces) on every learner page', async () => {
    const found: string[] = [];
    for (const path of learnerPages) {
      const { page } = await open(path);
      const { text, names } = await shown(page);
      for (const piece of [...text.split('\n'), ...names])
        for (const [what, pattern] of JOINS) {
          const m = pattern.exec(piece);
          if (m) found.push(`${path}: ${what}: “…${piece.slice(Math.max(0, m.index - 20), m.index + 20)}…”`);
        }
      await page.close();
    }
    expect(found).toEqual([]);
  }, 180_000);
});

describe('self-study on learner pages', () => {
  const withRolePlay = modules.filter((id) =>
    readFileSync(`${dist}modules/${id}/index.html`, 'utf8').includes('class="block roleplay"'),
  );

  it('tells a learner on the module page how to do each role-play and discussion alone', async () => {
    expect(withRolePlay.length).toBeGreaterThan(0);
    const { page } = await open(`/modules/${withRolePlay[0]}/`);
    const activities = page.locator('section.block.roleplay, section.block.discussion');
    const count = await activities.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const alone = activities.nth(i).locator(':scope > section.self-study');
      expect(await alone.count(), `activity ${i + 1}`).toBe(1);
      await expect(alone.locator('h4').textContent()).resolves.toBe('On your own');
      expect(((await alone.innerText()).match(/\S+/g) ?? []).length).toBeGreaterThan(10);
    }
    // A role-play's self-study comes before the role cards it tells the learner to read.
    const order = await page
      .locator('section.block.roleplay')
      .first()
      .evaluate((rp) => {
        const alone = rp.querySelector('.self-study')!;
        const card = rp.querySelector('.role-card')!;
        return alone.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
    expect(order).toBeTruthy();
    await page.close();
  });

  it('leaves the self-study text out of the participant handout', async () => {
    const id = withRolePlay[0]!;
    const { page } = await open(`/modules/${id}/`);
    const alone = await page
      .locator('section.self-study')
      .evaluateAll((els) =>
        els.map((e) =>
          [...e.querySelectorAll('p')].map((p) => (p as HTMLElement).innerText.trim()).filter((t) => t.length > 20),
        ),
      );
    await page.close();
    const lines = alone.flat();
    expect(lines.length).toBeGreaterThan(0);
    const handout = await open(`/modules/${id}/handout/`);
    const text = await handout.page.evaluate(() => document.body.innerText);
    expect(text).toContain('participant handout');
    for (const line of lines) expect(text).not.toContain(line);
    expect(text).not.toContain('On your own');
    await handout.page.close();
  });
});
