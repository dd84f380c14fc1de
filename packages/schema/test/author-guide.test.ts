import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { rules } from '../src/index.ts';
import { buildAuthorGuide } from './author-guide-source.ts';

const guide = readFileSync(new URL('../../../content/README.md', import.meta.url), 'utf8');

it('content/README.md is generated from the current rules and fixtures', () => {
  // Regenerate with: node packages/schema/scripts/author-guide.ts
  expect(guide).toBe(buildAuthorGuide());
});

it('covers every rule with an anchor, an example error and a fix', () => {
  for (const rule of rules) {
    const section = guide.split(`\n### ${rule.id}\n`)[1]?.split('\n### ')[0] ?? '';
    expect(section, rule.id).toContain('The validator says:');
    expect(section, rule.id).toMatch(new RegExp(`content/modules/fixture\\.md:\\d+:\\d+ +(error|warning) +${rule.id}`));
    expect(section, rule.id).toContain('OK:');
  }
});

it('documents every directive', () => {
  for (const name of [
    'segment',
    'facilitator',
    'case',
    'discussion',
    'expected',
    'roleplay',
    'role',
    'observer',
    'debrief',
    'reflection',
    'handout',
    'writing-space',
    'check',
    'question',
    'takeaways',
    'screen',
    'term',
  ])
    expect(guide).toContain(name);
});
