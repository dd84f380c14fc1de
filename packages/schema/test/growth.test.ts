import { describe, expect, it } from 'vitest';
import { buildCorpus, formatJson, MAX_CAUSES, validateCorpus, type SourceText } from '../src/index.ts';
import { rule as cycleRule } from '../src/rules/no-prerequisite-cycle.ts';
import { rule as uniqueRule } from '../src/rules/unique-ids.ts';

// Work that grows with the course stays linear, and output stays bounded: a long prerequisite
// loop and thousands of modules sharing one id (these took minutes and gigabytes before).
const moduleText = (id: string, prerequisites: string[]) =>
  `---\nid: ${id}\nprerequisites: [${prerequisites.join(', ')}]\n---\n\nBody.\n`;

const source = (name: string, id: string, prerequisites: string[] = []): SourceText => ({
  file: `modules/${name}.md`,
  name,
  text: moduleText(id, prerequisites),
});

const run = (modules: SourceText[], rules = [cycleRule, uniqueRule]) => {
  const started = performance.now();
  const all = validateCorpus(buildCorpus({ root: '/x', modules }), { rules }).diagnostics;
  // The bare modules miss every other frontmatter key: only the rules under test are looked at.
  const diagnostics = all.filter((d) => rules.some((r) => r.id === d.ruleId));
  return { diagnostics, seconds: (performance.now() - started) / 1000 };
};

describe('no-prerequisite-cycle', () => {
  it('reports a 5000-module loop once per module, each naming a few modules and counting the rest', () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `m${i}`);
    const { diagnostics, seconds } = run(
      ids.map((id, i) => source(id, id, [ids[(i + 1) % n]!])),
      [cycleRule],
    );
    expect(diagnostics).toHaveLength(n);
    const first = diagnostics.find((d) => d.file === 'modules/m0.md');
    expect(first?.message).toBe(
      'Unexpected prerequisite loop `m0` → `m1` → `m2` → `m3` → `m4` → … 4995 more … → `m0`, expected no module to depend on itself',
    );
    expect(Math.max(...diagnostics.map((d) => d.message.length))).toBeLessThan(200);
    expect(seconds).toBeLessThan(20);
  });

  it('names the loop of a short cycle in full, from each of its modules, and leaves a chain alone', () => {
    const { diagnostics } = run([
      source('a', 'a', ['b']),
      source('b', 'b', ['c']),
      source('c', 'c', ['a']),
      source('d', 'd', ['a']),
      source('e', 'e', ['e']),
    ]);
    expect(diagnostics.map((d) => `${d.file} ${d.message.split(',')[0]}`)).toEqual([
      'modules/a.md Unexpected prerequisite loop `a` → `b` → `c` → `a`',
      'modules/b.md Unexpected prerequisite loop `b` → `c` → `a` → `b`',
      'modules/c.md Unexpected prerequisite loop `c` → `a` → `b` → `c`',
      'modules/e.md Unexpected prerequisite loop `e` → `e`',
    ]);
  });

  it('tells a module on a branch of a tangle which prerequisite leads back to it', () => {
    // a → b → a and a → c → a: one loop is traced (a, c); b loops through a without being on it.
    const { diagnostics } = run([source('a', 'a', ['b', 'c']), source('b', 'b', ['a']), source('c', 'c', ['a'])]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'modules/a.md:3:20 Unexpected prerequisite loop `a` → `c` → `a`, expected no module to depend on itself',
      'modules/b.md:3:17 Unexpected prerequisite `a`, which leads back to `b` through other prerequisites, expected no module to depend on itself',
      'modules/c.md:3:17 Unexpected prerequisite loop `c` → `a` → `c`, expected no module to depend on itself',
    ]);
  });
});

describe('unique-ids', () => {
  it('lists a few of 2000 duplicates as causes and counts the rest', () => {
    const n = 2000;
    const { diagnostics, seconds } = run(
      Array.from({ length: n }, (_, i) => source(`copy-${i}`, 'same')),
      [uniqueRule],
    );
    expect(diagnostics).toHaveLength(n);
    for (const d of diagnostics) expect(d.causes).toHaveLength(MAX_CAUSES + 1);
    const first = diagnostics.find((d) => d.file === 'modules/copy-0.md')!;
    expect(first.causes!.map((c) => `${c.file}:${c.line}:${c.column} ${c.message}`)).toEqual([
      'modules/copy-1.md:2:5 same id here',
      'modules/copy-2.md:2:5 same id here',
      'modules/copy-3.md:2:5 same id here',
      'modules/copy-4.md:2:5 and 1996 more',
    ]);
    // About 1 KB a diagnostic, not 2000 causes each.
    expect(formatJson(diagnostics, n).length).toBeLessThan(n * 1500);
    expect(seconds).toBeLessThan(20);
  });
});
