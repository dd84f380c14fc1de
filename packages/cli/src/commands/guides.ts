import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { escapeAuthorText } from '@frontline/schema';
import { parseAttendees } from '@frontline/guides/attendees';
import { buildGuides, checkOutputFolder, OutputFolderError } from '@frontline/guides/build';
import { EXIT, UsageError } from '../io.ts';
import type { Command } from '../command.ts';
import { resolveContent } from '../content-root.ts';
import { suggestCommand } from '../suggest-command.ts';

/** Every `--module` must name a module of the course: an unknown id is a usage error with a "did you mean". */
function checkModuleIds(content: string, wanted: readonly string[]): void {
  const ids = readdirSync(join(content, 'modules'))
    .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
    .map((f) => f.slice(0, -3));
  for (const id of wanted) {
    if (ids.includes(id)) continue;
    const close = ids.length ? suggestCommand(id, ids) : undefined;
    throw new UsageError(
      `Unexpected --module \`${id}\`: no module with that id in \`${join(content, 'modules')}\`.${close ? ` Did you mean \`${close}\`?` : ''}`,
    );
  }
}

/** `--plan` must name a plan file of the course: an unknown id is a usage error with a "did you mean". */
function checkPlanId(content: string, id: string): void {
  const folder = join(content, 'plans');
  const ids = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.yaml') && !f.startsWith('.'))
        .map((f) => f.slice(0, -5))
    : [];
  if (ids.includes(id)) return;
  const close = ids.length ? suggestCommand(id, ids) : undefined;
  throw new UsageError(
    `Unexpected --plan \`${id}\`: no plan with that id in \`${folder}\`.${close ? ` Did you mean \`${close}\`?` : ''}`,
  );
}

/**
 * The names in an `--attendees` CSV file, or the problems found in it (printed by the caller as
 * `names.csv:3:1  error  ...`). A file that cannot be read is a usage error (exit 2).
 */
function readAttendees(cwd: string, file: string): { names: string[]; report: string } {
  const path = resolve(cwd, file);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UsageError(`Unexpected --attendees \`${file}\`: no such file. Give a CSV file with a \`name\` column.`);
  const { names, problems } = parseAttendees(readFileSync(path));
  const report = problems
    .map((p) => `${file}:${p.line}:${p.column}  error  attendees\n  ${p.message}\n  hint   ${p.hint}\n`)
    .join('');
  const summary = problems.length
    ? `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}: no certificates written.\n`
    : '';
  return { names, report: report + summary };
}

/** `--out` must be a folder the build may replace: never the course, nor a folder of the user's files. */
function checkOut(out: string, content: string): void {
  try {
    checkOutputFolder(out, content);
  } catch (error) {
    if (error instanceof OutputFolderError) throw new UsageError(error.message);
    throw error;
  }
}

export const guidesCommand: Command = {
  usage: [
    'Usage: frontline guides [--out <dir>] [--paper a4|letter] [--module <id>]... [--plan <id> [--attendees <file.csv>]]',
    '                        [--start 09:00] [--content <dir>]',
    '',
    'Writes, under <out>/<paper>/ (default out/guides/a4/):',
    '  <module>-facilitator-guide.pdf and <module>-participant-handout.pdf for every valid module,',
    '  <path>-facilitator-manual.pdf and <path>-participant-workbook.pdf for every learning path,',
    '  <plan>-day-pack.pdf, <plan>-participant-pack.pdf, <plan>-sign-in-sheet.pdf and',
    '  <plan>-feedback-form.pdf for every delivery plan,',
    '  <plan>-certificates.pdf (one landscape page per attendee) with --plan and --attendees.',
    'Documents whose data and templates have not changed are not typeset again.',
    'The output folder is replaced as a whole: it holds only what this run wrote. A folder holding',
    'files Frontline did not write, or one inside the course, is refused (exit 2). Documents not',
    'written (a module, path or plan with errors) are listed with the reason, and the run exits 1.',
    '',
    'Options:',
    '  --paper a4|letter   paper size (default a4)',
    "  --module <id>       only that module's guide and handout (repeat for several; no path",
    '                      documents)',
    "  --plan <id>         only that plan's documents (no module or path documents)",
    '  --attendees <file>  with --plan: certificates of attendance for the names in a CSV file',
    '                      (UTF-8, a header row with a `name` column; `full name`, `attendee`',
    '                      and `participant` are read as that too). Problems in it are listed',
    '                      as file:line:column and nothing is written (exit 1); a missing file,',
    '                      or --attendees without --plan, is exit 2.',
    '  --start 09:00       run the agenda clock from this time instead of 0:00',
  ].join('\n'),
  options: {
    out: { type: 'string', default: 'out/guides' },
    paper: { type: 'string', default: 'a4' },
    module: { type: 'string', multiple: true },
    plan: { type: 'string' },
    attendees: { type: 'string' },
    start: { type: 'string' },
  },
  async run({ values, contentGiven }, io) {
    const paper = String(values.paper);
    if (paper !== 'a4' && paper !== 'letter')
      throw new UsageError(`Unexpected --paper \`${paper}\`, expected \`a4\` or \`letter\`.`);
    const start = values.start === undefined ? undefined : String(values.start);
    if (start !== undefined && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(start))
      throw new UsageError(`Unexpected --start \`${start}\`, expected a time like 09:30.`);
    const content = resolveContent(io.cwd, { dir: String(values.content), given: contentGiven ?? true });
    const only = Array.isArray(values.module) ? values.module.map(String) : undefined;
    if (only) checkModuleIds(content, only);
    const plan = values.plan === undefined ? undefined : String(values.plan);
    if (values.attendees !== undefined && plan === undefined)
      throw new UsageError('Unexpected --attendees without --plan: certificates are for one plan. Add `--plan <id>`.');
    if (plan !== undefined) checkPlanId(content, plan);
    const out = resolve(io.cwd, String(values.out));
    checkOut(out, content);
    let attendees: string[] | undefined;
    if (values.attendees !== undefined) {
      const read = readAttendees(io.cwd, String(values.attendees));
      if (read.report) {
        io.stderr.write(escapeAuthorText(read.report));
        return EXIT.content;
      }
      attendees = read.names;
    }
    const result = await buildGuides({
      content,
      out,
      papers: [paper],
      ...(only ? { only } : {}),
      ...(start ? { start } : {}),
      ...(plan !== undefined ? { plan } : {}),
      ...(attendees ? { attendees } : {}),
      log: (line) => io.stderr.write(`${line}\n`),
    });
    if (result.skipped.length > 0 || result.faults.length > 0) {
      const lines = result.skipped.map((s) => `  ${relative(out, s.file)}: ${s.reason}`);
      const faults = result.faults.map((file) => `  ${relative(io.cwd, file)}`);
      io.stderr.write(
        escapeAuthorText(
          [
            ...(lines.length ? [`Not written (${lines.length}):`, ...lines] : []),
            ...(faults.length ? [`Errors in files no document is made from (${faults.length}):`, ...faults] : []),
            'Content has errors; run `frontline validate` to see them.',
            '',
          ].join('\n'),
        ),
      );
      return EXIT.content;
    }
    io.stdout.write(
      `Wrote ${result.documents.length} documents to ${String(values.out)} (${result.written} typeset, ${result.unchanged} unchanged)\n`,
    );
    return EXIT.ok;
  },
};
