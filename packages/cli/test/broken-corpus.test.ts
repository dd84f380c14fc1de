import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { main } from '../src/main.ts';

// Broken modules made by mutating a valid one (cut, duplicate, swap and garble lines):
// `validate --format json` must exit 1 with located, rule-tagged diagnostics, never 2 or a crash.
const sample = fileURLToPath(new URL('../../guides/test/fixtures/content/', import.meta.url));
const valid = readFileSync(join(sample, 'modules/outage-call.md'), 'utf8');

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut'), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate'), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({
    kind: fc.constant('garble'),
    at: fc.nat(),
    text: fc.constantFrom(
      '\t',
      ':::',
      '---',
      '"',
      ': :',
      '[x]',
      '::segment',
      '<script>',
      '- [ ]',
      '{minutes=x}',
      '&a',
      '*a',
    ),
  }),
);

function mutate(text: string, m: { kind: string; at: number; length?: number; text?: string }): string {
  const lines = text.split('\n');
  const at = m.at % lines.length;
  switch (m.kind) {
    case 'cut':
      lines.splice(at, m.length ?? 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, ...lines.slice(at, at + (m.length ?? 1)));
      break;
    case 'truncate':
      return text.slice(0, m.at % text.length);
    default:
      lines[at] = `${m.text ?? ''}${lines[at] ?? ''}`;
  }
  return lines.join('\n');
}

it(
  'reports every broken variant of a module with exit 1 and located diagnostics',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-broken-'));
    cpSync(sample, join(dir, 'content'), { recursive: true });
    const file = join(dir, 'content/modules/outage-call.md');
    // `pnpm fuzz` sets FRONTLINE_FUZZ_RUNS (and the seed with FRONTLINE_FUZZ_SEED) for many more variants.
    const fuzzRuns = Number(process.env.FRONTLINE_FUZZ_RUNS) || 0;
    const fuzzSeed = Number(process.env.FRONTLINE_FUZZ_SEED);
    const variants = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), {
      seed:
        fuzzRuns && !Number.isInteger(fuzzSeed) ? Math.floor(Math.random() * 2 ** 31) : fuzzRuns ? fuzzSeed : 20261122,
      numRuns: fuzzRuns || 300,
    });
    let broken = 0;
    for (const mutations of variants) {
      const text = mutations.reduce(mutate, valid);
      writeFileSync(file, text);
      let stdout = '';
      const code = await main(['validate', '--format', 'json'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
        cwd: dir,
        env: {},
      });
      expect(code, text).not.toBe(2);
      const report = JSON.parse(stdout) as {
        diagnostics: { line: number; column: number; ruleId: string; severity: string; file: string }[];
      };
      if (code === 1) {
        broken += 1;
        const errors = report.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        const lineCount = text.replace(/^\uFEFF/, '').split('\n').length;
        for (const d of report.diagnostics.filter((x) => x.file.endsWith('outage-call.md'))) {
          expect(d.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lineCount);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      } else expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
    // Most mutations must break the module (a few, like duplicating a blank line, do not).
    expect(broken).toBeGreaterThan((variants.length * 2) / 3);
  },
  (Number(process.env.FRONTLINE_FUZZ_RUNS) ? 24 * 60 * 60 : 120) * 1000,
);
