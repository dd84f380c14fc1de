import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { validateContent } from '../src/index.ts';

const content = fileURLToPath(new URL('../../../content/', import.meta.url));

// The dev server reads the course again on every save: files whose text is unchanged are
// taken from the last read, and every rule still runs over the whole course.
it('parses again only the files whose text changed, and reports as a fresh read does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-reuse-'));
  cpSync(content, dir, { recursive: true });
  const first = validateContent(dir, { cwd: dir });
  expect(first.diagnostics).toEqual([]);
  const edited = 'modules/emotional-labour.md';
  const target = 'modules/unwinnable-contacts.md';
  // Break a link into another module: a cross-module rule must see it, though the target is reused.
  writeFileSync(
    join(dir, edited),
    `${readFileSync(join(dir, edited), 'utf8')}\nSee [the close](../modules/unwinnable-contacts.md#no-such-part).\n`,
  );
  const again = validateContent(dir, { cwd: dir, reuse: first.corpus.modules });
  const fresh = validateContent(dir, { cwd: dir });
  const byFile = (r: typeof first) => new Map(r.corpus.modules.map((m) => [m.file, m]));
  expect(byFile(again).get(target)).toBe(byFile(first).get(target));
  expect(byFile(again).get(edited)).not.toBe(byFile(first).get(edited));
  expect(again.diagnostics.length).toBeGreaterThan(0);
  expect(again.diagnostics).toEqual(fresh.diagnostics);
});
