import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { validateContent } from '@frontline/schema';

// Issue 27's page-weight budget for learner module pages: at most 30 KB of HTML each. The bench
// site is made of copies of the course's modules, so the course's heaviest page decides whether
// the budget holds at 1000 modules too. It reads what `pnpm build` wrote to apps/site/dist, so it
// runs after the build, as scripts/test.sh does.

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(repo, 'apps', 'site', 'dist');
const BUDGET = 30 * 1024;

it('keeps every module page of the course within the 30 KB HTML budget', () => {
  if (!existsSync(join(dist, 'modules')))
    throw new Error(`${join(dist, 'modules')} is missing: run \`pnpm build\` before this test.`);
  const result = validateContent(join(repo, 'content'));
  const ids = result.modules.map((m) => m.id).sort();
  expect(ids.length).toBeGreaterThan(0);
  // One page per module of the course, and no page of a module the course no longer has.
  const built = readdirSync(join(dist, 'modules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  expect(built).toEqual(ids);
  const sizes = ids.map((id) => ({ id, bytes: statSync(join(dist, 'modules', id, 'index.html')).size }));
  expect(sizes.filter((s) => s.bytes > BUDGET)).toEqual([]);
});
