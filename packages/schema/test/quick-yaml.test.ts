import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseWithPositions, quickRead } from '../src/parse.ts';
import { lintYamlText } from '../src/yaml-errors.ts';
import { fuzzParams, fuzzTimeout } from './fuzz.ts';

// The quick YAML reading (js-yaml) stands in for the careful one (the yaml package, with
// positions) only when both would give the same data and the careful one no problem at all.
function agrees(yamlText: string): void {
  const quick = quickRead(yamlText);
  if (quick === undefined) return;
  const { doc } = parseWithPositions(yamlText);
  expect(doc.errors.map((e) => e.code)).toEqual([]);
  expect(doc.warnings.map((w) => w.code)).toEqual([]);
  expect(lintYamlText(yamlText)).toEqual([]);
  expect(quick).toEqual(doc.toJS());
}

const frontmatterOf = (text: string) => /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)?.[1];
const courseDir = fileURLToPath(new URL('../../../content/modules/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('the quick YAML reading', () => {
  it('reads every module of the course, and equals the careful reading', () => {
    const files = readdirSync(courseDir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const yaml = frontmatterOf(readFileSync(courseDir + file, 'utf8'));
      expect(yaml, file).toBeDefined();
      // The course is the common case the quick path exists for: it must not fall back.
      expect(quickRead(yaml!), file).toBeDefined();
      agrees(yaml!);
    }
  });

  it('never differs from the careful reading on the rule fixtures', () => {
    const files = readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const yaml = frontmatterOf(readFileSync(fixturesDir + file, 'utf8'));
      if (yaml !== undefined) agrees(yaml);
    }
  });

  it.each([
    ['a duplicate key', 'id: a\nid: b\n'],
    ['an unquoted colon in a value', 'title: Acknowledge: before you fix\n'],
    ['an alias', 'a: &x [1]\nb: *x\n'],
    ['a tab', 'id: a\n\tlevel: foundation\n'],
    ['a second document', 'id: a\n---\nid: b\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a tag', 'updated: !!timestamp 2026-11-01\n'],
  ])('leaves %s to the careful reading', (_name, yaml) => {
    expect(quickRead(yaml)).toBeUndefined();
  });

  // Scalars where YAML 1.1, 1.2 and the two libraries could part ways, and layouts that go wrong.
  const scalar = fc.constantFrom(
    'foundation',
    '60',
    '1_000',
    '0o17',
    '017',
    '0x1F',
    '+12',
    '-.5',
    '1e3',
    '.inf',
    '-.Inf',
    '.NaN',
    '~',
    'null',
    'Null',
    'true',
    'True',
    'TRUE',
    'yes',
    'on',
    'off',
    '2026-11-01',
    '2026-11-01T10:00:00Z',
    '10:30',
    '1:30:00',
    '"10:30"',
    "'it''s'",
    '"a\\tb\\u00e9"',
    '"line\\nbreak"',
    'a # comment',
    'a#b',
    'x: y',
    '"x: y"',
    '[a, b]',
    '[]',
    '{}',
    '{a: 1}',
    '- a',
    '>-\n  folded\n  text',
    '|\n  kept\n  text\n',
    '',
    'a, b',
    'é naïve',
    '-',
    '?',
    ':',
    '50%',
  );
  const key = fc.constantFrom('id', 'title', 'level', 'duration', 'objectives', 'x-y', '"quoted"', '1', 'true', 'id');
  const indent = fc.constantFrom('', ' ', '  ', '   ', '    ');
  const line = fc.oneof(
    fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
    fc.tuple(key, indent, scalar).map(([k, i, v]) => `${k}:\n${i}- ${v}`),
    fc.tuple(key, indent, key, scalar).map(([k, i, k2, v]) => `${k}:\n${i}${k2}: ${v}`),
    fc.tuple(indent, scalar).map(([i, v]) => `${i}- ${v}`),
    fc.tuple(indent, key, scalar).map(([i, k, v]) => `${i}${k}:${v}`),
    fc.constant('# a comment'),
    fc.constant(''),
  );
  const document = fc.array(line, { minLength: 1, maxLength: 8 }).map((ls) => `${ls.join('\n')}\n`);

  // Documents in the ordinary layout the quick path takes, with the same tricky scalars in them.
  const top = fc.constantFrom('id', 'title', 'level', 'duration', 'materials', 'groupSize', 'x_y', 'id');
  const value = fc.oneof(
    scalar.filter((v) => !v.includes('\n')),
    fc.array(scalar, { maxLength: 3 }).map((vs) => `[${vs.join(', ')}]`),
    fc.array(fc.tuple(top, scalar), { maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
  );
  const entry = fc.oneof(
    fc.tuple(top, value).map(([k, v]) => `${k}: ${v}`),
    fc.tuple(top, fc.constantFrom('>-', '>', '|', '|-'), scalar).map(([k, b, v]) => `${k}: ${b}\n  ${v}\n  more text`),
    fc
      .tuple(top, fc.array(value, { minLength: 1, maxLength: 3 }))
      .map(([k, vs]) => [`${k}:`, ...vs.map((v) => `  - ${v}`)].join('\n')),
    fc
      .tuple(top, fc.array(fc.tuple(top, value, top, value), { minLength: 1, maxLength: 3 }))
      .map(([k, items]) => [`${k}:`, ...items.map(([a, x, b, y]) => `  - ${a}: ${x}\n    ${b}: ${y}`)].join('\n')),
    fc.tuple(top, top, value).map(([k, n, v]) => `${k}:\n  ${n}: ${v}`),
  );
  const ordinary = fc.array(entry, { minLength: 1, maxLength: 6 }).map((es) => `${es.join('\n')}\n`);

  it('takes the quick path for a share of documents in the ordinary layout', () => {
    const samples = fc.sample(ordinary, { seed: 20261205, numRuns: 500 });
    const quick = samples.filter((yaml) => quickRead(yaml) !== undefined).length;
    // About one in six at the time of writing: enough that the comparison below is exercised.
    expect(quick).toBeGreaterThan(50);
  });

  test.prop([ordinary], fuzzParams(20261206, 2000))(
    'equals the careful reading on documents in the ordinary layout',
    (yaml) => {
      agrees(yaml);
    },
    fuzzTimeout(60_000),
  );

  test.prop([document], fuzzParams(20261205, 2000))(
    'equals the careful reading wherever it reads at all',
    (yaml) => {
      agrees(yaml);
    },
    fuzzTimeout(60_000),
  );
});
