import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The site reads modules only through @frontline/schema: no Markdown pipeline of its own.
it('has no Markdown pipeline of its own', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(pkg.dependencies))
    expect(name).not.toMatch(/^(remark|rehype|unified|marked|markdown-it)/);
  const loader = readFileSync(new URL('../src/lib/loader.ts', import.meta.url), 'utf8');
  expect(loader).toContain("from '@frontline/schema'");
});
