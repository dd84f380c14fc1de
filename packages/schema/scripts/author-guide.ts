// Writes content/README.md, the author guide: the format reference (FORMAT.md), how to
// preview, and every rule with its example error and fix, generated from the rules'
// fixtures. Run: node packages/schema/scripts/author-guide.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAuthorGuide } from '../test/author-guide-source.ts';

const target = fileURLToPath(new URL('../../../content/README.md', import.meta.url));
const text = buildAuthorGuide();
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('content/README.md is out of date: run `node packages/schema/scripts/author-guide.ts`.');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  console.log(`Wrote ${target}`);
}
