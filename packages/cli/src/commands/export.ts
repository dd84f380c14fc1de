import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPretty } from '@frontline/schema';
import { ExportRequestError, exportPackages, parseFormat } from '@frontline/lms';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';

export const exportCommand: Command = {
  usage: [
    'Usage: frontline export [--format scorm12|scorm2004|cmi5] [--module <id>]... [--path <id>]... [--out <dir>] [--mastery <percent>] [--content <dir>]',
    '',
    'Writes an LMS package, <id>.<format>.zip, for every module and learning path (default), or',
    'for those named, into <out> (default out/lms). The same content gives the same bytes.',
    'Content with errors is refused: nothing is written, and the problems are listed.',
    '',
    'Options:',
    '  --format      scorm12 (default), scorm2004 or cmi5',
    '  --module <id> only this module (repeat for several)',
    '  --path <id>   only this learning path: one package holding its modules in order',
    '  --mastery <percent>  score needed to pass, 0 to 100 (default 100: every check correct),',
    "                for modules and paths whose content sets no `mastery`; the LMS's own wins over both",
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'scorm12' },
    module: { type: 'string', multiple: true },
    path: { type: 'string', multiple: true },
    out: { type: 'string', default: 'out/lms' },
    mastery: { type: 'string' },
  },
  run({ values }, io) {
    const content = resolve(io.cwd, String(values.content));
    if (!existsSync(content)) throw new UsageError(`Content folder not found: ${content}. Pass --content <dir>.`);
    let mastery: number | undefined;
    if (values.mastery !== undefined) {
      const text = String(values.mastery);
      mastery = /^\d+(\.\d+)?$/.test(text) ? Number(text) / 100 : NaN;
      if (!(mastery >= 0 && mastery <= 1))
        throw new UsageError(`Unexpected --mastery \`${text}\`, expected a percentage from 0 to 100.`);
    }
    try {
      const format = parseFormat(String(values.format));
      const result = exportPackages({
        content,
        cwd: io.cwd,
        out: resolve(io.cwd, String(values.out)),
        format,
        ...(Array.isArray(values.module) ? { modules: values.module.map(String) } : {}),
        ...(Array.isArray(values.path) ? { paths: values.path.map(String) } : {}),
        ...(mastery === undefined ? {} : { mastery }),
      });
      if (!result.ok) {
        io.stderr.write(
          `${formatPretty(result.diagnostics, result.files)}\nContent has errors: no LMS packages were written.\n`,
        );
        return EXIT.content;
      }
      io.stdout.write(`Wrote ${result.files.length} ${format} packages to ${String(values.out)}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof ExportRequestError) throw new UsageError(error.message);
      throw error;
    }
  },
};
