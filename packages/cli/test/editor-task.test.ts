import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { run } from './run.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const sample = fileURLToPath(new URL('../../guides/test/fixtures/content/', import.meta.url));

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
}

/** The problem matcher of the editor's "check the course" task (.vscode/tasks.json, JSON with comments). */
function matcher(): Pattern[] {
  const text = readFileSync(join(repo, '.vscode/tasks.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const tasks = (JSON.parse(text) as { tasks: { label: string; problemMatcher: { pattern: Pattern[] } }[] }).tasks;
  return tasks.find((t) => t.label === 'Frontline: check the course')!.problemMatcher.pattern;
}

// What VS Code does with a multi-line matcher: the first pattern opens a problem, the next line
// must match the second to complete it.
function problems(output: string, [head, body]: Pattern[]) {
  const lines = output.split('\n');
  const found: Record<string, string>[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const h = new RegExp(head!.regexp).exec(lines[i]!);
    const b = h && new RegExp(body!.regexp).exec(lines[i + 1]!);
    if (!h || !b) continue;
    found.push({
      file: h[head!.file!]!,
      line: h[head!.line!]!,
      column: h[head!.column!]!,
      severity: h[head!.severity!]!,
      code: h[head!.code!]!,
      message: b[body!.message!]!,
    });
  }
  return found;
}

it('puts every problem of `frontline validate` in the editor, at its place and with its message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-editor-'));
  cpSync(sample, join(dir, 'content'), { recursive: true });
  const file = join(dir, 'content/modules/outage-call.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace(/^duration: .*$/m, 'duration: ninety')
      .replace(/^level: .*$/m, 'level: expert'),
  );
  const pretty = await run(['validate'], dir);
  const json = await run(['validate', '--format', 'json'], dir);
  const expected = (
    JSON.parse(json.stdout) as {
      diagnostics: { file: string; line: number; column: number; severity: string; ruleId: string; message: string }[];
    }
  ).diagnostics;
  expect(expected.length).toBeGreaterThanOrEqual(2);
  expect(problems(pretty.stdout + pretty.stderr, matcher())).toEqual(
    expected.map((d) => ({
      file: d.file,
      line: String(d.line),
      column: String(d.column),
      severity: d.severity,
      code: d.ruleId,
      message: d.message,
    })),
  );
});

// .remarkrc.mjs wires the committed frontmatter schema into the editor's remark extension; the
// remark command line reads the same configuration, so it stands in for the editor here.
it('checks module frontmatter against the committed JSON Schema in the editor (remark)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-remark-'));
  cpSync(join(repo, '.remarkrc.mjs'), join(dir, '.remarkrc.mjs'));
  mkdirSync(join(dir, 'packages/schema'), { recursive: true });
  cpSync(
    join(repo, 'packages/schema/module-frontmatter.schema.json'),
    join(dir, 'packages/schema/module-frontmatter.schema.json'),
  );
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'content/modules'), { recursive: true });
  const good = readFileSync(join(sample, 'modules/outage-call.md'), 'utf8');
  writeFileSync(join(dir, 'content/modules/good.md'), good);
  writeFileSync(join(dir, 'content/modules/bad.md'), good.replace(/^level: .*$/m, 'level: expert'));
  const remark = (file: string) => {
    try {
      execFileSync(process.execPath, [join(repo, 'node_modules/remark-cli/cli.js'), file, '--no-stdout', '--frail'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { code: 0, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, stderr: e.stderr };
    }
  };
  expect(remark('content/modules/good.md').code).toBe(0);
  const bad = remark('content/modules/bad.md');
  expect(bad.code).toBe(1);
  // eslint-disable-next-line no-control-regex
  expect(bad.stderr.replace(/\u001b\[\d+m/g, '')).toMatch(
    /\d+:\d+-\d+:\d+\s+warning\s+Must be equal to one of the allowed values: `foundation`, `intermediate`, `advanced`.*frontmatter-schema/,
  );
});
