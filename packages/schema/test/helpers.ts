import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { validateContent, type Diagnostic } from '../src/index.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const made: string[] = [];
// Registered in each test file that imports these helpers: its temporary courses go when it ends.
// (The author-guide script imports these helpers outside a test run: nothing to register there.)
if (process.env.VITEST)
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

/** A temporary content folder: the shared fixture corpus plus the given module files (removed after the test file). */
export function makeCorpus(modules: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-fixture-'));
  made.push(dir);
  cpSync(join(FIXTURES, '_corpus'), dir, { recursive: true });
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(dir, 'modules', `${name}.md`), text);
  return dir;
}

/** Validates one module text as `modules/fixture.md` in the fixture corpus. */
export function validateText(text: string, name = 'fixture'): Diagnostic[] {
  const dir = makeCorpus({ [name]: text });
  return validateContent(dir, { cwd: dir, only: [join(dir, 'modules', `${name}.md`)] }).diagnostics;
}

/** One line per diagnostic: place, rule and message (the shape pinned in fixtures). */
export function describe(d: Diagnostic): string {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId} ${d.message}${d.hint ? ` | hint: ${d.hint.replaceAll('\n', ' / ')}` : ''}`;
}
