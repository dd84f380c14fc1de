import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  checkContent,
  defaultCacheDir,
  formatGithub,
  formatJson,
  formatPretty,
  formatSummaryMarkdown,
  loadCorpus,
  validateContent,
  type Diagnostic,
  type SourceLookup,
} from '@frontline/schema/check';
import { courseOfFile, resolveContent } from '../content-root.ts';
import { changedFiles } from '../git.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { Command } from '../command.ts';

/** What one run checked: its problems and how many files were read. */
interface Checked {
  diagnostics: Diagnostic[];
  files: number;
  /** The text of each file read, for code frames and character columns. */
  sources: SourceLookup;
}

/**
 * Validates the files named on the command line, each against the course it belongs to
 * (the nearest folder above it that holds `modules/`). A file that was not read is a
 * usage error, never a clean result.
 */
function checkNamedFiles(io: Io, files: readonly string[], cacheDir: string | false): Checked {
  const byRoot = new Map<string, string[]>();
  for (const file of files) {
    const { root, path } = courseOfFile(io.cwd, file);
    byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
  }
  const lookups: SourceLookup[] = [];
  const out: Checked = { diagnostics: [], files: 0, sources: (file) => lookups.map((l) => l(file)).find(Boolean) };
  for (const [root, paths] of byRoot) {
    const result = checkContent(root, { cwd: io.cwd, only: [...new Set(paths)], cacheDir });
    if (result.unread.length)
      throw new UsageError(`Not checked: ${result.unread.map((f) => `\`${f}\``).join(', ')} could not be read.`);
    out.diagnostics.push(...result.diagnostics);
    out.files += result.files;
    lookups.push(result.source);
  }
  return out;
}

async function checkChanged(io: Io, content: string, base: string): Promise<Checked | undefined> {
  let changed: string[];
  try {
    changed = changedFiles(io.cwd, base);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Loaded only here: the schema package's full entry is not needed for a plain check.
  const { affectedFiles } = await import('../affected.ts');
  const only = affectedFiles(loadCorpus(content, { cwd: io.cwd }).corpus, content, io.cwd, changed);
  if (only.length === 0) return undefined;
  const result = validateContent(content, { cwd: io.cwd, only });
  return { diagnostics: result.diagnostics, files: result.files, sources: result.source };
}

function print(io: Io, format: string, { diagnostics, files, sources }: Checked): void {
  if (format === 'json') io.stdout.write(`${formatJson(diagnostics, files)}\n`);
  else if (format === 'github') {
    const annotations = formatGithub(diagnostics, sources);
    if (annotations) io.stdout.write(`${annotations}\n`);
    io.stdout.write(`${formatPretty(diagnostics, files, { sources })}\n`);
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary) appendFileSync(summary, `${formatSummaryMarkdown(diagnostics, files)}\n`);
  } else io.stdout.write(`${formatPretty(diagnostics, files, { color: colour(io), sources })}\n`);
}

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export const colour = (io: Io, stream: 'stdout' | 'stderr' = 'stdout') =>
  Boolean(io[stream].isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';

export const validateCommand: Command = {
  usage: [
    'Usage: frontline validate [files...] [--changed [--base <ref>]] [--format pretty|json|github] [--content <dir>]',
    '',
    'Checks every module (or only the files given) against the module format and rules.',
    'A file is checked against the course it is in (the nearest folder above it holding modules/).',
    '--changed checks only what changed since --base (default origin/main), plus the modules,',
    'paths and plans that refer to a changed module.',
    'A module unchanged since the last run, with nothing it refers to changed, is not checked again:',
    'its problems are kept in node_modules/.cache (or $FRONTLINE_CACHE_DIR). --no-cache checks all.',
    'Exit codes: 0 no errors (warnings allowed), 1 content errors, 2 usage or internal error.',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'pretty' },
    changed: { type: 'boolean', default: false },
    base: { type: 'string', default: 'origin/main' },
    'no-cache': { type: 'boolean', default: false },
  },
  async run({ values, positionals, contentGiven }, io) {
    const format = String(values.format);
    if (!['pretty', 'json', 'github'].includes(format))
      throw new UsageError(`Unexpected --format \`${format}\`, expected \`pretty\`, \`json\` or \`github\`.`);
    if (values.changed && positionals.length) throw new UsageError('Give files or --changed, not both.');
    const cacheDir = values['no-cache'] ? false : (defaultCacheDir(io.env) ?? false);
    let checked: Checked | undefined;
    if (positionals.length) checked = checkNamedFiles(io, positionals, cacheDir);
    else {
      const content = resolveContent(io.cwd, { dir: String(values.content), given: contentGiven ?? true });
      if (values.changed) {
        checked = await checkChanged(io, content, String(values.base));
        if (!checked) {
          io.stdout.write(format === 'json' ? `${formatJson([], 0)}\n` : 'No changed content to check.\n');
          return EXIT.ok;
        }
      } else {
        const result = checkContent(content, { cwd: io.cwd, cacheDir });
        checked = { diagnostics: result.diagnostics, files: result.files, sources: result.source };
        if (format === 'pretty' && relative(io.cwd, content) !== 'content' && !contentGiven)
          io.stderr.write(`Checking the course in \`${relative(io.cwd, content) || '.'}\`.\n`);
      }
    }
    print(io, format, checked);
    if (checked.diagnostics.some((d) => d.ruleId === 'internal-error')) return EXIT.usage;
    return checked.diagnostics.some((d) => d.severity === 'error') ? EXIT.content : EXIT.ok;
  },
};
