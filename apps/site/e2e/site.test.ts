import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@frontline/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, launch, watch } from '@frontline/chromium';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const base = inject('baseUrl');
/** The folders (one per page) under a folder of the built site. */
const folders = (dir: string) =>
  readdirSync(`${dist}${dir}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
const modules = folders('modules');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  path: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ page: Page; log: ReturnType<typeof watch> }> {
  const page = await browser.newPage({ colorScheme });
  const log = watch(page);
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBeLessThan(400);
  return { page, log };
}

describe('the built course site', () => {
  it('has module pages to test', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it('finds a module through search and follows the result to its page', async () => {
    const id = modules[0]!;
    const html = readFileSync(`${dist}modules/${id}/index.html`, 'utf8');
    const title = /<h1>([^<]+)<\/h1>/.exec(html)?.[1] ?? '';
    const word =
      title
        .split(/\s+/)
        .filter((w) => w.length > 4)
        .sort((a, b) => b.length - a.length)[0] ?? title;
    expect(word.length).toBeGreaterThan(3);
    const { page, log } = await open('/search/');
    await page.fill('#search-input', word);
    await page.press('#search-input', 'Enter');
    const link = page.locator('#search-results a', { hasText: title });
    await link.first().waitFor({ timeout: 15_000 });
    await link.first().click();
    await page.waitForURL(`**/modules/${id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    expect(log.violations).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('never returns facilitator-only text from the learner search', async () => {
    const { page } = await open('/search/');
    // A phrase every facilitator view has and no learner page has.
    await page.fill('#search-input', 'Facilitator note');
    await page.press('#search-input', 'Enter');
    // The first search loads Pagefind's index and WebAssembly: as long as the other search tests allow.
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/result/);
    const urls = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(urls.filter((u) => u.includes('/facilitator/'))).toEqual([]);
    await page.close();
  });

  it('shows a delivery plan as a wall-clock agenda', async () => {
    const plan = folders('plans')[0]!;
    const { page, log } = await open(`/plans/${plan}/`);
    expect(await page.locator('h2', { hasText: /^Day 1: / }).count()).toBe(1);
    const rows = await page.locator('table.agenda tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]).toMatch(/^\d\d:\d\d–\d\d:\d\d/);
    expect(rows.some((r) => /Lunch/.test(r))).toBe(true);
    expect(log.violations).toEqual([]);
    await page.close();
  });

  it("links each plan's documents in both paper sizes, from its page and the trainers' index, and every link opens", async () => {
    const plans = folders('plans');
    expect(plans.length).toBeGreaterThan(0);
    for (const path of ['/facilitator/', ...plans.map((p) => `/plans/${p}/`)]) {
      const { page } = await open(path);
      const links = await page
        .locator('a[href$=".pdf"]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const plan of path === '/facilitator/' ? plans : [path.split('/')[2]!])
        for (const kind of ['day-pack', 'participant-pack', 'sign-in-sheet', 'feedback-form', 'role-cards'])
          for (const paper of ['a4', 'letter']) {
            const wanted =
              kind === 'role-cards'
                ? new RegExp(`/guides/${paper}/[a-z0-9-]+-role-cards\\.pdf$`)
                : new RegExp(`/guides/${paper}/${plan}-${kind}\\.pdf$`);
            expect(
              links.some((l) => wanted.test(l)),
              `${path}: ${plan} ${kind} ${paper}`,
            ).toBe(true);
          }
      for (const link of new Set(links)) expect((await page.request.get(link)).status(), link).toBe(200);
      await page.close();
    }
  });

  it('lists every module at /modules/, every path at /paths/, and every facilitator view at /facilitator/', async () => {
    const paths = folders('paths');
    for (const [index, ids, prefix] of [
      ['/modules/', modules, '/modules/'],
      ['/paths/', paths, '/paths/'],
      ['/facilitator/', modules, '/facilitator/'],
    ] as const) {
      const { page, log } = await open(index);
      const links = await page.locator('main a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      for (const id of ids) expect(links, `${index} links ${id}`).toContain(`${prefix}${id}/`);
      expect(log.errors).toEqual([]);
      await page.close();
    }
  });

  it("publishes each module's LMS package in the trainers' site, linked from its facilitator page", async () => {
    const { page } = await open(`/facilitator/${modules[0]}/`);
    const href = await page.locator('a', { hasText: 'LMS package' }).first().getAttribute('href');
    expect(href).toMatch(new RegExp(`/lms/${modules[0]}\\.scorm12\\.zip$`));
    const zip = await page.request.get(`${base}${href}`);
    expect(zip.status()).toBe(200);
    expect((await zip.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.close();
  });

  it('keeps the facilitator area out of learner pages, and gives a print page its way back', async () => {
    for (const id of modules) {
      const html = readFileSync(`${dist}modules/${id}/index.html`, 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main, id).not.toContain('/facilitator/');
    }
    const { page } = await open(`/modules/${modules[0]}/handout/`);
    await page.locator('.print-doc a', { hasText: '←' }).first().click();
    await page.waitForURL(`**/modules/${modules[0]}/`);
    await page.close();
  });

  it('shows the module page without JavaScript errors or CSP violations', async () => {
    let checklistItems = 0;
    for (const id of modules) {
      const { page, log } = await open(`/modules/${id}/`);
      expect(await page.locator('.module-body').count()).toBe(1);
      expect(await page.locator('.facilitator-note').count(), `${id} learner page has no facilitator notes`).toBe(0);
      // A checklist item's checkbox is its marker: no bullet beside it.
      for (const marker of await page
        .locator('.task-list-item')
        .evaluateAll((items) => items.map((li) => getComputedStyle(li).listStyleType))) {
        expect(marker, `${id}: observer checklist item`).toBe('none');
        checklistItems++;
      }
      expect(log.violations).toEqual([]);
      expect(log.errors).toEqual([]);
      await page.close();
    }
    expect(checklistItems, 'observer checklists on the module pages').toBeGreaterThan(0);
  });

  it("prints handouts with each checklist box on its item's line and blank cells to write in", async () => {
    const handout = (id: string) => readFileSync(`${dist}modules/${id}/handout/index.html`, 'utf8');
    const id = modules.find((m) => handout(m).includes('class="checklist"') && handout(m).includes('class="blank"'));
    expect(id, 'a handout with an observer checklist and a blank worksheet cell').toBeTruthy();
    const { page } = await open(`/modules/${id}/handout/`);
    await page.emulateMedia({ media: 'print' });
    const items = page.locator('.checklist li');
    expect(await items.count()).toBeGreaterThan(0);
    // Box and text on one line: an item is no taller than two lines of its own text.
    for (const li of await items.all()) {
      const { height, line } = await li.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6,
      }));
      const text = (await li.textContent()) ?? '';
      if (text.length < 60) expect(height, text).toBeLessThan(line * 1.9);
    }
    const cell = await page.locator('td.blank').first().boundingBox();
    expect(cell?.height).toBeGreaterThan(36);
    // The column to write in takes the spare width: at least half of its table.
    for (const table of await page.locator('table:has(td.blank)').all()) {
      const widths = await table.evaluate((el) => ({
        table: el.getBoundingClientRect().width,
        blank: el.querySelector('td.blank')!.getBoundingClientRect().width,
      }));
      expect(widths.blank).toBeGreaterThanOrEqual(widths.table * 0.45);
    }
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`passes axe with the side panels open, on a phone and on a wide screen, in ${scheme} mode`, async () => {
      for (const viewport of [
        { width: 360, height: 740 },
        { width: 1440, height: 900 },
      ]) {
        const page = await browser.newPage({ colorScheme: scheme, viewport });
        await page.goto(`${base}/modules/${modules[0]}/`);
        for (const toggle of await page.locator('.panel-toggle:visible').all()) await toggle.click();
        await page.locator('button.mark-done').first().click();
        expect(await page.locator('nav.sidebar .done-badge:visible').count()).toBe(1);
        // A worksheet typed in: its text areas and the writing summary.
        await page.locator('.module-body textarea.writing').first().fill('My words');
        expect(await page.locator('[data-writing-count]').isVisible()).toBe(true);
        expect(await axe(page), `module page at ${viewport.width} px (${scheme})`).toEqual([]);
        await page.close();
      }
    }, 120_000);

  for (const scheme of ['light', 'dark'] as const)
    it(`passes axe (WCAG 2.2 A/AA) on every page type in ${scheme} mode`, async () => {
      const first = (dir: string) => folders(dir)[0];
      const pages = [
        '/',
        `/modules/${modules[0]}/`,
        `/modules/${modules[0]}/handout/`,
        '/modules/',
        '/paths/',
        '/facilitator/',
        `/paths/${first('paths')}/`,
        `/paths/${first('paths')}/complete/`,
        `/plans/${first('plans')}/`,
        '/glossary/',
        '/search/',
        '/404.html',
        `/facilitator/${modules[0]}/`,
      ];
      for (const path of pages) {
        const { page } = await open(path, scheme);
        expect(await axe(page), `${path} (${scheme})`).toEqual([]);
        await page.close();
      }
    }, 180_000); // thirteen page types, axe on each: minutes on a busy 2-core machine
});
