import { isScalar } from 'yaml';
import type { z } from 'zod';
import { docsUrl, type Diagnostic } from './diagnostic.ts';
import type { FrontmatterBlock } from './parse.ts';
import { placeOf } from './yaml-place.ts';
import { listValues, suggest } from './suggest.ts';

/** YAML to add for each frontmatter key, shown when the key is missing. */
const EXAMPLES: Record<string, string> = {
  id: 'id: <the file name without .md>',
  title: 'title: Acknowledge before you fix',
  summary: 'summary: Why an upset customer needs their situation recognised before the fix.',
  audience: 'audience: [frontline]',
  level: 'level: foundation',
  duration: 'duration: 60',
  objectives: 'objectives:\n  - id: restate-the-problem\n    text: Restate the customer’s problem in one sentence.',
  version: 'version: 1.0.0',
  updated: 'updated: 2026-11-01',
  text: 'text: Restate the customer’s problem in one sentence.',
  task: 'task: Print the role cards.',
  lead: 'lead: 2 days',
  min: 'min: 6',
  max: 'max: 16',
  term: 'term: Emotional labour',
  definition: 'definition: The work of managing your feelings as part of a job.',
  order: 'order: 1',
  modules: 'modules: [emotional-labour]',
};

const FORMAT_TEXT: Record<string, { expected: string; hint: string }> = {
  'kebab-case': {
    expected: 'lower-case words joined by hyphens',
    hint: 'Use only a-z, 0-9 and single hyphens, for example `acknowledge-before-you-fix`.',
  },
  semver: { expected: 'a version like `1.0.0`', hint: 'Write the version as major.minor.patch, for example `1.0.0`.' },
  'lead time': {
    expected: 'a lead time like `2 days`',
    hint: 'Write `<number> minutes|hours|days|weeks` or `on the day`, for example `lead: 2 days`.',
  },
  clock: { expected: 'a time like `09:00`', hint: 'Write the time as HH:MM in quotes, for example `start: "09:00"`.' },
  date: {
    expected: 'a date like `2026-11-01`',
    hint: 'Write the date as YYYY-MM-DD, for example `updated: 2026-11-01`.',
  },
};

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}…` : value}\``;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return `\`${JSON.stringify(value) ?? typeof value}\``;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of keys';
    case 'boolean':
      return '`true` or `false`';
    default:
      return expected;
  }
}

