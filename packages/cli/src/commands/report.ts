import { appendFileSync, existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { buildCorpus, loadCorpus, validateCorpus, type SourceText, type ValidationResult } from '@frontline/schema';
import { filesAt, repoRoot, verifyRef } from '../git.ts';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';

type Side = ValidationResult;

/** The course as it was at `ref`, read from git without touching the working tree. */
function courseAt(cwd: string, ref: string, content: string): Side {
  const files = filesAt(cwd, ref, content);
  const root = repoRoot(cwd)!;
  const pick = (dir: string, ext: string): SourceText[] =>
    files
      .filter((f) => f.path.includes(`/${dir}/`) && f.path.endsWith(ext))
      .map((f) => ({ file: relative(cwd, resolve(root, f.path)), name: basename(f.path, ext), text: f.text }));
  return validateCorpus(
    buildCorpus({
      root: resolve(cwd, content),
      modules: pick('modules', '.md'),
      glossary: pick('glossary', '.yaml'),
      paths: pick('paths', '.yaml'),
      plans: pick('plans', '.yaml'),
    }),
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What a change does to the course, as Markdown for a pull request or a job summary. */
export function courseReport(before: Side, after: Side, base: string): string {
  const text = (side: Side) => new Map(side.corpus.modules.map((m) => [m.name, m]));
  const a = text(before);
  const b = text(after);
  const added = [...b.keys()].filter((id) => !a.has(id)).sort();
  const removed = [...a.keys()].filter((id) => !b.has(id)).sort();
  const changed = [...b.keys()].filter((id) => a.has(id) && a.get(id)!.parsed.text !== b.get(id)!.parsed.text).sort();
  const duration = (side: Map<string, (typeof after.corpus.modules)[number]>, id: string) =>
    Number(side.get(id)?.frontmatter?.duration ?? side.get(id)?.raw?.duration ?? 0);
  const title = (id: string) => String(b.get(id)?.frontmatter?.title ?? a.get(id)?.frontmatter?.title ?? id);
  const objectives = (side: Map<string, (typeof after.corpus.modules)[number]>, id: string) =>
    new Map((side.get(id)?.frontmatter?.objectives ?? []).map((o) => [o.id, o.text]));

  const out = [`## Course changes against \`${base}\``, ''];
  if (!added.length && !removed.length && !changed.length) out.push('No module changed.', '');
  else out.push(`${added.length} added, ${removed.length} removed, ${changed.length} changed.`, '');

  if (added.length || removed.length || changed.length) {
    out.push('| module | change | duration | objectives |', '| --- | --- | --- | --- |');
    for (const id of added)
      out.push(`| ${title(id)} (\`${id}\`) | added | ${duration(b, id)} min | ${objectives(b, id).size} |`);
    for (const id of removed) out.push(`| ${title(id)} (\`${id}\`) | removed | −${duration(a, id)} min | |`);
    for (const id of changed) {
      const delta = duration(b, id) - duration(a, id);
      const oa = objectives(a, id);
      const ob = objectives(b, id);
      const gained = [...ob.keys()].filter((k) => oa.get(k) !== ob.get(k));
      const lost = [...oa.keys()].filter((k) => !ob.has(k));
      const notes = [...gained.map((k) => `added: ${ob.get(k)}`), ...lost.map((k) => `removed: ${oa.get(k)}`)].join(
        '<br>',
      );
      out.push(
        `| ${title(id)} (\`${id}\`) | changed | ${duration(a, id)} → ${duration(b, id)} min (${signed(delta)}) | ${notes || 'unchanged'} |`,
      );
    }
    out.push('');
  }

  const pathMinutes = (side: Side, id: string) => {
    const path = side.corpus.paths.find((p) => p.id === id);
    const map = text(side);
    return path ? path.modules.reduce((n, m) => n + duration(map, m), 0) : 0;
  };
  const pathIds = [...new Set([...before.corpus.paths, ...after.corpus.paths].map((p) => p.id))].sort();
  const pathRows = pathIds
    .map((id) => [id, pathMinutes(before, id), pathMinutes(after, id)] as const)
    .filter(([, x, y]) => x !== y);
  if (pathRows.length) {
    out.push('| path | duration |', '| --- | --- |');
    for (const [id, x, y] of pathRows) out.push(`| \`${id}\` | ${x} → ${y} min (${signed(y - x)}) |`);
    out.push('');
  }

  const key = (d: ValidationResult['diagnostics'][number]) => `${d.file}\0${d.ruleId}\0${d.message}`;
  const old = new Set(before.diagnostics.map(key));
  const fresh = after.diagnostics.filter((d) => !old.has(key(d)));
  const warnings = fresh.filter((d) => d.severity === 'warning');
  const errors = fresh.filter((d) => d.severity === 'error');
  out.push(
    `New problems: ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`,
  );
  if (fresh.length) {
    out.push('', '| place | severity | rule | problem |', '| --- | --- | --- | --- |');
    for (const d of fresh)
      out.push(
        `| \`${d.file}:${d.line}:${d.column}\` | ${d.severity} | ${d.ruleId} | ${d.message.replaceAll('|', '\\|')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}

export const reportCommand: Command = {
  usage: [
    'Usage: frontline report [--base <ref>] [--content <dir>]',
    '',
    'Prints, as Markdown, what the working tree changes in the course compared with --base',
    '(default origin/main): modules added, removed and changed, duration per module and path,',
    'objectives added and removed, and new warnings. In GitHub Actions it also goes to the job summary.',
  ].join('\n'),
  options: { base: { type: 'string', default: 'origin/main' } },
  run({ values }, io) {
    const base = String(values.base);
    const content = String(values.content);
    if (!repoRoot(io.cwd)) throw new UsageError('Not inside a git repository: report compares against a git ref.');
    try {
      verifyRef(io.cwd, base);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (!existsSync(resolve(io.cwd, content))) throw new UsageError(`Content folder not found: ${content}`);
    const before = courseAt(io.cwd, base, content);
    const after = validateCorpus(loadCorpus(resolve(io.cwd, content), { cwd: io.cwd }));
    const markdown = courseReport(before, after, base);
    io.stdout.write(markdown);
    if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, markdown);
    return EXIT.ok;
  },
};
