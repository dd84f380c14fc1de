import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildCorpus, parseFile, validateCorpus } from '../src/index.ts';
import { fuzzParams, fuzzTimeout } from './fuzz.ts';

// Fixed seed so CI runs the same cases every time; 1000 runs per property (`pnpm fuzz`: many more).
const params = fuzzParams(20261122);

/** Validates one text as a module in an otherwise empty corpus. */
function validate(text: string) {
  const corpus = buildCorpus({ root: '/nowhere', modules: [{ file: 'modules/m.md', name: 'm', text }] });
  return validateCorpus(corpus).diagnostics;
}

/** Lines in a text, and each line's length, for checking reported places. */
function shape(text: string) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split('\n').map((l) => l.length);
}

function inside(text: string, line: number, column: number) {
  const lines = shape(text);
  return line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1] ?? 0) + 1;
}

// Text that looks like modules: fences, YAML keys, directives, lists and noise.
const token = fc.constantFrom(
  '---',
  '\n',
  '\r\n',
  '\t',
  ' ',
  ':',
  '::',
  ':::',
  '::::',
  '- ',
  '- [x] ',
  '- [ ] ',
  '#',
  '## ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  'id: m',
  'duration: 30',
  'audience: [frontline]',
  'objectives:',
  '  - id: a',
  '    text: Do a thing well.',
  '::segment[Open]{minutes=10 method=discussion}',
  ':::check',
  '::question[Q?]{objective=a}',
  'Reason: because',
  ':::facilitator',
  ':::',
  '::::roleplay[R]{minutes=5}',
  ':::role[A]',
  ':term[x]',
  '<script>',
  '<b>',
  '[here](javascript:x)',
  '![](x.png)',
  'TODO',
  '10:30',
  '\uFEFF',
  'é',
  '😀',
);
const moduleLike = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), moduleLike);

describe('validation never throws and places every problem inside the file', () => {
  test.prop([anyText], params)('arbitrary input', (text) => {
    const diagnostics = validate(text);
    for (const d of diagnostics) {
      expect(d.ruleId).not.toBe('internal-error');
      expect(inside(text, d.line, d.column), `${d.ruleId} at ${d.line}:${d.column}`).toBe(true);
      expect(inside(text, d.endLine, d.endColumn), `${d.ruleId} ends at ${d.endLine}:${d.endColumn}`).toBe(true);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
    }
  });

  test.prop([anyText], params)('parsing alone never throws', (text) => {
    expect(() => parseFile('m.md', text)).not.toThrow();
  });
});

// Valid frontmatter built from the schema's own vocabulary round-trips clean; breaking one
// field yields a diagnostic on that field's line.
const kebab = fc.stringMatching(/^[a-z]{2,8}(-[a-z]{2,8}){0,2}$/);
const validFrontmatter = fc.record({
  title: fc.stringMatching(/^[A-Z][a-z]{3,20}( [a-z]{2,10}){0,4}$/),
  audience: fc.uniqueArray(fc.constantFrom('frontline', 'team-lead', 'leader'), { minLength: 1, maxLength: 3 }),
  level: fc.constantFrom('foundation', 'intermediate', 'advanced'),
  duration: fc.integer({ min: 15, max: 480 }),
  objectives: fc.uniqueArray(kebab, { minLength: 3, maxLength: 5 }),
});

function frontmatterText(v: {
  title: string;
  audience: string[];
  level: string;
  duration: number;
  objectives: string[];
}) {
  return [
    '---',
    'id: m',
    `title: ${v.title}`,
    'summary: A summary long enough to pass the schema check.',
    `audience: [${v.audience.join(', ')}]`,
    `level: ${v.level}`,
    `duration: ${v.duration}`,
    'objectives:',
    ...v.objectives.flatMap((id) => [`  - id: ${id}`, `    text: Do the thing called ${id}.`]),
    'version: 1.0.0',
    'updated: 2026-11-01',
    '---',
    '',
  ].join('\n');
}

describe('frontmatter round-trips', () => {
  test.prop([validFrontmatter], params)(
    'valid frontmatter raises no schema problem',
    (v) => {
      const schema = validate(frontmatterText(v)).filter(
        (d) => d.ruleId === 'frontmatter-schema' || d.ruleId === 'yaml-syntax',
      );
      expect(schema).toEqual([]);
    },
    fuzzTimeout(60_000),
  ); // 1000 runs: allow for a machine shared with other work

  test.prop([validFrontmatter, fc.constantFrom('level', 'duration', 'audience')], params)(
    'breaking one field is reported on that field’s line',
    (v, field) => {
      const text = frontmatterText(v);
      const lines = text.split('\n');
      const index = lines.findIndex((l) => l.startsWith(`${field}:`));
      lines[index] = `${field}: ${field === 'duration' ? '"long"' : field === 'audience' ? '[everyone]' : 'expert'}`;
      const schema = validate(lines.join('\n')).filter((d) => d.ruleId === 'frontmatter-schema');
      expect(schema.length).toBeGreaterThan(0);
      expect(schema.every((d) => d.line === index + 1)).toBe(true);
    },
    fuzzTimeout(60_000),
  );
});
