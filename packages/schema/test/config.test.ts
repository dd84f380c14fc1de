import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig, validateContent } from '../src/index.ts';
import { describe as line, makeCorpus } from './helpers.ts';

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

describe('the configuration is checked against the rule catalogue, with located errors', () => {
  const check = (text: string) => checkConfig('content/frontline.config.json', text).diagnostics.map(line);

  it('a JSON syntax error at its line and column', () => {
    expect(check('{\n  "rules": {\n    "no-raw-html": "warning",\n  }\n}\n')).toMatchInlineSnapshot(`
      [
        "4:3-4:4 config-schema Unexpected text in the configuration, expected a key in double quotes | hint: Fix the JSON here; the settings in this file are ignored until it parses.",
      ]
    `);
    expect(check('{ "rules": { "no-raw-html" "off" } }')).toMatchInlineSnapshot(`
      [
        "1:28-1:33 config-schema Unexpected text in the configuration, expected a \`:\` after the key | hint: Fix the JSON here; the settings in this file are ignored until it parses.",
      ]
    `);
  });

  it('an unknown key or rule id, with a did-you-mean', () => {
    expect(check('{ "rule": {}, "rules": { "no-raw-htm": "off", "zzz": "off" } }')).toMatchInlineSnapshot(`
      [
        "1:3-1:9 config-schema Unexpected key \`rule\` in the configuration, expected one of \`$schema\`, \`rules\` or \`repository\` | hint: Did you mean \`rules\`?",
        "1:26-1:38 config-schema Unexpected rule \`no-raw-htm\`, expected the id of a Frontline rule | hint: Did you mean \`no-raw-html\`?",
        "1:47-1:52 config-schema Unexpected rule \`zzz\`, expected the id of a Frontline rule | hint: See the rules in the author guide (content/README.md#rules).",
      ]
    `);
  });

  it('a bad severity, located at the value', () => {
    expect(check('{\n  "rules": {\n    "no-raw-html": "warn",\n    "heading-increment": 1\n  }\n}'))
      .toMatchInlineSnapshot(`
      [
        "3:20-3:26 config-schema Unexpected \`warn\` for \`no-raw-html\`, expected one of \`error\`, \`warning\` or \`off\` | hint: Did you mean \`warning\`?",
        "4:26-4:27 config-schema Unexpected \`1\` for \`heading-increment\`, expected one of \`error\`, \`warning\` or \`off\` | hint: Use one of \`error\`, \`warning\` or \`off\`.",
      ]
    `);
  });

  it('never lowers an audience guard or an engine check', () => {
    expect(
      check('{ "rules": { "no-unknown-directive": "warning", "no-unclosed-directive": "off", "yaml-syntax": "off" } }'),
    ).toMatchInlineSnapshot(`
      [
        "1:38-1:47 config-schema Unexpected \`warning\` for \`no-unknown-directive\`, expected \`error\`: this rule keeps facilitator material out of learner and participant outputs, so it cannot be lowered | hint: Remove \`"no-unknown-directive"\` from \`rules\`, and fix what it reports instead.",
        "1:74-1:79 config-schema Unexpected \`off\` for \`no-unclosed-directive\`, expected \`error\`: this rule keeps facilitator material out of learner and participant outputs, so it cannot be lowered | hint: Remove \`"no-unclosed-directive"\` from \`rules\`, and fix what it reports instead.",
        "1:96-1:101 config-schema Unexpected \`off\` for \`yaml-syntax\`, expected \`error\`: nothing else can be checked when this check fails, so it cannot be lowered | hint: Remove \`"yaml-syntax"\` from \`rules\`, and fix what it reports instead.",
      ]
    `);
  });

  it('keeps the valid settings and reports the rest in a run, without a stack trace', () => {
    const dir = makeCorpus({ fixture: module });
    writeFileSync(
      join(dir, 'frontline.config.json'),
      '{ "rules": { "no-placeholder-text": "warning", "no-unknown-directive": "off", "nope": "off" } }',
    );
    const result = validateContent(dir, { cwd: dir });
    expect(
      result.diagnostics.filter((d) => d.ruleId === 'config-schema').map((d) => `${d.file}:${d.line}:${d.column}`),
    ).toEqual(['frontline.config.json:1:72', 'frontline.config.json:1:79']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'no-placeholder-text').map((d) => d.severity)).toEqual([
      'warning',
    ]);
    writeFileSync(join(dir, 'frontline.config.json'), '{ "rules": { "no-placeholder-text": "warn" ');
    expect(validateContent(dir, { cwd: dir }).diagnostics[0]).toMatchObject({ ruleId: 'config-schema', line: 1 });
  });
});
