import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatJson, formatPretty, validateContent } from '../src/index.ts';
import { MAX_FILE_BYTES } from '../src/limits.ts';
import { FIXTURES } from './helpers.ts';

// Nothing outside the content root is read, and what cannot be read safely is refused with a
// located diagnostic: links out of the course, files too large, bytes that are not UTF-8.
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 'SECRET-OUTSIDE-THE-COURSE';

/** A course folder with the fixture modules, and a folder beside it that is not part of it. */
function course(): { root: string; content: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'frontline-read-'));
  temporary.push(root);
  const content = join(root, 'content');
  const outside = join(root, 'elsewhere');
  mkdirSync(join(content, 'modules'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(
    join(content, 'modules/base-module.md'),
    readFileSync(join(FIXTURES, '_corpus/modules/base-module.md')),
  );
  writeFileSync(join(outside, 'secret.md'), `---\nid: secret\ntitle: ${SECRET}\n---\n${SECRET}\n`);
  writeFileSync(join(outside, 'term.yaml'), `term: ${SECRET}\n${SECRET}: [unclosed\n`);
  return { root, content, outside };
}

const lines = (content: string) =>
  validateContent(content, { cwd: content }).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);

describe('reading the course', () => {
  it('refuses a module that links outside the course, and prints nothing of it', () => {
    const { content, outside } = course();
    symlinkSync(join(outside, 'secret.md'), join(content, 'modules/secret.md'));
    const result = validateContent(content, { cwd: content });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toContain(
      'modules/secret.md:1:1 no-link-outside-course',
    );
    expect(formatJson(result.diagnostics, result.files)).not.toContain(SECRET);
    expect(formatPretty(result.diagnostics, result.files, { sources: result.source })).not.toContain(SECRET);
    expect(result.source('modules/secret.md')).toBeUndefined();
  });

  it('refuses a content folder that links outside the course, once, without parsing what is behind it', () => {
    const { content, outside } = course();
    symlinkSync(outside, join(content, 'glossary'));
    const result = validateContent(content, { cwd: content });
    expect(result.diagnostics.filter((d) => d.file.startsWith('glossary')).map((d) => `${d.file} ${d.ruleId}`)).toEqual(
      ['glossary no-link-outside-course'],
    );
    expect(formatJson(result.diagnostics, result.files)).not.toContain(SECRET);
  });

  it('reads a link that stays inside the course', () => {
    const { content } = course();
    mkdirSync(join(content, 'drafts'));
    writeFileSync(join(content, 'drafts/base.md'), readFileSync(join(FIXTURES, '_corpus/modules/base-module.md')));
    symlinkSync(join(content, 'drafts/base.md'), join(content, 'modules/linked.md'));
    const found = lines(content);
    expect(found.filter((l) => l.includes('no-link-outside-course'))).toEqual([]);
    expect(found).toContain('modules/linked.md:2:5 unique-ids');
  });

  it('refuses a file larger than the limit before reading it', () => {
    const { content } = course();
    writeFileSync(join(content, 'modules/huge.md'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    const result = validateContent(content, { cwd: content });
    const huge = result.diagnostics.filter((d) => d.file === 'modules/huge.md');
    expect(huge.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      '1:1 file-too-large Unexpected file of 2048 KB, expected at most 2 MB',
    ]);
  });

  it('reports bytes that are not UTF-8 at the first of them', () => {
    const { content } = course();
    const text = readFileSync(join(FIXTURES, '_corpus/modules/base-module.md'), 'utf8').replace(
      'id: base-module',
      'id: latin',
    );
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from('\nCaf'), Buffer.from([0xe9]), Buffer.from(' ok\n')]);
    writeFileSync(join(content, 'modules/latin.md'), bytes);
    const lineOfCafe = text.split('\n').length + 1;
    expect(lines(content)).toContain(`modules/latin.md:${lineOfCafe}:4 file-encoding`);
  });

  it('says so when a folder is a file, or a module is a folder, instead of failing', () => {
    const { content } = course();
    writeFileSync(join(content, 'plans'), 'not a folder');
    mkdirSync(join(content, 'modules/folder.md'));
    expect(lines(content)).toEqual(
      expect.arrayContaining(['modules/folder.md:1:1 unreadable-file', 'plans:1:1 unreadable-file']),
    );
  });
});
