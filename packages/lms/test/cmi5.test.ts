import type { IncomingMessage, ServerResponse } from 'node:http';
import { axe, launch, type Browser } from '@frontline/chromium';
import { validateContent } from '@frontline/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPackage, cmi5Iri, moduleSource } from '../src/index.ts';
import { serve } from './browser.ts';
import { answer, answerKey, wrongChoice } from './drive.ts';
import { FIXTURE } from './helpers.ts';

const course = validateContent(FIXTURE);
const module = course.modules.find((m) => m.id === 'counter-refunds')!;
const zip = buildPackage(moduleSource(module), 'cmi5', course.corpus);
const key = answerKey(FIXTURE, ['counter-refunds']);

const TOKEN = 'ZnJvbnRsaW5lOnRlc3Q=';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const activityId = cmi5Iri('counter-refunds', 'au');
const actor = { objectType: 'Agent', name: 'Learner', account: { homePage: 'http://lms.test', name: 'learner-1' } };
const registration = 'a3c8e2a4-5d1e-4f0b-9a51-2f9d0f1e7c11';

interface Statement {
  verb: { id: string };
  object: { id: string };
  context: {
    registration: string;
    extensions: Record<string, unknown>;
    contextActivities: { category?: { id: string }[] };
  };
  result?: { success?: boolean; completion?: boolean; response?: string; score?: { scaled: number } };
}

/**
 * A cmi5 LMS and LRS stand-in on loopback: a one-use token from the fetch URL, the launch data
 * document, activity state, and statements, each request checked for the token. Launch data
 * sets no mastery score unless a test does.
 */
const lrs = {
  statements: [] as Statement[],
  state: new Map<string, string>(),
  launchData: {} as Record<string, unknown>,
  unauthorised: 0,
  tokens: 0,
};
const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
const authorised = (req: IncomingMessage) => {
  const ok = req.headers.authorization === `Basic ${TOKEN}` && req.headers['x-experience-api-version'] === '1.0.3';
  if (!ok) lrs.unauthorised += 1;
  return ok;
};

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  browser = await launch();
  server = await serve(zip, {
    '/cmi5/fetch': (req, res) => {
      lrs.tokens += 1;
      sendJson(res, req.method === 'POST' ? 200 : 405, { 'auth-token': TOKEN });
    },
    '/xapi/activities/state': (req, res, body) => {
      if (!authorised(req)) return sendJson(res, 401, {});
      const url = new URL(req.url ?? '', 'http://127.0.0.1');
      const stateId = url.searchParams.get('stateId') ?? '';
      expect(url.searchParams.get('activityId')).toBe(activityId);
      expect(url.searchParams.get('registration')).toBe(registration);
      if (stateId === 'LMS.LaunchData') return sendJson(res, 200, lrs.launchData);
      if (req.method === 'PUT') {
        lrs.state.set(stateId, body);
        return res.writeHead(204).end();
      }
      const saved = lrs.state.get(stateId);
      return saved === undefined ? res.writeHead(404).end() : sendJson(res, 200, JSON.parse(saved));
    },
    '/xapi/statements': (req, res, body) => {
      if (!authorised(req) || req.method !== 'POST') return sendJson(res, 401, {});
      lrs.statements.push(JSON.parse(body) as Statement);
      sendJson(res, 200, ['ok']);
    },
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function launchUrl(): string {
  const params = new URLSearchParams({
    endpoint: `${server.base}/xapi/`,
    fetch: `${server.base}/cmi5/fetch`,
    actor: JSON.stringify(actor),
    registration,
    activityId,
  });
  return `${server.base}/pkg/index.html?${params}`;
}

function reset(launchData: Record<string, unknown>) {
  lrs.statements.length = 0;
  lrs.state.clear();
  lrs.unauthorised = 0;
  lrs.launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ id: cmi5Iri('counter-refunds', 'course') }] },
      extensions: { [SESSION]: 'session-1' },
    },
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    returnURL: `${server.base}/returned`,
    ...launchData,
  };
}

const verbs = () => lrs.statements.map((s) => s.verb.id.replace('http://adlnet.gov/expapi/verbs/', ''));

