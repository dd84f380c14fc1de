import { describe as group, expect, it } from 'vitest';
import { describe, validateText } from './helpers.ts';

// A module valid but for one frontmatter line: each common YAML mistake must give one
// diagnostic that names the real fix, and nothing else in the frontmatter is lost to it.
const VALID: Record<string, string> = {
  title: 'title: Acknowledge before you fix',
  summary: 'summary: Why an upset customer needs their situation recognised first.',
  audience: 'audience: [frontline]',
  level: 'level: foundation',
  duration: 'duration: 30',
  objectives: [
    'objectives:',
    '  - id: restate',
    '    text: Restate the customer’s problem in one sentence.',
    '  - id: next-step',
    '    text: Offer a next step with a time attached.',
    '  - id: scripts',
    '    text: Recognise when a script will make things worse.',
  ].join('\n'),
  version: 'version: 1.0.0',
  updated: 'updated: 2026-11-01',
};

/** A module whose frontmatter is valid except for the lines given, which replace those keys. */
const module = (frontmatter: string) => {
  const replaced = [...frontmatter.matchAll(/^-?\s*([a-z]+):/gm)].map((m) => m[1]);
  const rest = Object.entries(VALID)
    .filter(([key]) => !replaced.includes(key))
    .map(([, line]) => line);
  return `---\nid: fixture\n${frontmatter}\n${rest.join('\n')}\n---\n\nBody text.\n`;
};

/** The yaml-syntax and frontmatter-schema diagnostics of a module, one line each. */
const syntax = (text: string) =>
  validateText(text)
    .filter((d) => d.ruleId === 'yaml-syntax' || d.ruleId === 'frontmatter-schema')
    .map(describe);

group('YAML messages name the real fix', () => {
  it('a 3-space indent inside a list item', () => {
    expect(syntax(module('objectives:\n  - id: a\n     text: Restate the problem.\nlevel: foundation')))
      .toMatchInlineSnapshot(`
      [
        "5:1-5:6 yaml-syntax Unexpected indentation of 5 spaces, expected 4 to line up with \`id: a\` | hint: Indent \`text\` by 4 spaces, like \`id: a\`: YAML reads the indentation to know which list item or key a line belongs to.",
      ]
    `);
  });
  it('an under-indented list item', () => {
    expect(syntax(module('objectives:\n  - id: a\n    text: One.\n - id: b\n   text: Two.\nlevel: foundation')))
      .toMatchInlineSnapshot(`
      [
        "5:11-5:15 frontmatter-schema Unexpected \`objectives[0].text\` of 4 characters, expected at least 10 | hint: Write a little more.",
        "6:1-6:2 yaml-syntax Unexpected indentation of 1 space, expected 2 to line up with \`- id: a\` | hint: Indent \`id\` by 2 spaces, like \`- id: a\`: YAML reads the indentation to know which list item or key a line belongs to.",
      ]
    `);
  });
  it('a tab', () => {
    expect(syntax(module('objectives:\n\t- id: a\nlevel: foundation'))).toMatchInlineSnapshot(`
      [
        "4:1-4:2 yaml-syntax Unexpected tab character in the frontmatter, expected spaces for indentation | hint: YAML indents with spaces only: replace each tab with two spaces.",
      ]
    `);
  });
  it('an unquoted colon in a value', () => {
    expect(syntax(module('title: Acknowledge: before you fix\nlevel: foundation'))).toMatchInlineSnapshot(`
      [
        "3:19-3:20 yaml-syntax Unexpected \`:\` inside the value of \`title\`, expected the value in quotes | hint: YAML reads \`: \` as the start of another key: quote the whole value, \`title: "Acknowledge: before you fix"\`.",
      ]
    `);
  });
  it('an unquoted # in a value', () => {
    expect(syntax(module('title: Fix #1 first\nsummary: #no-blame'))).toMatchInlineSnapshot(`
      [
        "3:12-3:13 yaml-syntax Unexpected \`#\` in the value of \`title\`: YAML reads the rest of the line as a comment, so \`title\` is \`Fix\` | hint: Quote the whole value: \`title: "Fix #1 first"\`.",
        "4:10-4:11 yaml-syntax Unexpected \`#\` in the value of \`summary\`: YAML reads the rest of the line as a comment, so \`summary\` is empty | hint: Quote the whole value: \`summary: "#no-blame"\`.",
      ]
    `);
  });
  it('a missing space after -', () => {
    expect(syntax(module('audience:\n  -frontline'))).toMatchInlineSnapshot(`
      [
        "4:3-4:13 yaml-syntax Unexpected \`-frontline\`, expected a space after \`-\` to start a list item | hint: Write \`- frontline\`: without the space YAML reads \`-frontline\` as text, not as a list item.",
      ]
    `);
  });
  it('a missing space after :', () => {
    expect(syntax(module('level:foundation\ntitle: Acknowledge before you fix'))).toMatchInlineSnapshot(`
      [
        "3:1-3:17 yaml-syntax Unexpected \`level:foundation\`, expected a space after the colon | hint: Write \`level: foundation\`: YAML needs a space between a key's colon and its value.",
      ]
    `);
  });
  it('a duplicate key', () => {
    expect(syntax(module('title: One\ntitle: Two'))).toMatchInlineSnapshot(`
      [
        "4:1-4:6 yaml-syntax Unexpected second \`title\` key, expected each key once | hint: Delete one of the two \`title\` lines, or merge their values.",
      ]
    `);
  });
  it('an unclosed quote', () => {
    expect(syntax(module('title: "Acknowledge\nlevel: foundation'))).toMatchInlineSnapshot(`
      [
        "3:8-3:9 yaml-syntax Unexpected end of a quoted value, expected a closing quote | hint: Add the closing \`"\` at the end of the value that starts here.",
      ]
    `);
  });
  it('a date or time that YAML reads as a number', () => {
    expect(syntax(module('updated: 20261101\nversion: 1.0'))).toMatchInlineSnapshot(`
      [
        "3:10-3:18 frontmatter-schema Unexpected number \`20261101\` in \`updated\`, expected text: YAML reads \`20261101\` without quotes as a number | hint: Put the value in quotes so it stays as written, \`updated: "20261101"\`, in the form \`updated: 2026-11-01\`.",
        "4:10-4:13 frontmatter-schema Unexpected number \`1.0\` in \`version\`, expected text: YAML reads \`1.0\` without quotes as a number | hint: Put the value in quotes so it stays as written, \`version: "1.0"\`, in the form \`version: 1.0.0\`.",
      ]
    `);
  });
});
