import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@frontline/chromium';
import { unzipSync } from 'fflate';

const require = createRequire(import.meta.url);
/** scorm-again's browser build (the `require` entry: a script that sets a global constructor). */
const scormAgain = (entry: string) => readFileSync(require.resolve(`scorm-again/${entry}`));
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  css: 'text/css',
  xml: 'application/xml',
  json: 'application/json',
};

/** A route's answer: bytes with a type, or a handler for anything else. */
export type Route = Buffer | Uint8Array | string | ((req: IncomingMessage, res: ServerResponse, body: string) => void);

/**
 * A web server on 127.0.0.1 (a free port) serving fixed routes only: the package's files under
 * `/pkg/`, scorm-again under `/scorm-again/`, plus whatever the test adds. Request bodies are
 * capped at 1 MB; anything else is 404.
 */
export async function serve(zip: Uint8Array, extra: Record<string, Route> = {}) {
  const routes = new Map<string, Route>();
  for (const [path, bytes] of Object.entries(unzipSync(zip))) routes.set(`/pkg/${path}`, Buffer.from(bytes));
  routes.set('/scorm-again/scorm12.min.js', scormAgain('scorm12/min'));
  routes.set('/scorm-again/scorm2004.min.js', scormAgain('scorm2004/min'));
  for (const [path, route] of Object.entries(extra)) routes.set(path, route);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const route = routes.get(url.pathname);
    let body = '';
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) req.destroy();
      else body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (typeof route === 'function') return route(req, res, body);
      if (route === undefined || req.method !== 'GET') {
        res.writeHead(404).end();
        return;
      }
      const type = TYPES[url.pathname.split('.').pop() ?? ''] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type }).end(route);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A host page standing in for the LMS: scorm-again's API on the window, seeded with `seed`
 * (what the LMS kept from an earlier session), every API event reported to the test through
 * `window.lmsEvent` (or only the `only` ones), and the package in an iframe (or, with `popup`, a window it opens).
 */
export function hostPage(
  format: 'scorm12' | 'scorm2004',
  options: { popup?: boolean; src?: string; only?: string[] } = {},
): string {
  const src = options.src ?? '/pkg/index.html';
  const [file, ctor, global, events] =
    format === 'scorm12'
      ? ['scorm12.min.js', 'Scorm12API', 'API', ['LMSInitialize', 'LMSCommit', 'LMSFinish']]
      : ['scorm2004.min.js', 'Scorm2004API', 'API_1484_11', ['Initialize', 'Commit', 'Terminate']];
  const launch = options.popup
    ? `<button type="button" id="open" onclick="window.open('${src}', 'sco')">Open course</button>`
    : `<iframe src="${src}" title="Course" style="width:100%;height:600px"></iframe>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm-again/${file}"></script>
<script>
  var api = new ${ctor}({ logLevel: 5, autocommit: false });
  if (window.lmsSeed) api.loadFromJSON(window.lmsSeed);
  window.${global} = api;
  ${JSON.stringify(options.only ?? events)}.forEach(function (name) {
    api.on(name, function () {
      window.lmsEvent(name, JSON.parse(JSON.stringify(api.cmi)));
    });
  });
</script></head><body>${launch}</body></html>`;
}

/** What the LMS stand-in received: each API event with the CMI data after it. */
export interface LmsLog {
  events: { name: string; cmi: Record<string, unknown> }[];
  last(name: string): Record<string, unknown> | undefined;
  count(name: string): number;
}

/** Records the host page's API events on `page` (call before the host loads). */
export async function recordLms(page: Page, seed?: unknown): Promise<LmsLog> {
  const events: LmsLog['events'] = [];
  await page.exposeFunction('lmsEvent', (name: string, cmi: Record<string, unknown>) => {
    events.push({ name, cmi });
  });
  if (seed !== undefined) await page.addInitScript((value) => Object.assign(window, { lmsSeed: value }), seed);
  return {
    events,
    last: (name) => events.filter((e) => e.name === name).at(-1)?.cmi,
    count: (name) => events.filter((e) => e.name === name).length,
  };
}

/** The package frame of a host page. */
export async function packageFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The package frame did not load.');
  await frame.waitForSelector('#lms-status[data-state]');
  return frame;
}
