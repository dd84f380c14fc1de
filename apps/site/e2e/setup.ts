import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Serves the built site on a free localhost port for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${dist}index.html`) || !existsSync(`${dist}pagefind/pagefind.js`))
    throw new Error(`No built site in ${dist}: run \`pnpm build\` before the browser tests.`);
  // sirv: a small, well-kept static file server (correct MIME types for .wasm and .pf_* files).
  const handler = sirv(dist, { dev: false, etag: true, extensions: ['html'] });
  const notFound = readFileSync(`${dist}404.html`, 'utf8');
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Could not start the test server.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
