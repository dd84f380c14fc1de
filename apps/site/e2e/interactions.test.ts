import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@frontline/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watch } from '@frontline/chromium';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const base = inject('baseUrl');
const modules = readdirSync(`${dist}modules`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((id) => readFileSync(`${dist}modules/${id}/index.html`, 'utf8').includes('fieldset class="question"'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage(options);
  const log = watch(page);
  await page.goto(`${base}${path}`);
  page.on('close', () => {
    expect(log.violations, `CSP on ${path}`).toEqual([]);
  });
  return page;
}

describe('knowledge checks', () => {
  it('has a module with a knowledge check', () => expect(modules.length).toBeGreaterThan(0));

  it('marks a right and a wrong answer and shows the reason', async () => {
    const page = await open(`/modules/${modules[0]}/`);
    const question = page.locator('fieldset.question').first();
    const correct = question.locator('input[data-correct="true"]').first();
    const wrong = question.locator('input[data-correct="false"]').first();
    await wrong.check();
    await question.locator('button.check-answer').click();
    await expect.poll(() => question.locator('.feedback').textContent()).toMatch(/Not quite/);
    expect(await question.locator('details.answer').getAttribute('open')).not.toBeNull();
    if ((await question.getAttribute('data-multiple')) === 'true') await wrong.uncheck();
    await correct.check();
    await question.locator('button.check-answer').click();
    await expect.poll(() => question.locator('.feedback').textContent()).toBe('Correct.');
    expect(await question.locator('.reason').textContent()).toMatch(/Reason/);
    await page.close();
  });

  it('still shows questions and answers without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const question = page.locator('fieldset.question').first();
    expect(await question.locator('button.check-answer').isVisible()).toBe(false);
    await question.locator('details.answer summary').click();
    expect(await question.locator('details.answer .reason').isVisible()).toBe(true);
    await context.close();
  });
});

describe('progress', () => {
  it('marks a module done, shows it on the home page and resets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    await page.locator('button.mark-done').click();
    expect(await page.locator('button.mark-done').getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${base}/`);
    expect(await page.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(true);
    const line = page.locator('[data-progress-for]').filter({ hasText: /1 of/ });
    expect(await line.count()).toBeGreaterThan(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#progress-reset').click();
    expect(await page.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('frontline-progress'))).toBe('[]');
    await context.close();
  });
});

describe('theme, keyboard and small screens', () => {
  it('follows the system theme and remembers the toggle without a flash', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(17, 24, 31)');
    await page.locator('#theme-toggle').click();
    expect(await background()).toBe('rgb(255, 255, 255)');
    // The saved choice is applied by a blocking script before the stylesheet paints.
    await page.goto(`${base}/glossary/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.close();
  });

  it('reaches the skip link first and moves focus to the content', async () => {
    const page = await open(`/modules/${modules[0]}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('needs no horizontal scrolling at 320 px', async () => {
    for (const path of ['/', `/modules/${modules[0]}/`, '/search/', '/glossary/']) {
      const page = await open(path, { viewport: { width: 320, height: 640 } });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('search', () => {
  it('loads nothing of Pagefind before the first search', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${base}/search/`);
    expect(fetched.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.close();
  });

  it('fetches ten results at a time', async () => {
    const page = await open('/search/');
    await page.fill('#search-input', 'customer');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/\d+ results?/);
    const total = Number(/(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('#search-results li').count()).toBe(10);
    await page.locator('#search-more').click();
    await expect.poll(() => page.locator('#search-results li').count()).toBe(Math.min(20, total));
    await page.close();
  });

  it('narrows results with the audience filter', async () => {
    const page = await open('/search/');
    await page.fill('#search-input', 'customer');
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/\d+ results?/);
    const all = Number(/(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(0);
    await page.selectOption('#filter-audience', 'Leaders');
    await expect
      .poll(async () => Number(/(\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]), {
        timeout: 15_000,
      })
      .toBeLessThan(all);
    await page.close();
  });
});
