import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const site = fileURLToPath(new URL('..', import.meta.url));
const astro = join(site, 'node_modules', '.bin', 'astro');

/** Every HTML file under a folder. */
function pages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

// DESIGN.md's site contract: FRONTLINE_AUDIENCE=learner leaves the facilitator area out entirely.
it('builds a learner-only site with no facilitator area and no facilitator-only text', { timeout: 180_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'frontline-learner-'));
  execFileSync(astro, ['build'], {
    cwd: site,
    env: { ...process.env, FRONTLINE_AUDIENCE: 'learner', FRONTLINE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  expect(existsSync(join(out, 'facilitator'))).toBe(false);
  const html = pages(out);
  expect(html.length).toBeGreaterThan(3);
  for (const file of html) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toContain('facilitator-note');
    expect(text, file).not.toContain('/facilitator/');
  }
});
