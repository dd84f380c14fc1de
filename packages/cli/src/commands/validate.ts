import { appendFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatGithub,
  formatJson,
  formatPretty,
  formatSummaryMarkdown,
  loadCorpus,
  validateContent,
} from '@frontline/schema';
import { affectedFiles } from '../affected.ts';
import { changedFiles } from '../git.ts';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';

export const validateCommand: Command = {
  usage: [
    'Usage: frontline validate [files...] [--changed [--base <ref>]] [--format pretty|json|github] [--content <dir>]',
    '',
    'Checks every module (or only the files given) against the module format and rules.',
    '--changed checks only what changed since --base (default origin/main), plus the modules,',
    'paths and plans that refer to a changed module.',
    'Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or internal error.',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'pretty' },
    changed: { type: 'boolean', default: false },
    base: { type: 'string', default: 'origin/main' },
  },
  run({ values, positionals }, io) {
    const format = String(values.format);
    if (!['pretty', 'json', 'github'].includes(format))
      throw new UsageError(`Unexpected --format \`${format}\`, expected \`pretty\`, \`json\` or \`github\`.`);
    const content = resolve(io.cwd, String(values.content));
    if (!existsSync(content)) throw new UsageError(`Content folder not found: ${content}. Pass --content <dir>.`);
    for (const f of positionals) if (!existsSync(resolve(io.cwd, f))) throw new UsageError(`File not found: ${f}`);
    if (values.changed && positionals.length) throw new UsageError('Give files or --changed, not both.');
    let only: string[] | undefined = positionals.length ? positionals : undefined;
    if (values.changed) {
      let changed: string[];
      try {
        changed = changedFiles(io.cwd, String(values.base));
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      only = affectedFiles(loadCorpus(content, { cwd: io.cwd }).corpus, content, io.cwd, changed);
      if (only.length === 0) {
        io.stdout.write(format === 'json' ? `${formatJson([], 0)}\n` : 'No changed content to check.\n');
        return EXIT.ok;
      }
    }
    const result = validateContent(content, { cwd: io.cwd, ...(only ? { only } : {}) });
    const { diagnostics, files } = result;
    if (format === 'json') io.stdout.write(`${formatJson(diagnostics, files)}\n`);
    else if (format === 'github') {
      const annotations = formatGithub(diagnostics);
      if (annotations) io.stdout.write(`${annotations}\n`);
      io.stdout.write(`${formatPretty(diagnostics, files)}\n`);
      const summary = io.env.GITHUB_STEP_SUMMARY;
      if (summary) appendFileSync(summary, `${formatSummaryMarkdown(diagnostics, files)}\n`);
    } else
      io.stdout.write(`${formatPretty(diagnostics, files, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR })}\n`);
    if (diagnostics.some((d) => d.ruleId === 'internal-error')) return EXIT.usage;
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};
