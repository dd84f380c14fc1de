// `pnpm --filter @frontline/guides build`: every guide and handout into packages/guides/dist.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeAuthorText } from '@frontline/schema';
import { buildGuides } from './build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const content = resolve(root, process.env.FRONTLINE_CONTENT ?? 'content');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const result = await buildGuides({ content, out, log: (line) => console.log(line) });
if (result.skipped.length > 0) {
  // The reasons hold module ids: escaped like every other author text printed to a log.
  for (const { file, reason } of result.skipped)
    console.error(escapeAuthorText(`not written: ${relative(out, file)}: ${reason}`));
  console.error(`${result.skipped.length} document(s) not written: run \`pnpm frontline validate\`.`);
  process.exitCode = 1;
}
if (result.faults.length > 0) {
  console.error(escapeAuthorText(`content errors in ${result.faults.join(', ')}: run \`pnpm frontline validate\`.`));
  process.exitCode = 1;
}
