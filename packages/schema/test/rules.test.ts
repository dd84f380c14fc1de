import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { catalogue } from '../src/index.ts';
import { describe, FIXTURES, validateText } from './helpers.ts';

// Every rule has fixtures: ok.md yields nothing from the rule, not-ok.md exactly the pinned
// messages in not-ok.expected. UPDATE=1 rewrites the expectations: read the diff before committing.
group.each(catalogue.filter((r) => r.fixtures).map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const dir = join(FIXTURES, id);

  it('has ok and not-ok fixtures and docs', () => {
    expect(existsSync(join(dir, 'ok.md')), `${id}/ok.md`).toBe(true);
    expect(existsSync(join(dir, 'not-ok.md')), `${id}/not-ok.md`).toBe(true);
    expect(rule.summary.length).toBeGreaterThan(10);
    expect(rule.why.length).toBeGreaterThan(10);
    expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('ok.md yields no message from the rule', () => {
    const found = validateText(readFileSync(join(dir, 'ok.md'), 'utf8')).filter((d) => d.ruleId === id);
    expect(found.map(describe)).toEqual([]);
  });

  it('not-ok.md yields exactly the pinned messages', () => {
    const found = validateText(readFileSync(join(dir, 'not-ok.md'), 'utf8'))
      .filter((d) => d.ruleId === id)
      .map(describe);
    expect(found.length).toBeGreaterThan(0);
    const expectedFile = join(dir, 'not-ok.expected');
    // UPDATE=1 rewrites an existing expectation on purpose; a missing one is never written, so a
    // new rule's fixture cannot pass on its first run: write its expected messages by hand.
    if (process.env.UPDATE === '1' && existsSync(expectedFile)) writeFileSync(expectedFile, `${found.join('\n')}\n`);
    expect(existsSync(expectedFile), `${id}/not-ok.expected is missing: write the messages you expect`).toBe(true);
    expect(found).toEqual(readFileSync(expectedFile, 'utf8').trimEnd().split('\n'));
    for (const d of validateText(readFileSync(join(dir, 'not-ok.md'), 'utf8')).filter((d) => d.ruleId === id)) {
      expect(d.url).toBe(`content/README.md#${id}`);
      expect(d.hint, `${id} gives a hint`).toBeTruthy();
    }
  });
});
