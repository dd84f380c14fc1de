import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { catalogue, catalogueEntry } from './catalogue.ts';
import { docsUrl, type Diagnostic, type Severity } from './diagnostic.ts';
import { listValues, suggest } from './suggest.ts';
import { LineIndex } from './text-position.ts';

/** The content folder's optional `frontline.config.json` (its JSON Schema, for editors). */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), z.enum(['error', 'warning', 'off']))
    .default({})
    .meta({
      description:
        'Severity per rule id: `error`, `warning` or `off`. The engine’s checks and the audience rules cannot be lowered.',
    }),
  repository: z
    .url()
    .optional()
    .meta({ description: 'Web address of the source repository, for "edit this page" links.' }),
});

export type Config = z.output<typeof ConfigSchema>;
export type RuleSetting = Severity | 'off';

const SETTINGS = ['error', 'warning', 'off'] as const;

/** Why a locked check cannot be lowered, by the kind of lock. */
const LOCK_REASONS = {
  audience: 'this rule keeps facilitator material out of learner and participant outputs',
  engine: 'nothing else can be checked when this check fails',
  security: 'this rule keeps files outside the course from being read or published',
} as const;
const KEYS = ['$schema', 'rules', 'repository'];

/** What jsonc-parser's error codes mean, in the author's words. */
const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'a character JSON does not allow',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a `:` after the key',
  CommaExpected: 'a `,` between entries',
  CloseBraceExpected: 'a closing `}`',
  CloseBracketExpected: 'a closing `]`',
  EndOfFileExpected: 'the end of the file',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'the end of the comment',
  UnexpectedEndOfString: 'a closing `"`',
  UnexpectedEndOfNumber: 'the rest of the number',
  InvalidUnicode: 'a valid `\\u` escape',
  InvalidEscapeCharacter: 'a valid escape after `\\`',
  InvalidCharacter: 'no control character inside a string',
};

/** The configuration and its problems, each at its line and column in the file. */
export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
}

/**
 * Reads `<content>/frontline.config.json`; a missing file means defaults. Never throws: a JSON
 * syntax error, an unknown key or rule id (with "did you mean"), a bad severity, or an attempt to
 * lower a rule that cannot be lowered is a located `config-schema` error, and every setting that
 * is valid still applies. `cwd` is where file paths in diagnostics are relative to.
 */
export function loadConfig(contentDir: string, cwd: string = process.cwd()): LoadedConfig {
  const path = join(contentDir, 'frontline.config.json');
  if (!existsSync(path)) return { config: { rules: {} }, diagnostics: [] };
  const display = relative(cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const message = `Unexpected unreadable configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    const hint = 'Check that `frontline.config.json` is a readable file.';
    return { config: { rules: {} }, diagnostics: [problem(display, new LineIndex(''), 0, 0, message, hint)] };
  }
  return checkConfig(display, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function problem(
  file: string,
  index: LineIndex,
  start: number,
  end: number,
  message: string,
  hint: string,
): Diagnostic {
  return {
    file,
    ...index.place(start, Math.max(start, end)),
    severity: 'error',
    ruleId: 'config-schema',
    message,
    hint,
    url: docsUrl('config-schema'),
  };
}

/** Checks a configuration text (display path `file`) against the rule catalogue. */
export function checkConfig(file: string, text: string): LoadedConfig {
  const index = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const report = (node: { offset: number; length: number }, message: string, hint: string) =>
    diagnostics.push(problem(file, index, node.offset, node.offset + node.length, message, hint));
  const config: Config = { rules: {} };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const error of errors.slice(0, 1)) {
    const expected = SYNTAX[printParseErrorCode(error.error)] ?? 'valid JSON';
    report(
      error,
      `Unexpected text in the configuration, expected ${expected}`,
      'Fix the JSON here; the settings in this file are ignored until it parses.',
    );
  }
  if (errors.length || !root) return { config, diagnostics };
  if (root.type !== 'object') {
    report(
      root,
      `Unexpected ${root.type} as the configuration, expected an object`,
      'Write `{ "rules": { "rule-id": "warning" } }`.',
    );
    return { config, diagnostics };
  }
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (!KEYS.includes(key)) {
      const close = suggest(key, KEYS);
      report(
        keyNode,
        `Unexpected key \`${key}\` in the configuration, expected one of ${listValues(KEYS)}`,
        close ? `Did you mean \`${close}\`?` : `Remove \`${key}\`.`,
      );
    } else if (key === 'repository') {
      if (value.type === 'string' && z.url().safeParse(value.value).success) config.repository = String(value.value);
      else
        report(
          value,
          'Unexpected `repository`, expected a web address',
          'Write the address in quotes, for example `"https://github.com/acme/course"`.',
        );
    } else if (key === '$schema') {
      if (value.type === 'string') config.$schema = String(value.value);
      else
        report(
          value,
          'Unexpected `$schema`, expected text',
          'Remove it, or give the path of the schema file in quotes.',
        );
    } else checkRules(value, config, report);
  }
  return { config, diagnostics };
}

function checkRules(
  rulesNode: Node,
  config: Config,
  report: (node: { offset: number; length: number }, message: string, hint: string) => void,
): void {
  if (rulesNode.type !== 'object') {
    report(
      rulesNode,
      'Unexpected `rules`, expected an object of rule ids and severities',
      'Write `"rules": { "no-placeholder-text": "warning" }`.',
    );
    return;
  }
  const ids = catalogue.map((entry) => entry.id);
  for (const property of rulesNode.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || !value) continue;
    const id = String(keyNode.value);
    const entry = catalogueEntry(id);
    if (!entry) {
      const close = suggest(id, ids);
      report(
        keyNode,
        `Unexpected rule \`${id}\`, expected the id of a Frontline rule`,
        close ? `Did you mean \`${close}\`?` : 'See the rules in the author guide (content/README.md#rules).',
      );
      continue;
    }
    const setting = value.type === 'string' ? String(value.value) : undefined;
    if (!setting || !(SETTINGS as readonly string[]).includes(setting)) {
      // `warn` is a prefix of `warning`: too far for an edit distance, but what the author meant.
      const close = setting ? (SETTINGS.find((s) => s.startsWith(setting)) ?? suggest(setting, SETTINGS)) : undefined;
      report(
        value,
        `Unexpected ${setting ? `\`${setting}\`` : value.type === 'object' || value.type === 'array' ? `an ${value.type}` : `\`${JSON.stringify(value.value)}\``} for \`${id}\`, expected one of ${listValues(SETTINGS)}`,
        close ? `Did you mean \`${close}\`?` : `Use one of ${listValues(SETTINGS)}.`,
      );
      continue;
    }
    if (entry.locked && setting !== 'error') {
      report(
        value,
        `Unexpected \`${setting}\` for \`${id}\`, expected \`error\`: ${LOCK_REASONS[entry.locked]}, so it cannot be lowered`,
        `Remove \`"${id}"\` from \`rules\`, and fix what it reports instead.`,
      );
      continue;
    }
    config.rules[id] = setting as Config['rules'][string];
  }
}
