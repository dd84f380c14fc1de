import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseDocument } from 'yaml';
import { buildCorpus, FrontmatterSchema, validateCorpus } from '../src/index.ts';
import { fuzzParams, fuzzTimeout } from './fuzz.ts';

// Real modules of the course, mutated as an author's slip would (a line deleted, duplicated or
// re-indented; a tab, a colon, a hash or non-Latin text typed in): validation never throws,
// every diagnostic lies inside the file, and a file whose frontmatter an independent reading
// (yaml + the schema) finds broken is never reported clean. Fixed seed, 1000 runs (`pnpm fuzz`: more).
const params = fuzzParams(20261204);
const dir = fileURLToPath(new URL('../../../content/modules/', import.meta.url));
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ name: f.slice(0, -3), text: readFileSync(join(dir, f), 'utf8') }));

const INSERTS = [
  '\t',
  ':',
  ': ',
  ' #',
  '#1',
  '-',
  '  ',
  'é',
  '客服',
  '🙂',
  '\u202e',
  '"',
  "'",
  '[',
  '{',
  ':::',
  '\u00a0',
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 5 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    column: fc.nat(),
    text: fc.constantFrom(...INSERTS),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Mutations mostly land in the frontmatter, where one character changes the most. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const fmEnd = lines.indexOf('---', 1);
  const at = m.at % 3 === 0 ? m.at % lines.length : 1 + (m.at % Math.max(1, fmEnd));
  const line = lines[at] ?? '';
  if (m.kind === 'delete') lines.splice(at, 1);
  else if (m.kind === 'duplicate') lines.splice(at, 0, line);
  else if (m.kind === 'indent')
    lines[at] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
  else {
    const column = m.column % (line.length + 1);
    lines[at] = line.slice(0, column) + m.text + line.slice(column);
  }
  return lines.join('\n');
}

/** Does an independent reading of the frontmatter (yaml, then the schema) find it broken? */
function frontmatterBroken(text: string): boolean {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!match) return true;
  const doc = parseDocument(match[1]!, { uniqueKeys: true, strict: true });
  if (doc.errors.length) return true;
  return !FrontmatterSchema.safeParse(doc.toJS()).success;
}

const inside = (text: string, line: number, column: number) => {
  const lines = text.split('\n');
  return line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1]?.length ?? 0) + 1;
};

describe('mutated real modules', () => {
  test.prop([fc.constantFrom(...modules), mutation], params)(
    'never throw, stay inside the file, and are never clean when broken',
    ({ name, text }, m) => {
      const mutated = mutate(text, m);
      const file = `modules/${name}.md`;
      const corpus = buildCorpus({ root: '/nowhere', modules: [{ file, name, text: mutated }] });
      const diagnostics = validateCorpus(corpus).diagnostics;
      for (const d of diagnostics) {
        expect(d.ruleId).not.toBe('internal-error');
        expect(inside(mutated, d.line, d.column), `${d.ruleId} at ${d.line}:${d.column}`).toBe(true);
        expect(inside(mutated, d.endLine, d.endColumn), `${d.ruleId} ends at ${d.endLine}:${d.endColumn}`).toBe(true);
        for (const c of d.causes ?? []) if (c.file === file) expect(inside(mutated, c.line, c.column)).toBe(true);
      }
      if (frontmatterBroken(mutated))
        expect(
          diagnostics.filter((d) => d.severity === 'error').length,
          'a broken frontmatter is reported',
        ).toBeGreaterThan(0);
    },
    fuzzTimeout(180_000),
  );
});
