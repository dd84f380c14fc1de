import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The benchmark is too slow for the default test run, but it must not rot: run it on 20
// modules and check the report's shape.
it('runs the benchmark end to end on 20 modules', { timeout: 180_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'frontline-bench-out-'));
  const run = fileURLToPath(new URL('../src/run.ts', import.meta.url));
  execFileSync(process.execPath, [run, '--quick', '--out', out, '--only', 'validate,guides'], { stdio: 'pipe' });
  const report = readFileSync(join(out, 'smoke.md'), 'utf8');
  // Wall time, then CPU time (user + system, child processes included).
  for (const measure of [
    'validate \\(cold process, no cache: a fresh clone or CI\\)',
    'validate \\(cold process, cache of an earlier run, nothing changed\\)',
    'validate after editing one module \\(whole course, cache\\)',
    'validate one changed module, named on the command line \\(cache\\)',
  ])
    expect(report).toMatch(new RegExp(`\\| ${measure} \\| 20 \\| [\\d.]+ m?s \\| [\\d.]+ m?s \\|`));
  for (const engine of ['Typst 0\\.14, tagged PDF\\/UA-1', 'Typst 0\\.13, untagged']) {
    // The target is on every module's documents: a guide and a handout each (40 PDFs
    // for 20 modules), and role cards for those with role-plays; the full run adds each path's
    // manual and workbook.
    const modules = new RegExp(
      `\\| guides, guides, handouts and role cards of every module \\((\\d+) PDFs, A4\\), ${engine} \\| 20 \\|`,
    ).exec(report);
    expect(Number(modules?.[1])).toBeGreaterThan(40);
    expect(Number(modules?.[1])).toBeLessThanOrEqual(60);
    const all = new RegExp(
      `\\| guides, all documents, path manuals and workbooks included \\((\\d+) PDFs, A4\\), ${engine} \\| 20 \\|`,
    ).exec(report);
    expect(Number(all?.[1])).toBeGreaterThan(Number(modules?.[1]));
  }
  const json = JSON.parse(readFileSync(join(out, 'smoke.json'), 'utf8')) as {
    rows: { frontline: { medianMs: number; cpuMs: number } }[];
    node: string;
  };
  expect(json.rows.length).toBe(8); // four validate rows, and two guides runs with each Typst engine
  for (const row of json.rows) {
    expect(row.frontline.medianMs).toBeGreaterThan(0);
    expect(row.frontline.cpuMs).toBeGreaterThan(0);
  }
  expect(json.node).toBe(process.version);
});

// The hostile row is off by default (10,000 modules): at 50 modules it must still run and report.
it('runs the hostile row only when asked, on 50 modules in a quick run', { timeout: 180_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'frontline-bench-out-'));
  const run = fileURLToPath(new URL('../src/run.ts', import.meta.url));
  execFileSync(process.execPath, [run, '--quick', '--out', out, '--only', 'hostile'], { stdio: 'pipe' });
  const json = JSON.parse(readFileSync(join(out, 'smoke.json'), 'utf8')) as {
    rows: { measure: string; size: number; frontline: { medianMs: number; peakMb: number } }[];
  };
  expect(json.rows.map((r) => [r.measure, r.size])).toEqual([
    ['validate a hostile corpus (chains, duplicate ids)', 50],
  ]);
  expect(json.rows[0]!.frontline.medianMs).toBeGreaterThan(0);
});
