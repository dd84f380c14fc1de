import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';

/**
 * Bytes the browser downloads for a first search on a built site (Pagefind's script, WASM,
 * index chunks and fragments), measured in Chromium through the site's own search page.
 */
export async function firstSearchBytes(siteDir: string, term: string): Promise<number> {
  const handler = sirv(siteDir, { dev: false, extensions: ['html'] });
  // Like common static hosts, compress text files (JavaScript, JSON) on the way out;
  // Pagefind's own index and WASM files are already compressed and pass through as they are.
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (/\.(js|json|css)$/.test(path) && existsSync(join(siteDir, path))) {
      const body = gzipSync(readFileSync(join(siteDir, path)));
      res.writeHead(200, {
        'content-type': path.endsWith('.css')
          ? 'text/css'
          : path.endsWith('.json')
            ? 'application/json'
            : 'text/javascript',
        'content-encoding': 'gzip',
      });
      res.end(body);
      return;
    }
    handler(req, res, () => {
      res.writeHead(404).end();
    });
  });
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
    // Bytes on the wire: compressed JavaScript, Pagefind's (already compressed) WASM, index
    // chunks and the fragments of the first page of results.
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
