import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { validateContent } from '../src/index.ts';
import { makeCorpus } from './helpers.ts';

const module = '---\nid: fixture\n---\n\nTODO: write this.\n';

it('lets frontline.config.json change a rule’s severity or turn it off', () => {
  const dir = makeCorpus({ fixture: module });
  const severity = () =>
    validateContent(dir, { cwd: dir })
      .diagnostics.filter((d) => d.ruleId === 'no-placeholder-text')
      .map((d) => d.severity);
  expect(severity()).toEqual(['error']);
  writeFileSync(join(dir, 'frontline.config.json'), JSON.stringify({ rules: { 'no-placeholder-text': 'warning' } }));
  expect(severity()).toEqual(['warning']);
  writeFileSync(join(dir, 'frontline.config.json'), JSON.stringify({ rules: { 'no-placeholder-text': 'off' } }));
  expect(severity()).toEqual([]);
});
