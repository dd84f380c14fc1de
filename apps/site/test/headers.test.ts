import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The static hosts' _headers file and the README's nginx lines carry the same policy as the
// site's own <meta> CSP (security.csp in astro.config.mjs), plus what only a header can do.
const headersFile = readFileSync(new URL('../public/_headers', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

interface CspConfig {
  directives: string[];
  scriptDirective: { resources: string[] };
}

/** A policy as directive name → sources. */
const parse = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

/** The value of one header under the `/*` rule of the _headers file. */
function header(name: string): string {
  const line = headersFile.split('\n').find((l) => l.trim().startsWith(`${name}:`));
  expect(line, `${name} in _headers`).toBeDefined();
  return line!.slice(line!.indexOf(':') + 1).trim();
}

describe('security headers for static hosts', async () => {
  const config = (await import('../astro.config.mjs')) as { default: { security: { csp: CspConfig } } };
  const csp = config.default.security.csp;
  const policy = parse(header('Content-Security-Policy'));

  it('applies to every path', () => {
    expect(headersFile).toMatch(/^\/\*$/m);
  });

  it("holds every directive of the site's CSP, unchanged", () => {
    expect(csp.directives.length).toBeGreaterThan(3);
    for (const directive of csp.directives) {
      const [name, ...sources] = directive.split(/\s+/);
      expect(policy.get(name!), name).toEqual(sources);
    }
  });

  it('allows the scripts the site allows (Pagefind’s WebAssembly included), and no other origin', () => {
    const scripts = policy.get('script-src') ?? [];
    for (const source of csp.scriptDirective.resources) expect(scripts).toContain(source);
    // Inline code is limited by the pages' <meta> policy and its hashes; no host is added here.
    for (const sources of policy.values()) for (const s of sources) expect(s).toMatch(/^'[\w-]+'$|^data:$/);
  });

  it("adds frame-ancestors 'none', nosniff and a referrer policy", () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header('X-Content-Type-Options')).toBe('nosniff');
    expect(header('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });

  it('documents the same policy for nginx in the README', () => {
    const nginx = /add_header Content-Security-Policy "([^"]+)" always;/.exec(readme)?.[1];
    expect(nginx).toBe(header('Content-Security-Policy'));
    expect(readme).toContain('## Publishing the site');
  });
});
