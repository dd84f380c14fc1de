import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@frontline/chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axe, launch, watch } from '@frontline/chromium';

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

  it('marks a wrong choice without giving the answer away, then takes a second try', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const question = page.locator('fieldset.question').first();
    const correct = question.locator('input[data-correct="true"]').first();
    const wrong = question.locator('input:not([data-correct])').first();
    const details = question.locator('details.answer');
    await wrong.check();
    await question.locator('button.check-answer').click();
    await expect.poll(() => question.locator('.feedback').textContent()).toMatch(/^Not (quite|yet)/);
    // The answer stays closed: the learner tries again.
    expect(await details.getAttribute('open')).toBeNull();
    const marked = question.locator('li.chosen-wrong');
    expect(await marked.count()).toBe(1);
    expect(await marked.textContent()).toContain('not this one');
    expect(await wrong.getAttribute('aria-describedby')).toBe(await question.locator('.feedback').getAttribute('id'));
    // Nothing on the page names the right option before it is chosen or asked for.
    const rightText = (await correct.evaluate((i: HTMLInputElement) => i.labels?.[0]?.textContent ?? '')).trim();
    expect(await question.locator('.feedback').textContent()).not.toContain(rightText);
    expect(await axe(page), 'a marked wrong answer').toEqual([]);

    if ((await question.getAttribute('data-multiple')) === 'true') await wrong.uncheck();
    await correct.check();
    // Choosing again clears the old mark.
    expect(await marked.count()).toBe(0);
    if ((await question.getAttribute('data-multiple')) === 'true') {
      for (const other of await question.locator('input[data-correct="true"]').all()) await other.check();
    }
    await question.locator('button.check-answer').click();
    await expect.poll(() => question.locator('.feedback').textContent()).toBe('Correct, on try 2.');
    expect(await details.getAttribute('open')).not.toBeNull();
    // The summary follows the disclosure's \`toggle\` event, which fires after \`open\` is set.
    await expect.poll(() => details.locator('summary').textContent()).toBe('Hide the answer');
    expect(await question.locator('.reason').textContent()).toMatch(/Reason/);
    const total = await page.locator('fieldset.question').count();
    expect(await page.locator('[data-check-score]').textContent()).toBe(`Your score: 1 of ${total} answered right.`);

    // The answer is kept in this browser and restored on the next visit.
    await page.reload();
    const again = page.locator('fieldset.question').first();
    await expect.poll(() => again.locator('.feedback').textContent()).toBe('Correct, on try 2.');
    expect(await again.locator('input[data-correct="true"]').first().isChecked()).toBe(true);
    expect(await page.locator('[data-check-score]').textContent()).toBe(`Your score: 1 of ${total} answered right.`);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#answers-clear').click();
    expect(await again.locator('input:checked').count()).toBe(0);
    expect(await page.locator('[data-check-score]').textContent()).toMatch(/none answered yet/);
    expect(await page.evaluate(() => localStorage.getItem('frontline-answers'))).toBe('{}');
    await context.close();
  });

  it('still shows questions and answers without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const question = page.locator('fieldset.question').first();
    expect(await question.locator('button.check-answer').count()).toBe(0);
    // Each option's text is its input's label: a click on the words chooses it.
    const options = question.locator('ul.options input');
    await question.locator('ul.options label').nth(1).click();
    expect(await options.nth(1).isChecked()).toBe(true);
    expect(await options.nth(1).evaluate((i: HTMLInputElement) => i.labels?.length)).toBe(1);
    await question.locator('details.answer summary').click();
    expect(await question.locator('details.answer .reason').isVisible()).toBe(true);
    await context.close();
  });

  it('restores answers saved by earlier versions of the page (keyed by module and `<module>-q<n>`)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const question = page.locator('fieldset.question').first();
    // The key saved answers have always used, and the position of the right option.
    expect(await question.getAttribute('data-question')).toBe(`${modules[0]}-q1`);
    const right = await question
      .locator('ul.options input')
      .evaluateAll((inputs) => inputs.findIndex((i) => i.hasAttribute('data-correct')));
    expect(right).toBeGreaterThanOrEqual(0);
    const saved = { [modules[0]!]: { [`${modules[0]}-q1`]: { chosen: [right], right: true, tries: 2 } } };
    await page.evaluate((value) => localStorage.setItem('frontline-answers', value), JSON.stringify(saved));
    await page.reload();
    await expect.poll(() => question.locator('.feedback').textContent()).toBe('Correct, on try 2.');
    expect(await question.locator('ul.options input').nth(right).isChecked()).toBe(true);
    expect(await question.locator('details.answer').getAttribute('open')).not.toBeNull();
    await context.close();
  });
});

