import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent, type Diagnostic } from '../src/index.ts';

// Hostile edits to a copy of the real course (issue 25): each one validated as "no problems" before.
const COURSE = fileURLToPath(new URL('../../../content/', import.meta.url));
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function course(edit: (dir: string) => void): Diagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-hostile-'));
  made.push(dir);
  cpSync(COURSE, dir, { recursive: true });
  edit(dir);
  return validateContent(dir, { cwd: dir }).diagnostics;
}

const line = (d: Diagnostic) => `${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`;

function replaceIn(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('hostile content is reported, never "no problems"', () => {
  it('the real course has no problems (the baseline)', () => {
    expect(course(() => {}).map(line)).toEqual([]);
  });

  it('a second YAML document in a plan, a path or a glossary file', () => {
    const found = course((dir) => {
      appendFileSync(join(dir, 'plans/leaders-two-day.yaml'), '---\nfoo: [\n');
      appendFileSync(join(dir, 'paths/leaders.yaml'), '--- foo: [\n');
      appendFileSync(join(dir, 'glossary/handoff.yaml'), '...\nterm: Other\n');
    });
    const lines = (file: string) => readFileSync(join(COURSE, file), 'utf8').split('\n').length;
    // A glossary file with a syntax error is not read, so a module using its term is told so too.
    expect(found.filter((d) => d.ruleId === 'glossary-term-defined').map((d) => d.file)).toEqual([
      'modules/information-flow-between-teams.md',
    ]);
    expect(found.filter((d) => d.ruleId !== 'glossary-term-defined').map(line)).toEqual([
      `glossary/handoff.yaml ${lines('glossary/handoff.yaml')}:1-${lines('glossary/handoff.yaml')}:4 yaml-syntax`,
      `paths/leaders.yaml ${lines('paths/leaders.yaml')}:1-${lines('paths/leaders.yaml')}:11 yaml-syntax`,
      `plans/leaders-two-day.yaml ${lines('plans/leaders-two-day.yaml')}:1-${lines('plans/leaders-two-day.yaml')}:4 yaml-syntax`,
    ]);
    for (const d of found) expect(d.hint).toBeTruthy();
  });

  it('control characters and bidirectional overrides in every kind of data file, at the character', () => {
    const found = course((dir) => {
      replaceIn(join(dir, 'paths/leaders.yaml'), 'title: Leaders', 'title: X\x1b[31m Leaders');
      replaceIn(join(dir, 'glossary/handoff.yaml'), 'term: ', 'term: \u202e');
      replaceIn(join(dir, 'plans/frontline-one-day.yaml'), 'title: Customer', 'title: \u2066Customer');
    });
    expect(found.map((d) => `${line(d)} ${d.message}`)).toEqual([
      expect.stringMatching(/^glossary\/handoff\.yaml 1:7-1:8 no-control-characters .*U\+202E/),
      expect.stringMatching(/^paths\/leaders\.yaml 2:9-2:10 no-control-characters .*U\+001B/),
      expect.stringMatching(/^plans\/frontline-one-day\.yaml 2:8-2:9 no-control-characters .*U\+2066/),
    ]);
  });
});

describe('a glossary term defined twice', () => {
  it('is reported on the second definition, with the first as its cause', () => {
    const found = course((dir) => {
      cpSync(join(dir, 'glossary/average-handle-time.yaml'), join(dir, 'glossary/zz-dup.yaml'));
    });
    expect(found.map((d) => `${line(d)} ${d.message}`)).toEqual([
      'glossary/zz-dup.yaml 1:7-1:26 glossary-schema Unexpected term `Average handle time` already defined in `average-handle-time`, expected each term and alias in one glossary file only',
      'glossary/zz-dup.yaml 4:11-4:14 glossary-schema Unexpected alias `AHT` already defined in `average-handle-time`, expected each term and alias in one glossary file only',
    ]);
    expect(found[0]!.causes).toEqual([
      {
        file: 'glossary/average-handle-time.yaml',
        line: 1,
        column: 7,
        endLine: 1,
        endColumn: 26,
        message: 'first defined here',
      },
    ]);
    expect(found[0]!.hint).toBeTruthy();
  });

  it('stays bounded: a hundred copies give one diagnostic per term and alias of each copy, each with one cause', () => {
    const found = course((dir) => {
      for (let i = 0; i < 100; i++)
        cpSync(join(dir, 'glossary/handoff.yaml'), join(dir, `glossary/zz-copy-${String(i).padStart(3, '0')}.yaml`));
    });
    expect(found.length).toBe(200);
    expect(found.every((d) => d.causes?.length === 1 && d.causes[0]!.file === 'glossary/handoff.yaml')).toBe(true);
  });
});
