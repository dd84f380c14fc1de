import { describe, expect, it } from 'vitest';
import { formatPretty, formatJson, type Diagnostic } from '../src/index.ts';

const at = (line: number, column: number, endColumn: number, message = 'Unexpected thing'): Diagnostic => ({
  file: 'modules/m.md',
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'error',
  ruleId: 'frontmatter-schema',
  message,
  hint: 'Fix it.',
  url: 'content/README.md#frontmatter-schema',
});

describe('the pretty format shows the source line with a caret', () => {
  it('under the problem, with the line number', () => {
    const source = '---\nid: m\nlevel: expert\n---\n';
    expect(formatPretty([at(3, 8, 14)], 1, { sources: () => source })).toMatchInlineSnapshot(`
      "modules/m.md:3:8  error  frontmatter-schema
        Unexpected thing
        3 | level: expert
          |        ^^^^^^
        hint   Fix it.
        docs   content/README.md#frontmatter-schema

      1 problem (1 error, 0 warnings) in 1 of 1 file"
    `);
  });

  it('counts characters for the terminal and places the caret by display width (CJK, emoji)', () => {
    const source = '---\ntitle: 客服 🙂 expert\n---\n';
    // Before `expert`: 13 UTF-16 units (the emoji is two), 12 characters, 15 terminal columns (CJK and emoji are wide).
    const utf16 = source.split('\n')[1]!.indexOf('expert') + 1;
    const out = formatPretty([at(2, utf16, utf16 + 6)], 1, { sources: () => source });
    expect(out.split('\n')[0]).toBe('modules/m.md:2:13  error  frontmatter-schema');
    expect(out).toMatchInlineSnapshot(`
      "modules/m.md:2:13  error  frontmatter-schema
        Unexpected thing
        2 | title: 客服 🙂 expert
          |                ^^^^^^
        hint   Fix it.
        docs   content/README.md#frontmatter-schema

      1 problem (1 error, 0 warnings) in 1 of 1 file"
    `);
    expect(JSON.parse(formatJson([at(2, utf16, utf16 + 6)], 1))).toMatchObject({
      columns: 'utf-16',
      diagnostics: [{ column: 14 }],
    });
  });

  it('in colour only when asked, and escapes the line', () => {
    const source = '---\ntitle: \x1b[31mred\n---\n';
    const plain = formatPretty([at(2, 8, 9)], 1, { sources: () => source });
    expect(plain).toContain('title: \\x1b[31mred');
    expect(plain).not.toContain('\x1b');
    const coloured = formatPretty([at(2, 8, 9)], 1, { sources: () => source, color: true });
    expect(coloured).toContain('\x1b[31m^^^^\x1b[39m');
  });

  it('cuts a very long line around the problem', () => {
    const source = `${'a'.repeat(5000)}X${'b'.repeat(5000)}\n`;
    const lines = formatPretty([at(1, 5001, 5002)], 1, { sources: () => source }).split('\n');
    expect(lines[2]!.length).toBeLessThan(120);
    expect(lines[2]).toContain('…aaaa');
    expect(lines[3]!.indexOf('^')).toBe(lines[2]!.indexOf('X'));
  });
});