describe('progress', () => {
  it('marks a module done at its end, shows it on the home page and resets', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const buttons = page.locator('button.mark-done');
    expect(await buttons.count()).toBe(2);
    await buttons.last().click();
    expect(await buttons.first().getAttribute('aria-pressed')).toBe('true');
    await page.goto(`${base}/`);
    expect(await page.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(true);
    const line = page.locator('[data-progress-for]').filter({ hasText: /1 of/ });
    expect(await line.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-course-progress]').textContent()).toMatch(/^You have done 1 of \d+ modules/);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#progress-reset').click();
    expect(await page.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('frontline-progress'))).toBe('[]');
    await context.close();
  });

  it('offers to continue where the learner left off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(await page.locator('a[data-continue]').isVisible()).toBe(false);
    await page.goto(`${base}/modules/${modules[0]}/`);
    const title = (await page.locator('h1').textContent())?.trim();
    await page.goto(`${base}/`);
    const resume = page.locator('a[data-continue]');
    expect(await resume.textContent()).toBe(`Continue where you left off: ${title}`);
    await resume.click();
    await page.waitForURL(`**/modules/${modules[0]}/`);
    await context.close();
  });

  it('exports progress to a file and imports it into another browser', async () => {
    const first = await browser.newContext({ acceptDownloads: true });
    const page = await first.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    await page.locator('button.mark-done').first().click();
    await page.goto(`${base}/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#progress-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^frontline-progress-\d{4}-\d{2}-\d{2}\.json$/);
    // Read before the context closes: Playwright deletes downloads with their context.
    const file = readFileSync(await download.path());
    const saved = JSON.parse(file.toString('utf8')) as { format: string; done: string[] };
    expect(saved.format).toBe('frontline-progress');
    expect(saved.done).toEqual([modules[0]]);
    await first.close();

    const second = await browser.newContext();
    const other = await second.newPage();
    await other.goto(`${base}/`);
    expect(await other.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(false);
    await other
      .locator('#progress-import')
      .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: file });
    await expect.poll(() => other.locator('#progress-status').textContent()).toBe('Imported: 1 module done.');
    expect(await axe(other), 'the home page with progress').toEqual([]);
    expect(await other.locator(`li.card[data-module="${modules[0]}"] .done-badge`).isVisible()).toBe(true);
    // A file that is not a progress file changes nothing and says why.
    await other
      .locator('#progress-import')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"done":["a"]}') });
    await expect
      .poll(() => other.locator('#progress-status').textContent())
      .toBe('That file is not a Frontline progress file.');
    expect(await other.evaluate(() => localStorage.getItem('frontline-progress'))).toBe(JSON.stringify([modules[0]]));
    await second.close();
  });

  it('ends a path on a completion page that lists what is done', async () => {
    // The last module of a path (in the path its page follows) links the completion page.
    const last = readdirSync(`${dist}modules`, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .find((id) => readFileSync(`${dist}modules/${id}/index.html`, 'utf8').includes('/complete/"'));
    expect(last, 'a module page that ends a path').toBeDefined();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${last!}/`);
    await page.locator('button.mark-done').first().click();
    await page.locator('nav.pager a[rel="next"]').filter({ hasText: 'Finish the path' }).first().click();
    await page.waitForURL(`**/paths/*/complete/`);
    expect(await page.locator('h1').textContent()).toMatch(/^You reached the end of/);
    expect(await page.locator(`.path-checklist li[data-module="${last!}"] .done-badge`).isVisible()).toBe(true);
    await context.close();
  });
});