function getIn(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value == null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The text the author wrote for a scalar, as it stands in the file. */
function sourceOf(fm: FrontmatterBlock, path: readonly PropertyKey[]): string | undefined {
  const node = fm.doc.getIn(path as unknown[], true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** `objectives[0].text` for a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function unitOf(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  return last === 'duration' ? ' minutes' : '';
}

type Push = (path: readonly PropertyKey[], message: string, hint: string | undefined, asKey?: boolean) => void;
interface IssueContext {
  path: readonly PropertyKey[];
  /** The path as the author reads it: `objectives[0].text`. */
  name: string;
  value: unknown;
  fm?: FrontmatterBlock;
  push: Push;
}

/** A missing key, a value of the wrong type, or text that YAML read as a number. */
function invalidType(issue: z.core.$ZodIssueInvalidType, { path, name, value, fm, push }: IssueContext): void {
  const key = String(path.at(-1) ?? '');
  if (value === undefined) {
    const example = EXAMPLES[key];
    push(
      path,
      `Missing \`${name}\`, expected ${typeName(issue.expected)}`,
      example ? `Add:\n${example}` : `Add \`${key}\` to the frontmatter.`,
    );
  } else if (typeof value === 'number' && issue.expected === 'string') {
    // `updated: 20261101`, `version: 1.0`, `start: 9.30`: YAML read the author's text as a number.
    const written = (fm && sourceOf(fm, path)) ?? String(value);
    push(
      path,
      `Unexpected number \`${written}\` in \`${name}\`, expected text: YAML reads \`${written}\` without quotes as a number`,
      `Put the value in quotes so it stays as written, \`${key}: "${written}"\`${EXAMPLES[key] ? `, in the form \`${EXAMPLES[key]}\`` : ''}.`,
    );
  } else {
    push(
      path,
      `Unexpected ${show(value)} in \`${name}\`, expected ${typeName(issue.expected)}`,
      EXAMPLES[key] ? `For example:\n${EXAMPLES[key]}` : undefined,
    );
  }
}

/** A number, list or text below its minimum or above its maximum. */
function outOfRange(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  { path, name, value, push }: IssueContext,
): void {
  const small = issue.code === 'too_small';
  const limit = small
    ? (issue as { minimum: number | bigint }).minimum
    : (issue as { maximum: number | bigint }).maximum;
  const origin = issue.origin;
  const unit = unitOf(path);
  if (origin === 'array') {
    push(
      path,
      `Unexpected ${Array.isArray(value) ? value.length : 0} item${Array.isArray(value) && value.length === 1 ? '' : 's'} in \`${name}\`, expected at ${small ? 'least' : 'most'} ${limit}`,
      small
        ? `Add ${small && Array.isArray(value) ? Number(limit) - value.length : limit} more.`
        : 'Remove some items.',
    );
  } else if (origin === 'string') {
    const length = typeof value === 'string' ? value.trim().length : 0;
    push(
      path,
      `Unexpected \`${name}\` of ${length} characters, expected at ${small ? 'least' : 'most'} ${limit}`,
      small ? 'Write a little more.' : 'Shorten it.',
    );
  } else {
    push(
      path,
      `Unexpected \`${name}\` of ${show(value)}${unit}, expected at ${small ? 'least' : 'most'} ${limit}${unit}`,
      `Use a value ${small ? 'of at least' : 'no higher than'} ${limit}${unit}.`,
    );
  }
}

/** A value outside its allowed set, with the closest allowed one. */
function invalidValue(issue: z.core.$ZodIssueInvalidValue, { path, name, value, push }: IssueContext): void {
  const allowed = issue.values.map(String);
  if (value === undefined) {
    const key = String(path.at(-1) ?? '');
    push(
      path,
      `Missing \`${name}\`, expected one of ${listValues(allowed)}`,
      `Add:\n${EXAMPLES[key] ?? `${key}: ${allowed[0]}`}`,
    );
    return;
  }
  const close = typeof value === 'string' ? suggest(value, allowed) : undefined;
  push(
    path,
    `Unexpected ${show(value)} in \`${name}\`, expected one of ${listValues(allowed)}`,
    close ? `Did you mean \`${close}\`?` : `Use one of ${listValues(allowed)}.`,
  );
}

/**
 * Turns zod issues into author-facing diagnostics placed at their exact YAML node.
 * `knownKeys` lists the valid keys per object path, for typo suggestions.
 */
export function frontmatterDiagnostics(
  file: string,
  fm: FrontmatterBlock,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
  ruleId = 'frontmatter-schema',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: readonly PropertyKey[], message: string, hint: string | undefined, asKey = false) => {
    const { exact: _exact, ...place } = placeOf(fm, path, asKey);
    out.push({
      file,
      ...place,
      severity: 'error',
      ruleId,
      message,
      ...(hint ? { hint } : {}),
      url: docsUrl(ruleId),
    });
  };

  for (const issue of issues) {
    const path = issue.path;
    const name = formatPath(path) || 'frontmatter';
    const value = getIn(fm.data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const valid = knownKeys(path);
        for (const key of issue.keys) {
          const close = suggest(key, valid);
          push(
            [...path, key],
            `Unexpected key \`${key}\`${path.length ? ` in \`${name}\`` : ''}, expected one of ${listValues(valid)}`,
            close ? `Did you mean \`${close}\`?` : `Remove \`${key}\`, or check the key names in the author guide.`,
            true,
          );
        }
        break;
      }
      case 'invalid_type':
        invalidType(issue, { path, name, value, fm, push });
        break;
      case 'invalid_value':
        invalidValue(issue, { path, name, value, push });
        break;
      case 'too_small':
      case 'too_big':
        outOfRange(issue, { path, name, value, push });
        break;
      case 'invalid_format': {
        const label = issue.format === 'regex' ? (issue.message ?? '') : issue.format;
        const text = FORMAT_TEXT[label] ?? FORMAT_TEXT[issue.format] ?? { expected: label, hint: 'Check the format.' };
        push(path, `Unexpected ${show(value)} in \`${name}\`, expected ${text.expected}`, text.hint);
        break;
      }
      case 'custom': {
        if (issue.message === 'min-above-max') {
          push(
            path,
            `Unexpected \`groupSize.min\` above \`groupSize.max\`, expected min ≤ max`,
            'Swap the two numbers.',
          );
        } else {
          push(path, `Unexpected value in \`${name}\`: ${issue.message}`, undefined);
        }
        break;
      }
      case 'invalid_union':
      case 'invalid_key':
      case 'invalid_element':
      case 'not_multiple_of':
        push(path, `Unexpected ${show(value)} in \`${name}\`: ${issue.message}`, undefined);
        break;
    }
  }
  return out;
}
