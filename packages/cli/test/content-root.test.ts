import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';

const sample = fileURLToPath(new URL('../../guides/test/fixtures/content/', import.meta.url));

/** A repository-like folder with the sample course in `content/` and a broken copy in `content-bad/`. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-root-'));
  cpSync(sample, join(dir, 'repo', 'content'), { recursive: true });
  cpSync(sample, join(dir, 'content-bad'), { recursive: true });
  const file = join(dir, 'content-bad/modules/outage-call.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('level: foundation', 'level: expert'));
  return dir;
}

describe('every file named is checked, or the run fails', () => {
  it('checks a file outside --content against the course it is in', async () => {
    const dir = workspace();
    const r = await run(['validate', '../content-bad/modules/outage-call.md'], join(dir, 'repo'));
    expect(r.stdout).toMatch(/^\.\.\/content-bad\/modules\/outage-call\.md:6:8 +error +frontmatter-schema/m);
    expect(r.stdout).toContain('in 1 of 1 file');
    expect(r.code).toBe(1);
  });

  it('resolves files and the course from inside the course folder', async () => {
    const dir = workspace();
    const inside = join(dir, 'content-bad/modules');
    const one = await run(['validate', 'outage-call.md', '--format', 'json'], inside);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout)).toMatchObject({ files: 1, diagnostics: [{ file: 'outage-call.md', line: 6 }] });
    const all = await run(['validate'], inside);
    expect(all.stderr).toBe('Checking the course in `..`.\n');
    expect(all.stdout).toContain('of 4 files');
    expect(all.code).toBe(1);
  });

  it('refuses a file outside any course, a folder, or a file the validator does not read (exit 2)', async () => {
    const dir = workspace();
    const cwd = join(dir, 'repo');
    writeFileSync(join(dir, 'loose.md'), '# not in a course\n');
    writeFileSync(join(cwd, 'content', 'notes.md'), 'notes\n');
    const cases: [string, string][] = [
      ['../loose.md', '`../loose.md` is not inside a course (no folder above it holds `modules/`)'],
      ['content/notes.md', '`content/notes.md` is not a file Frontline reads'],
      ['content/modules', '`content/modules` is a folder'],
      ['content/modules/nosuch.md', 'File not found: `content/modules/nosuch.md`'],
    ];
    for (const [file, message] of cases) {
      const r = await run(['validate', file], cwd);
      expect(r.stdout, file).toBe('');
      expect(r.stderr, file).toContain(message);
      expect(r.code, file).toBe(2);
    }
  });

  it('refuses a --content with no modules, with a hint (exit 2)', async () => {
    const dir = workspace();
    const cwd = join(dir, 'repo');
    mkdirSync(join(cwd, 'empty'));
    const nested = await run(['validate', '--content', 'content/modules'], cwd);
    expect(nested.stderr).toContain(
      'Content folder `content/modules` has no `modules/` folder, so there is nothing to check. The course folder above it is `content`: pass `--content content`.',
    );
    expect(nested.code).toBe(2);
    const empty = await run(['validate', '--content', 'empty'], cwd);
    expect(empty.stderr).toContain('Content folder `empty` has no `modules/` folder');
    expect(empty.code).toBe(2);
    const missing = await run(['validate', '--content', 'nosuch', '--format', 'json'], cwd);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('Content folder `nosuch` does not exist');
    rmSync(join(cwd, 'content/modules'), { recursive: true });
    mkdirSync(join(cwd, 'content/modules'));
    const none = await run(['validate'], cwd);
    expect(none.stderr).toContain('Content folder `content` has no modules');
    expect(none.code).toBe(2);
  });
});

describe('frontline guides --module', () => {
  it('refuses an unknown module id with a "did you mean" (exit 2, no stack trace, nothing written)', async () => {
    const dir = workspace();
    const cwd = join(dir, 'repo');
    const r = await run(['guides', '--module', 'outage-cal', '--out', 'out'], cwd);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(
      /^Unexpected --module `outage-cal`: no module with that id in `.*content\/modules`\. Did you mean `outage-call`\?\n/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const none = await run(['guides', '--module', 'nosuch'], cwd);
    expect(none.code).toBe(2);
    expect(none.stderr).not.toContain('Did you mean');
  });
});
