import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from './run.ts';

const course = fileURLToPath(new URL('../../../content/', import.meta.url));

/** A temporary git repository holding a copy of the course, committed on `main`. */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-git-'));
  cpSync(course, join(dir, 'content'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'course');
  git('checkout', '-q', '-b', 'change');
  return dir;
}

const edit = (dir: string, file: string, from: string, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

describe('frontline validate --changed', () => {
  let dir: string;
  beforeEach(() => {
    dir = repository();
  });

  it('checks nothing when nothing changed', async () => {
    const r = await run(['validate', '--changed', '--base', 'main', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ files: 0, columns: 'utf-16', diagnostics: [] });
  });

  it('checks the changed module and the modules, paths and plans that refer to it', async () => {
    edit(dir, 'content/modules/emotional-labour.md', 'duration: 75', 'duration: 80');
    const r = await run(['validate', '--changed', '--base', 'main', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; ruleId: string }[] };
    expect(r.code).toBe(1);
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toContain(
      'content/modules/emotional-labour.md segments-sum-to-duration',
    );
    // emotional-labour itself, the three modules that list it as a prerequisite (protecting-yourself,
    // acknowledge-before-you-fix, thirty-days-on), its path and the plans.
    expect(report.files).toBe(1 + 3 + 1 + 2);
  });

  it('reports a broken prerequisite in an unchanged module when the module it needs is removed', async () => {
    rmSync(join(dir, 'content/modules/why-training-alone-fails.md'));
    const r = await run(['validate', '--changed', '--base', 'main', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; ruleId: string }[] };
    expect(r.code).toBe(1);
    const broken = report.diagnostics
      .filter((d) => d.ruleId === 'prerequisite-exists')
      .map((d) => d.file)
      .sort();
    expect(broken).toEqual([
      'content/modules/aligning-incentives-and-authority.md',
      'content/modules/hiring-for-service.md',
      'content/modules/information-flow-between-teams.md',
    ]);
  });

  it('exits 2 for an unknown base', async () => {
    const r = await run(['validate', '--changed', '--base', 'no-such-branch'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown git ref `no-such-branch`');
  });
});

describe('frontline report', () => {
  it('describes added, removed and changed modules, durations, objectives and new warnings', async () => {
    const dir = repository();
    edit(
      dir,
      'content/modules/emotional-labour.md',
      '::segment[Opening: a day at the counter]{minutes=10',
      '::segment[Opening: a day at the counter]{minutes=15',
    );
    edit(dir, 'content/modules/emotional-labour.md', 'duration: 75', 'duration: 80');
    edit(
      dir,
      'content/modules/emotional-labour.md',
      'text: Tell surface acting from deep acting in a described contact.',
      'text: Tell surface acting from deep acting in a contact you observe.',
    );
    rmSync(join(dir, 'content/modules/leading-by-example.md'));
    edit(dir, 'content/paths/leaders.yaml', '  - leading-by-example\n', '');
    const r = await run(['report', '--base', 'main'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 added, 1 removed, 1 changed.');
    expect(r.stdout).toMatch(
      /\| The hidden work: emotional labour at the front line \(`emotional-labour`\) \| changed \| 75 → 80 min \(\+5\) \| added: Tell surface acting from deep acting in a contact you observe\. \|/,
    );
    expect(r.stdout).toMatch(
      /\| Leading by example and sustaining change \(`leading-by-example`\) \| removed \| −90 min \|/,
    );
    expect(r.stdout).toMatch(/\| `frontline-staff` \| 470 → 475 min \(\+5\) \|/);
    expect(r.stdout).toMatch(/\| `leaders` \| 460 → 370 min \(-90\) \|/);
    // The two-day leaders' plan still lists the removed module, and the longer opening's timed
    // steps still add up to its old 10 minutes: the report catches both.
    expect(r.stdout).toContain('New problems: 1 error, 1 warning.');
    expect(r.stdout).toMatch(
      /\| `content\/modules\/emotional-labour\.md:\d+:\d+` \| warning \| steps-sum-to-segment \|/,
    );
    expect(r.stdout).toMatch(/\| `content\/plans\/leaders-two-day\.yaml:\d+:\d+` \| error \| plan-module-exists \|/);
  });
});
