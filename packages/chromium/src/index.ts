/**
 * Chromium for the browser tests: one launch with the machine's flags, one watch on what a page
 * reports, one axe run. A missing browser is a failure, never a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium, or FRONTLINE_CHROMIUM. */
export const CHROMIUM = process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (containers), and nothing that talks to the network on its own. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium) or set FRONTLINE_CHROMIUM.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** What a page reported while it was watched. */
export interface PageLog {
  /** Content Security Policy violations. */
  violations: string[];
  /** Console errors, uncaught exceptions, and responses of 400 or more (with their address). */
  errors: string[];
}

/** Collects CSP violations, console errors, page errors and failed responses on a page. */
export function watch(page: Page): PageLog {
  const log: PageLog = { violations: [], errors: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) log.violations.push(text);
    // A failed load is reported with its address by the response handler below.
    else if (!/Failed to load resource/.test(text)) log.errors.push(text);
  });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) log.errors.push(`${response.status()} ${response.url()}`);
  });
  return log;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** axe-core's WCAG 2.x A and AA violations (2.2 included) on a page or a frame, one line each. */
export async function axe(target: Page | Frame): Promise<string[]> {
  // evaluate() runs outside the page's Content Security Policy, which rightly blocks injected scripts.
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const engine = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } })
      .axe;
    const result = await engine.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

export type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
