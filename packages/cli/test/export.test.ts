import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from './run.ts';

const fixture = fileURLToPath(new URL('../../lms/test/fixtures/course/', import.meta.url));

/** A folder holding a copy of the LMS fixture course as `content/`. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-cli-export-'));
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  return dir;
}

describe('frontline export', () => {
  test('writes every module and path as SCORM 1.2 into out/lms by default', async () => {
    const dir = workspace();
    const r = await run(['export'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Wrote 3 scorm12 packages to out/lms\n');
    expect(readdirSync(join(dir, 'out/lms')).sort()).toEqual([
      'closing-the-till.scorm12.zip',
      'counter-refunds.scorm12.zip',
      'returns-desk.scorm12.zip',
    ]);
  });

  test('takes a format, a selection and a folder', async () => {
    const dir = workspace();
    const r = await run(
      [
        'export',
        '--format',
        'cmi5',
        '--module',
        'counter-refunds',
        '--path',
        'returns-desk',
        '--out',
        'lms',
        '--mastery',
        '80',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'lms')).sort()).toEqual(['counter-refunds.cmi5.zip', 'returns-desk.cmi5.zip']);
  });

  test('an unknown id or format is a usage error (exit 2) with a "did you mean"', async () => {
    const dir = workspace();
    const id = await run(['export', '--module', 'counter-refund'], dir);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(
      /^No module with id `counter-refund`\. Did you mean `counter-refunds`\?\n\nUsage: frontline export/,
    );
    const path = await run(['export', '--path', 'returns-desks'], dir);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('Did you mean `returns-desk`?');
    const format = await run(['export', '--format', 'scorm'], dir);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unexpected format `scorm`, expected `scorm12`, `scorm2004` or `cmi5`.');
    const mastery = await run(['export', '--mastery', '120'], dir);
    expect(mastery.code).toBe(2);
    expect(mastery.stderr).toContain('Unexpected --mastery `120`, expected a percentage from 0 to 100.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(`${id.stderr}${path.stderr}${format.stderr}${mastery.stderr}`).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("invalid content is refused with the validator's diagnostics (exit 1), and nothing is written", async () => {
    const dir = workspace();
    const file = join(dir, 'content/modules/counter-refunds.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: foundation', 'level: expert'));
    const r = await run(['export'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/modules/counter-refunds.md:6:8  error  frontmatter-schema');
    expect(r.stderr).toContain('Content has errors: no LMS packages were written.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
