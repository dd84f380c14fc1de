import { axe, launch, type Browser } from '@frontline/chromium';
import { validateContent } from '@frontline/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackage, pathSource } from '../src/index.ts';
import { hostPage, packageFrame, recordLms, serve } from './browser.ts';
import { answer, answerKey, wrongChoice } from './drive.ts';
import { FIXTURE } from './helpers.ts';

// A path package: both fixture modules on one page, reported as one.
const course = validateContent(FIXTURE);
const path = course.corpus.paths.find((p) => p.id === 'returns-desk')!;
const modules = path.modules.map((id) => course.modules.find((m) => m.id === id)!);
const zip = buildPackage(pathSource(path, modules), 'scorm2004', course.corpus);
const key = answerKey(FIXTURE, path.modules);

interface Cmi2004 {
  completion_status: string;
  success_status: string;
  location: string;
  exit: string;
  suspend_data: string;
  score: { scaled: string; raw: string; min: string; max: string };
  interactions: Record<
    string,
    { id: string; type: string; learner_response: string; result: string; timestamp: string }
  >;
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  browser = await launch();
  server = await serve(zip, { '/host.html': hostPage('scorm2004') });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a SCORM 2004 path package under scorm-again', () => {
  test('holds the checks of both modules, in path order', () => {
    expect(key.map(([id]) => id.replace(/-q\d+$/, ''))).toEqual([
      'counter-refunds',
      'counter-refunds',
      'counter-refunds',
      'closing-the-till',
      'closing-the-till',
      'closing-the-till',
    ]);
  });

  test('records, suspends on pagehide, resumes, and reports completion, success and a scaled score on Finish', async () => {
    const first = await browser.newPage();
    const lms = await recordLms(first);
    await first.goto(`${server.base}/host.html`);
    let frame = await packageFrame(first);
    await expect(frame.locator('#lms-status').getAttribute('data-state')).resolves.toBe('online');
    const [head, ...rest] = key as [[string, string[]], ...[string, string[]][]];
    await answer(frame, head[0], await wrongChoice(frame, head[0], head[1]));
    const place = await frame.evaluate(() => {
      const heading = document.getElementById('module-closing-the-till-title')!;
      heading.scrollIntoView();
      return heading.id;
    });
    await first.waitForTimeout(600);
    await first.evaluate(() => document.querySelector('iframe')!.remove());
    await expect.poll(() => lms.count('Terminate')).toBe(1);
    const left = lms.last('Terminate') as unknown as Cmi2004;
    expect(left.completion_status).toBe('incomplete');
    expect(left.exit).toBe('suspend');
    expect(left.location).toBe(place);
    expect(Object.values(left.interactions).map((i) => [i.id, i.type, i.result])).toEqual([
      [head[0], 'choice', 'incorrect'],
    ]);
    expect(Object.values(left.interactions)[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    await first.close();

    const second = await browser.newPage();
    const lms2 = await recordLms(second, {
      suspend_data: left.suspend_data,
      location: left.location,
      completion_status: 'incomplete',
      entry: 'resume',
    });
    await second.goto(`${server.base}/host.html`);
    frame = await packageFrame(second);
    await expect(frame.locator('#lms-status').textContent()).resolves.toContain('back where you left off');
    await expect(frame.locator(`fieldset[data-question="${head[0]}"] .feedback`).textContent()).resolves.toBe(
      'Not correct.',
    );
    for (const [question, values] of rest) await answer(frame, question, values);
    await frame.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => lms2.count('Terminate')).toBe(1);
    const done = lms2.last('Terminate') as unknown as Cmi2004;
    expect(done.completion_status).toBe('completed');
    expect(done.success_status).toBe('failed'); // 5 of 6
    expect(done.score).toEqual({ scaled: '0.83', raw: '83', min: '0', max: '100' });
    expect(done.exit).toBe('normal');
    // The multiple-answer question's response lists both options.
    const responses = Object.values(done.interactions).map((i) => i.learner_response);
    expect(responses).toContain('a[,]b');
    await second.close();
  });

  test("passes at the LMS's scaled passing score", async () => {
    const page = await browser.newPage();
    const lms = await recordLms(page, { scaled_passing_score: '0.8' });
    await page.goto(`${server.base}/host.html`);
    const frame = await packageFrame(page);
    const [head, ...rest] = key as [[string, string[]], ...[string, string[]][]];
    await answer(frame, head[0], await wrongChoice(frame, head[0], head[1]));
    for (const [question, values] of rest) await answer(frame, question, values);
    await frame.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => lms.count('Terminate')).toBe(1);
    expect((lms.last('Terminate') as unknown as Cmi2004).success_status).toBe('passed');
    await page.close();
  });

  test('the path page is accessible in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      await recordLms(page);
      await page.goto(`${server.base}/host.html`);
      expect(await axe(await packageFrame(page))).toEqual([]);
      await page.close();
    }
  });
});