describe('a cmi5 package under a loopback LRS', () => {
  test('sends initialized, answered, passed, completed and terminated, in order; keeps and resumes state', async () => {
    reset({});
    const page = await browser.newPage();
    await page.goto(launchUrl());
    await page.waitForSelector('#lms-status[data-state="online"]');
    const [[q1, right1], ...rest] = key as [[string, string[]], ...[string, string[]][]];
    await answer(page, q1, right1);
    await expect.poll(() => verbs()).toEqual(['initialized', 'answered']);
    // Leave: the page saves its state and terminates.
    await page.goto('about:blank');
    await expect.poll(() => verbs()).toEqual(['initialized', 'answered', 'terminated']);
    const saved = JSON.parse(lrs.state.get('frontline.progress') ?? '{}') as { suspend?: string };
    expect(saved.suspend).toMatch(/^f1:/);

    // Relaunch: the answer is back; answer the rest and finish.
    await page.goto(launchUrl());
    await page.waitForSelector('#lms-status[data-state="online"]');
    await expect(page.locator(`fieldset[data-question="${q1}"] .feedback`).textContent()).resolves.toBe('Correct.');
    for (const [question, values] of rest) await answer(page, question, values);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .poll(() => verbs().slice(3))
      .toEqual(['initialized', 'answered', 'answered', 'passed', 'completed', 'terminated']);
    const passed = lrs.statements.find((s) => s.verb.id.endsWith('/passed'))!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(passed.object.id).toBe(activityId);
    expect(passed.context.registration).toBe(registration);
    expect(passed.context.extensions[SESSION]).toBe('session-1');
    expect(passed.context.contextActivities.category?.map((c) => c.id)).toContain(
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    );
    const answered = lrs.statements.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered.map((s) => s.result?.success)).toEqual([true, true, true]);
    expect(answered.map((s) => s.object.id)).toEqual(key.map(([id]) => `${activityId}/interactions/${id}`));
    expect(lrs.unauthorised).toBe(0);
    await expect(page.getByRole('link', { name: 'Return to your learning system' }).getAttribute('href')).resolves.toBe(
      `${server.base}/returned`,
    );
    await page.close();
  });

  test("fails under the launch data's mastery score, and says so", async () => {
    reset({ masteryScore: 0.9 });
    const page = await browser.newPage();
    await page.goto(launchUrl());
    await page.waitForSelector('#lms-status[data-state="online"]');
    const [[q1, right1], ...rest] = key as [[string, string[]], ...[string, string[]][]];
    await answer(page, q1, await wrongChoice(page, q1, right1));
    for (const [question, values] of rest) await answer(page, question, values);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => verbs()).toContain('terminated');
    const failed = lrs.statements.find((s) => s.verb.id.endsWith('/failed'));
    expect(failed?.result).toMatchObject({ success: false, score: { scaled: 0.67 } });
    expect(failed?.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.9);
    expect(verbs()).not.toContain('passed');
    await page.close();
  });

  test('in Browse mode it records nothing but initialized and terminated', async () => {
    reset({ launchMode: 'Browse' });
    const page = await browser.newPage();
    await page.goto(launchUrl());
    await page.waitForSelector('#lms-status[data-state="online"]');
    await expect(page.locator('#lms-status').textContent()).resolves.toContain(
      'Browse mode: your answers are not recorded',
    );
    for (const [question, values] of key) await answer(page, question, values);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => verbs()).toEqual(['initialized', 'terminated']);
    await expect(page.locator('#finish-status').textContent()).resolves.toContain('not recorded (Browse mode)');
    await page.close();
  });

  test('without launch parameters it is a plain page that says progress is not recorded; axe finds nothing', async () => {
    reset({});
    const page = await browser.newPage();
    await page.goto(`${server.base}/pkg/index.html`);
    await page.waitForSelector('#lms-status[data-state="offline"]');
    await expect(page.locator('#lms-status').textContent()).resolves.toMatch(/^Progress is not recorded/);
    expect(await axe(page)).toEqual([]);
    expect(lrs.statements).toEqual([]);
    await page.close();
  });
});
