import { describe, expect, it } from 'vitest';
import {
  escapeAuthorText,
  formatGithub,
  formatJson,
  formatPretty,
  formatSummaryMarkdown,
  type Diagnostic,
} from '../src/index.ts';
import { codeFrame } from '../src/code-frame.ts';

const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => i !== 0x0a),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
].map((code) => String.fromCharCode(code));
const INVISIBLE = ['\u200b', '\u200e', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', '\ufeff'];

describe('escapeAuthorText: the one place author text is made safe to print', () => {
  it('shows every C0 and C1 control character (LF aside) as a visible escape', () => {
    expect(CONTROLS).toHaveLength(31 + 1 + 32);
    for (const char of CONTROLS) {
      const out = escapeAuthorText(`a${char}b`);
      expect(out, `U+${char.charCodeAt(0).toString(16)}`).toMatch(/^a\\(x[0-9a-f]{2}|t|r)b$/);
      expect(out).not.toContain(char);
    }
    expect(escapeAuthorText('\x1b[2J\x1b[Hno problems\r')).toBe('\\x1b[2J\\x1b[Hno problems\\r');
    expect(escapeAuthorText('\u009b31m')).toBe('\\x9b31m');
  });

  it('shows bidirectional overrides and invisible characters', () => {
    for (const char of INVISIBLE) expect(escapeAuthorText(char)).toMatch(/^\\u[0-9a-f]{4}$/);
  });

  it('never lets a line start a workflow command', () => {
    for (const text of ['::add-mask::secret', '  ::error file=x::forged', 'ok\n::stop-commands::x', '\t::warning::x']) {
      for (const line of escapeAuthorText(text).split('\n')) expect(line).not.toMatch(/^\s*::/);
    }
    expect(escapeAuthorText('::add-mask::x')).toBe('\\x3a:add-mask::x');
    expect(escapeAuthorText('a :: b')).toBe('a :: b');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Café — 客服 🙂 “quotes” 10:30 `code`\nsecond line';
    expect(escapeAuthorText(text)).toBe(text);
  });
});

describe('every format escapes author text', () => {
  const hostile = '\x1b[2J::add-mask::x\u202e\x00';
  const diagnostic: Diagnostic = {
    file: 'modules/m.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'error',
    ruleId: 'frontmatter-schema',
    message: `Unexpected \`${hostile}\`\n${hostile}`,
    hint: hostile,
    url: 'content/README.md#frontmatter-schema',
    causes: [{ file: 'modules/m.md', line: 1, column: 1, endLine: 1, endColumn: 1, message: hostile }],
  };
  const outputs = {
    pretty: formatPretty([diagnostic], 1, { sources: () => `${hostile}\n` }),
    github: formatGithub([diagnostic]),
    json: formatJson([diagnostic], 1),
    summary: formatSummaryMarkdown([diagnostic], 1),
  };
  it.each(Object.entries(outputs))('%s', (_name, output) => {
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    for (const line of output.split('\n').filter((l) => !l.startsWith('::error file=')))
      expect(line).not.toMatch(/^\s*::/);
    expect(output).toContain('\\x1b[2J');
  });
});

describe('code frames', () => {
  const plain = { caret: (s: string) => s, gutter: (s: string) => s };
  it('show a directive line as the author wrote it, after a gutter no workflow command can start from', () => {
    const frame = codeFrame('intro\n:::check\n', { line: 2, column: 1, endLine: 2, endColumn: 9 }, plain);
    expect(frame.join('\n')).toContain('2 | :::check');
    for (const line of frame) expect(line).not.toMatch(/^\s*::/);
  });
  it('show control characters in the line as visible escapes', () => {
    const frame = codeFrame('title: a\u001b[2Jb\u202ec', { line: 1, column: 1, endLine: 1, endColumn: 6 }, plain);
    expect(frame.join('\n')).toContain('a\\x1b[2Jb\\u202ec');
    expect(frame.join('\n')).not.toContain('\u001b');
    expect(frame.join('\n')).not.toContain('\u202e');
  });
});
