import { describe, expect, it } from 'vitest';
import { parseFile, type Diagnostic } from '../src/index.ts';
import { parseYamlFile } from '../src/parse.ts';
import { validateText } from './helpers.ts';

const VALID = `---
id: fixture
title: Acknowledge before you fix
---

Some text.
`;

/** Runs a malformed frontmatter and returns its coded diagnostics, timing each run. */
function syntaxProblems(text: string) {
  const started = performance.now();
  const parsed = parseFile('fixture.md', text);
  const elapsed = performance.now() - started;
  return { diagnostics: parsed.diagnostics, elapsed };
}

describe('frontmatter parsing', () => {
  it('accepts a byte-order mark and CRLF line endings', () => {
    const withBom = `\uFEFF${VALID}`;
    const crlf = VALID.replaceAll('\n', '\r\n');
    for (const text of [withBom, crlf, `\uFEFF${crlf}`]) {
      const parsed = parseFile('fixture.md', text);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.frontmatter?.data).toMatchObject({ id: 'fixture', title: 'Acknowledge before you fix' });
    }
  });

  it('keeps body line numbers after the frontmatter', () => {
    const parsed = parseFile('fixture.md', VALID.replaceAll('\n', '\r\n'));
    const paragraph = parsed.tree.children.find((n) => n.type === 'paragraph');
    expect(paragraph?.position?.start.line).toBe(6);
  });

  const cases: [string, string, RegExp][] = [
    ['a tab used for indentation', '---\nid: fixture\nobjectives:\n\t- id: a\n---\n', /tab/i],
    ['a duplicate key', '---\nid: fixture\ntitle: One\ntitle: Two\n---\n', /second `title` key/],
    ['an unclosed quote', '---\nid: fixture\ntitle: "Open\nsummary: x\n---\n', /closing quote/],
    ['a missing closing fence', '---\nid: fixture\ntitle: Never closed\n\nBody text.\n', /closing `---`/],
    ['no frontmatter at all', '# Just a heading\n', /frontmatter block/],
  ];
  it.each(cases)('reports %s as a coded, located diagnostic', (_name, text, message) => {
    const { diagnostics } = syntaxProblems(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const first = diagnostics[0]!;
    expect(first.message).toMatch(message);
    expect(['yaml-syntax', 'frontmatter-schema']).toContain(first.ruleId);
    expect(first.line).toBeGreaterThanOrEqual(1);
    expect(first.hint).toBeTruthy();
  });

  it('places a duplicate key at the second copy', () => {
    const [d] = syntaxProblems('---\nid: fixture\ntitle: One\ntitle: Two\n---\n').diagnostics;
    expect(d).toMatchObject({ line: 4, column: 1, ruleId: 'yaml-syntax' });
  });

  it('stops an alias bomb quickly with a diagnostic', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      '---',
      '',
    ].join('\n');
    const { diagnostics, elapsed } = syntaxProblems(bomb);
    expect(diagnostics.map((d) => d.message).join()).toMatch(/aliases/);
    expect(elapsed).toBeLessThan(2000);
  });

  it('refuses a megabyte-sized frontmatter without parsing it', () => {
    const huge = `---\nid: fixture\nsummary: "${'x'.repeat(1024 * 1024)}"\n---\n`;
    const { diagnostics, elapsed } = syntaxProblems(huge);
    expect(diagnostics[0]?.message).toMatch(/expected at most 64 KB/);
    expect(elapsed).toBeLessThan(2000);
  });

  it('survives deeply nested YAML', () => {
    const deep = `---\nid: fixture\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    const { diagnostics, elapsed } = syntaxProblems(deep);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.ruleId).toBe('yaml-syntax');
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('frontmatter places', () => {
  it('points a wrong value at its exact node, never at line 1', () => {
    const text = '---\nid: fixture\naudience:\n  - frontline\n  - team-leads\n---\n';
    const d = validateText(text).find((x) => x.ruleId === 'frontmatter-schema' && x.message.includes('team-leads'));
    expect(d).toMatchObject({ line: 5, column: 5, endLine: 5, endColumn: 15 });
    expect(d?.hint).toBe('Did you mean `team-lead`?');
  });

  it('points an unknown key at the key and suggests the nearest', () => {
    const d = validateText('---\nid: fixture\ntitel: Hello there\n---\n').find((x) => x.message.includes('`titel`'));
    expect(d).toMatchObject({ line: 3, column: 1, endColumn: 6 });
    expect(d?.hint).toBe('Did you mean `title`?');
  });

  it('points a missing key at its parent mapping with the YAML to add', () => {
    const d = validateText('---\nid: fixture\n---\n').find((x) => x.message.startsWith('Missing `duration`'));
    expect(d).toMatchObject({ line: 2, column: 1, endLine: 2 });
    expect(d?.hint).toContain('duration: 60');
  });

  it('shifts places past a byte-order mark and blank frontmatter lines', () => {
    const d = validateText('\uFEFF---\n\nid: fixture\nlevel: expert\n---\n').find((x) =>
      x.message.includes('`expert`'),
    );
    expect(d).toMatchObject({ line: 4, column: 8 });
  });
});

describe('frontmatter that is not a mapping', () => {
  it.each([
    ['empty', '---\n---\n\nBody.\n', /Missing `id`/],
    ['a list', '---\n- id: x\n---\n', /frontmatter that is a list/],
    ['a scalar', '---\njust text\n---\n', /frontmatter that is the value/],
  ])('reports %s frontmatter as an error', (_name, text, message) => {
    const errors = validateText(text).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((d) => d.message).join('\n')).toMatch(message);
  });
});

describe('one YAML document per file (issue 25)', () => {
  const place = (d: Diagnostic) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`;

  it('reports a second document in a data file at its `---` line, never ignoring what follows', () => {
    for (const tail of ['---\nfoo: [\n', '--- foo: [\n', '...\nmore: text\n', '---\r\nfoo: 1\r\n']) {
      const { diagnostics } = parseYamlFile('plans/p.yaml', `id: p\ntitle: A plan\n${tail}`);
      expect(diagnostics.map(place), JSON.stringify(tail)).toEqual([expect.stringMatching(/^3:1-3:\d+ yaml-syntax$/)]);
      expect(diagnostics[0]!.message).toMatch(/expected one document/);
      expect(diagnostics[0]!.hint).toBeTruthy();
    }
  });

  it('accepts an opening `---` (YAML’s document start) and keeps line numbers', () => {
    const { diagnostics } = parseYamlFile('glossary/g.yaml', '---\nterm: Handoff\ndefinition: "x\n');
    expect(diagnostics.map(place)).toEqual(['3:13-3:14 yaml-syntax']);
    expect(parseYamlFile('glossary/g.yaml', '---\nterm: Handoff\n').data).toEqual({ term: 'Handoff' });
  });

  it('reports a document marker inside a module’s frontmatter, and the keys after it as unread', () => {
    const parsed = parseFile('fixture.md', '---\nid: fixture\n--- bar: [\ntitle: T\n---\n\nText.\n');
    expect(parsed.diagnostics.map(place)).toEqual(['3:1-3:11 yaml-syntax']);
    expect(parsed.diagnostics[0]!.causes?.[0]?.message).toMatch(/`title` could not be read/);
  });
});
