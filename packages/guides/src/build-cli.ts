// `pnpm --filter @frontline/guides build`: every guide and handout into packages/guides/dist.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGuides } from './build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const content = resolve(root, process.env.FRONTLINE_CONTENT ?? 'content');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const result = await buildGuides({ content, out, log: (line) => console.log(line) });
if (result.errors > 0) {
  console.error(`${result.errors} module(s) have errors and were skipped: run \`pnpm frontline validate\`.`);
  process.exitCode = 1;
}
