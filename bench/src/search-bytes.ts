import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

/**
 * Bytes the browser downloads for a first search on a built site (Pagefind's script, WASM,
 * index chunks and fragments), measured in Chromium through the site's own search page.
 */
export async function firstSearchBytes(siteDir: string, term: string): Promise<number> {
  const handler = sirv(siteDir, { dev: false, extensions: ['html'] });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.writeHead(404).end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const browser = await chromium.launch({
    executablePath: process.env.FRONTLINE_CHROMIUM ?? '/usr/bin/chromium',
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
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${address.port}/search/`);
    // Bytes on the wire (Pagefind's index and WASM are compressed files already; this
    // server adds no compression to pagefind.js, so the figure is an upper bound).
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes('/pagefind/'))
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await page.fill('#search-input', term);
    await page.press('#search-input', 'Enter');
    await page.locator('#search-status', { hasText: /result/ }).waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  } finally {
    await browser.close();
    server.close();
  }
}
