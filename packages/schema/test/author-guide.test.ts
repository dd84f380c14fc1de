import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { catalogue, docsUrl, rules } from '../src/index.ts';
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

it("has the anchor every diagnostic's docs url points at, for every id in the catalogue", () => {
  const slugger = new GithubSlugger();
  const anchors = new Set([
    ...[...guide.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!)),
    ...[...guide.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!),
  ]);
  expect(catalogue.length).toBeGreaterThan(40);
  for (const { id } of catalogue) {
    const [page, anchor] = docsUrl(id).split('#');
    expect(page).toBe('content/README.md');
    expect(anchors.has(anchor!), `#${anchor} in content/README.md`).toBe(true);
  }
});
