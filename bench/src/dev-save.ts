import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * What an author feels in `pnpm dev`: save a module, and how long until the open page in
 * Chromium shows the change. Starts Astro's dev server on `content` (a copy: the bench writes
 * into it), opens the first module's page, then, `saves` times, appends a sentence to the module
 * file and times from the write until the sentence is on the page. Milliseconds, one per save.
 */
export async function devSaveTimes(site: string, content: string, saves: number): Promise<number[]> {
  const file = readdirSync(join(content, 'modules'))
    .filter((f) => f.endsWith('.md'))
    .sort()[0];
  if (!file) throw new Error(`No modules in ${content}/modules.`);
  const id = file.slice(0, -3);
  const server = spawn(
    process.execPath,
    [join(site, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: site,
      env: { ...process.env, FRONTLINE_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const address = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (found) resolve(found[0]);
    };
    server.stdout.on('data', look);
    server.stderr.on('data', look);
    server.once('exit', (code) => reject(new Error(`astro dev exited (${code}) before serving:\n${output}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const base = await address;
    const page = await browser.newPage();
    // The first request renders the page (and reads the course); wait for it before timing.
    await page.goto(`${base}modules/${id}/`, { waitUntil: 'load', timeout: 300_000 });
    const times: number[] = [];
    for (let save = 1; save <= saves; save++) {
      const sentence = `Saved by the bench, edit ${save} at ${Date.now()}.`;
      const started = performance.now();
      appendFileSync(join(content, 'modules', file), `\n${sentence}\n`);
      // Astro reloads the page when the content store changes; the sentence then shows.
      await page.waitForFunction(
        // Runs in the page: the body's text, without DOM types in this Node package.
        (text) =>
          (globalThis as unknown as { document: { body?: { innerText: string } } }).document.body?.innerText.includes(
            text,
          ),
        sentence,
        {
          timeout: 60_000,
          polling: 20,
        },
      );
      times.push(performance.now() - started);
      // Let the dev server settle before the next save.
      await page.waitForTimeout(500);
    }
    return times;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}
