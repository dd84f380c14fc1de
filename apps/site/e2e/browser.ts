import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, or FRONTLINE_CHROMIUM. A missing browser is a failure, never a skip. */
export const CHROMIUM = process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: apt-get install chromium) or set FRONTLINE_CHROMIUM.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects CSP violations and console errors on a page. */
export function watch(page: Page): { violations: string[]; errors: string[] } {
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) violations.push(text);
      else if (!/Failed to load resource/.test(text)) errors.push(text); // reported with its URL below
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return { violations, errors };
}