describe('worksheets and reflections', () => {
  const worksheet =
    modules.find((id) => {
      const html = readFileSync(`${dist}modules/${id}/index.html`, 'utf8');
      return html.includes('class="writing-space"') && /<td><\/td>/.test(html);
    }) ?? '';

  it('has a module with a writing space and a blank worksheet cell', () => expect(worksheet).not.toBe(''));

  it('turns writing spaces and blank cells into labelled text areas that keep, count, print and clear', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${worksheet}/`);
    const areas = page.locator('.module-body textarea.writing');
    const total = await areas.count();
    expect(total).toBeGreaterThan(1);
    expect(await page.locator('.module-body .writing-space').count()).toBe(0);
    expect(await page.locator('.module-body td.typed textarea').count()).toBeGreaterThan(0);
    // Every text area has a label that names what it is for.
    for (const area of await areas.all()) {
      const id = await area.getAttribute('id');
      expect((await page.locator(`label[for="${id}"]`).textContent())?.length).toBeGreaterThan(5);
    }
    const count = page.locator('[data-writing-count]');
    expect(await count.textContent()).toBe(`You have written in 0 of ${total} spaces.`);
    const space = page.locator('.module-body .block > textarea.writing').first();
    await space.fill('I will say what happened first.');
    await page.locator('.module-body td.typed textarea').first().fill('Your line has been down since Monday.');
    expect(await count.textContent()).toBe(`You have written in 2 of ${total} spaces.`);
    await page.reload();
    expect(await space.inputValue()).toBe('I will say what happened first.');
    expect(await page.locator('.module-body td.typed textarea').first().inputValue()).toBe(
      'Your line has been down since Monday.',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await space.isVisible()).toBe(true);
    expect(await page.locator('#writing-clear').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#writing-clear').click();
    expect(await space.inputValue()).toBe('');
    expect(await count.textContent()).toBe(`You have written in 0 of ${total} spaces.`);
    await page.reload();
    expect(await space.inputValue()).toBe('');
    await context.close();
  });

  it('keeps the ruled spaces without JavaScript', async () => {
    const page = await open(`/modules/${worksheet}/`, { javaScriptEnabled: false });
    expect(await page.locator('.module-body .writing-space').count()).toBeGreaterThan(0);
    expect(await page.locator('textarea').count()).toBe(0);
    await page.close();
  });
});

describe('navigation', () => {
  it('marks the page in the course contents, and a module done there once it is done', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/modules/${modules[0]}/`);
    const sidebar = page.locator('nav.sidebar');
    const here = sidebar.locator('a[aria-current="page"]');
    expect(await here.count()).toBe(1);
    expect(await here.getAttribute('href')).toMatch(new RegExp(`/modules/${modules[0]}/$`));
    // Each entry is known by its link; progress.ts adds its badge.
    const item = sidebar.locator(`li:has(> a[href$="/modules/${modules[0]}/"]) .done-badge`);
    expect(await item.isVisible()).toBe(false);
    await page.locator('button.mark-done').first().click();
    expect(await item.isVisible()).toBe(true);
    // On the path's own page too, the path is the current entry and the module stays marked.
    await sidebar.locator('.sidebar-path a').click();
    await page.waitForURL('**/paths/*/');
    expect(await page.locator('nav.sidebar .sidebar-path a').getAttribute('aria-current')).toBe('page');
    expect(await page.locator(`nav.sidebar li:has(> a[href$="/modules/${modules[0]}/"]) .done-badge`).isVisible()).toBe(
      true,
    );
    await context.close();
  });

  it('links every entry of "On this page" to a heading of the page, and keeps it in view on a wide screen', async () => {
    const page = await open(`/modules/${modules[0]}/`, { viewport: { width: 1440, height: 900 } });
    const links = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      expect(href).toMatch(/^#/);
      expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
    }
    expect(await page.locator('nav.toc .panel-toggle').isVisible()).toBe(false);
    await page.locator(`nav.toc a[href="${links.at(-1)}"]`).click();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const box = await page.locator('nav.toc').boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(900);
    await page.close();
  });

  it('folds both panels behind buttons on a phone, without overflow', async () => {
    for (const path of [`/modules/${modules[0]}/`, '/paths/frontline-staff/']) {
      const page = await open(path, { viewport: { width: 320, height: 640 } });
      const toggle = page.locator('nav.sidebar .panel-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('nav.sidebar .sidebar-modules').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('nav.sidebar .sidebar-modules').isVisible()).toBe(true);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
  });

  it('shows both panels open without JavaScript', async () => {
    const page = await open(`/modules/${modules[0]}/`, {
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    expect(await page.locator('nav.sidebar .sidebar-modules').isVisible()).toBe(true);
    expect(await page.locator('nav.toc .panel-body').isVisible()).toBe(true);
    expect(await page.locator('.panel-toggle').first().isVisible()).toBe(false);
    await page.close();
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
    // Results only: each one lists its sections in a nested list of its own.
    expect(await page.locator('#search-results > li').count()).toBe(10);
    await page.locator('#search-more').click();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(Math.min(20, total));
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
