import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { axe, launch, type Browser } from '@frontline/chromium';
import { validateContent } from '@frontline/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerDigest, buildPackage, moduleSource } from '../src/index.ts';
import { renderPage } from '../src/page.ts';
import { hostPage, packageFrame, recordLms, serve } from './browser.ts';
import { answer, answerKey, wrongChoice } from './drive.ts';
import { FIXTURE, tempDir } from './helpers.ts';

const course = validateContent(FIXTURE);
const module = course.modules.find((m) => m.id === 'counter-refunds')!;
const zip = buildPackage(moduleSource(module), 'scorm12', course.corpus);
const key = answerKey(FIXTURE, ['counter-refunds']);

/**
 * A page with `count` checks of 50 options each, all correct, in the markup the adapter gives:
 * each answer takes eleven characters of suspend data, so 400 of them need more than 4,096.
 */
function bigPage(count: number): string {
  const values = Array.from({ length: 50 }, (_, i) => String(i + 1));
  const html = Array.from({ length: count }, (_, i) => {
    const id = `big-q${i + 1}`;
    const options = values
      .map(
        (v) =>
          `<li><input type="checkbox" name="${id}" id="${id}-o${v}" value="${v}"><label for="${id}-o${v}">Option ${v}</label></li>`,
      )
      .join('');
    return `<fieldset hidden class="question" data-question="${id}" data-key="${answerDigest(id, values)}"><legend>${i + 1}. Question</legend><ul class="options">${options}</ul><button type="button" class="check-answer">Check answer</button><p class="feedback" aria-live="polite"></p></fieldset>`;
  }).join('');
  return renderPage({
    config: { format: 'scorm12', id: 'big', mastery: 1 },
    title: 'Big',
    summary: 'A course with very many checks.',
    modules: [{ id: 'big', title: 'Big', summary: '', html, questions: [], terms: [], images: [] }],
    path: false,
    glossary: [],
  });
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  browser = await launch();
  server = await serve(zip, {
    '/host.html': hostPage('scorm12'),
    '/popup.html': hostPage('scorm12', { popup: true }),
    '/big-host.html': hostPage('scorm12', { src: '/pkg/big.html', only: ['LMSFinish'] }),
    '/pkg/big.html': bigPage(400),
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a SCORM 1.2 package under scorm-again', () => {
  test('the fixture has checks to answer', () => {
    expect(key.length).toBe(3);
    for (const [, values] of key) expect(values.length).toBeGreaterThan(0);
  });

  test('records answers and place, commits and terminates on pagehide, resumes on relaunch, reports the result on Finish', async () => {
    // Session 1: one right answer, one wrong, then the learner leaves from the check.
    const first = await browser.newPage();
    const lms = await recordLms(first);
    await first.goto(`${server.base}/host.html`);
    let frame = await packageFrame(first);
    await expect(frame.locator('#lms-status').textContent()).resolves.toBe(
      'Your progress is recorded by your learning system.',
    );
    const [[q1, right1], [q2, right2], [q3, right3]] = key as [
      [string, string[]],
      [string, string[]],
      [string, string[]],
    ];
    await answer(frame, q1, right1);
    await answer(frame, q2, await wrongChoice(frame, q2, right2));
    const place = await frame.locator(`fieldset[data-question="${q1}"]`).evaluate((el) => {
      const section = el.closest('section.segment')!;
      section.scrollIntoView();
      return section.querySelector('h2')!.id;
    });
    await frame.waitForFunction(() => true);
    await first.waitForTimeout(600); // the runtime notes the place 400 ms after scrolling stops
    await first.evaluate(() => document.querySelector('iframe')!.remove()); // unloads the package: pagehide
    await expect.poll(() => lms.count('LMSFinish')).toBe(1);
    const left = lms.last('LMSFinish') as {
      core: { lesson_status: string; lesson_location: string; exit: string; session_time: string };
      suspend_data: string;
      interactions: Record<string, { id: string; type: string; student_response: string; result: string }>;
    };
    expect(lms.count('LMSInitialize')).toBe(1);
    expect(lms.count('LMSCommit')).toBeGreaterThanOrEqual(2);
    expect(left.core.lesson_status).toBe('incomplete');
    expect(left.core.lesson_location).toBe(place);
    expect(left.core.exit).toBe('suspend');
    expect(left.suspend_data).toMatch(/^f1:/);
    const interactions = Object.values(left.interactions).map((i) => [i.id, i.type, i.result]);
    expect(interactions).toEqual([
      [q1, 'choice', 'correct'],
      [q2, 'choice', 'wrong'],
    ]);
    await first.close();

    // Session 2: the LMS relaunches with what it kept; the page resumes, the learner finishes.
    const second = await browser.newPage();
    const lms2 = await recordLms(second, {
      suspend_data: left.suspend_data,
      core: { lesson_location: left.core.lesson_location, lesson_status: 'incomplete', entry: 'resume' },
    });
    await second.goto(`${server.base}/host.html`);
    frame = await packageFrame(second);
    await expect(frame.locator('#lms-status').textContent()).resolves.toContain('You are back where you left off.');
    const restored = await frame
      .locator(`fieldset[data-question="${q1}"] input:checked`)
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).value, (i as HTMLInputElement).disabled]));
    expect(restored).toEqual(right1.map((v) => [v, true]));
    await expect(frame.locator(`fieldset[data-question="${q2}"] .feedback`).textContent()).resolves.toBe(
      'Not correct.',
    );
    // The place is brought into view once the layout has settled (the next frame).
    await expect
      .poll(() =>
        frame.evaluate((id) => {
          const top = document.getElementById(id)!.getBoundingClientRect().top;
          return top >= 0 && top < window.innerHeight;
        }, place),
      )
      .toBe(true);
    await answer(frame, q3, right3);
    await frame.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => lms2.count('LMSFinish')).toBe(1);
    const done = lms2.last('LMSFinish') as {
      core: { lesson_status: string; exit: string; score: { raw: string; min: string; max: string } };
      interactions: Record<string, { id: string; result: string }>;
    };
    expect(done.core.lesson_status).toBe('failed'); // 2 of 3 correct, under the default mastery of 100%
    expect(done.core.score).toMatchObject({ raw: '67', min: '0', max: '100' });
    expect(done.core.exit).toBe('');
    expect(Object.values(done.interactions).map((i) => [i.id, i.result])).toEqual([[q3, 'correct']]);
    await expect(frame.locator('#finish-status').textContent()).resolves.toContain('2 of 3 checks answered correctly');
    // Terminates once: leaving after Finish calls nothing more.
    await second.evaluate(() => document.querySelector('iframe')!.remove());
    await second.waitForTimeout(200);
    expect(lms2.count('LMSFinish')).toBe(1);
    await second.close();
  });

  test('passed when every check is answered correctly', async () => {
    const page = await browser.newPage();
    const lms = await recordLms(page);
    await page.goto(`${server.base}/host.html`);
    const frame = await packageFrame(page);
    for (const [question, values] of key) await answer(frame, question, values);
    await frame.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => lms.count('LMSFinish')).toBe(1);
    const done = lms.last('LMSFinish') as {
      core: { lesson_status: string; score: { raw: string } };
      interactions: Record<string, { result: string; student_response: string }>;
    };
    expect(done.core.lesson_status).toBe('passed');
    expect(done.core.score.raw).toBe('100');
    expect(Object.values(done.interactions).map((i) => i.result)).toEqual(['correct', 'correct', 'correct']);
    // Responses are option letters; the multiple-answer question reports both, comma-separated.
    expect(Object.values(done.interactions).map((i) => i.student_response)).toEqual(
      key.map(([, values]) => values.map((v) => String.fromCharCode(96 + Number(v))).join(',')),
    );
    await page.close();
  });

  test("uses the LMS's mastery score when it gives one", async () => {
    const page = await browser.newPage();
    const lms = await recordLms(page, { student_data: { mastery_score: '60' } });
    await page.goto(`${server.base}/host.html`);
    const frame = await packageFrame(page);
    const [[q1, right1], [q2, right2], [q3, right3]] = key as [
      [string, string[]],
      [string, string[]],
      [string, string[]],
    ];
    await answer(frame, q1, right1);
    await answer(frame, q2, right2);
    await answer(frame, q3, await wrongChoice(frame, q3, right3));
    await frame.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => lms.count('LMSFinish')).toBe(1);
    expect((lms.last('LMSFinish') as { core: { lesson_status: string } }).core.lesson_status).toBe('passed');
    await page.close();
  });

  test('finds the API in the window that opened it', async () => {
    const page = await browser.newPage();
    const lms = await recordLms(page);
    await page.goto(`${server.base}/popup.html`);
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open course' }).click(),
    ]);
    await popup.waitForSelector('#lms-status[data-state="online"]');
    expect(lms.count('LMSInitialize')).toBe(1);
    await popup.close({ runBeforeUnload: true });
    await expect.poll(() => lms.count('LMSFinish')).toBe(1);
    await page.close();
  });

  test('opened on its own, it works as a plain page and says progress is not recorded; axe finds nothing in light or dark', async () => {
    const dir = tempDir('plain');
    for (const [path, bytes] of Object.entries(unzipSync(zip))) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await page.waitForSelector('#lms-status[data-state="offline"]');
      await expect(page.locator('#lms-status').textContent()).resolves.toMatch(/^Progress is not recorded/);
      for (const [question, values] of key) await answer(page, question, values);
      await page.getByRole('button', { name: 'Finish' }).click();
      await expect(page.locator('#finish-status').textContent()).resolves.toBe(
        '3 of 3 checks answered correctly (100%): passed. Progress is not recorded.',
      );
      // No script error and nothing the page's policy blocked (before axe, whose own reads it blocks).
      expect(errors).toEqual([]);
      expect(await axe(page)).toEqual([]);
      await page.close();
    }
  });

  test('suspend_data stays under 4,096 characters when the answers would need more', async () => {
    const page = await browser.newPage();
    const lms = await recordLms(page);
    await page.goto(`${server.base}/big-host.html`);
    const frame = await packageFrame(page);
    // Every option ticked and every "Check answer" pressed in the page itself (for speed).
    await frame.evaluate(() => {
      for (const fieldset of document.querySelectorAll('fieldset.question')) {
        for (const input of fieldset.querySelectorAll('input')) input.checked = true;
        fieldset.querySelector<HTMLButtonElement>('button.check-answer')!.click();
      }
    });
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => lms.count('LMSFinish')).toBe(1);
    const left = lms.last('LMSFinish') as { suspend_data: string; interactions: Record<string, unknown> };
    expect(Object.keys(left.interactions).length).toBe(400);
    expect(left.suspend_data.length).toBeLessThanOrEqual(4096);
    expect(left.suspend_data.length).toBeGreaterThan(4000); // as many answers as fit, not none
    await page.close();
  });

  test('the page carries no answer key, reason, facilitator note or role brief', () => {
    const page = strFromU8(unzipSync(zip)['index.html']!);
    for (const secret of [
      'LMS-REASON',
      'LMS-FACILITATOR',
      'LMS-DEBRIEF',
      'LMS-ROLE-BRIEF',
      'data-correct',
      'Show the answer',
    ])
      expect(page).not.toContain(secret);
    // ...while the learner content is there.
    expect(page).toContain('Which records can find a purchase?');
    expect(page).toContain('The clerk said what they could do first.');
  });
});
