import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from './command.ts';
import { EXIT, UsageError, type Io } from './io.ts';
import { suggestCommand } from './suggest-command.ts';

/** Options every command takes; `--content` defaults to FRONTLINE_CONTENT, then `content` (filled in after parsing). */
const common = {
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Every command: a one-line summary, and its module, loaded only when it runs (fast start). */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'check modules, paths and the glossary; exit 1 on errors',
    load: async () => (await import('./commands/validate.ts')).validateCommand,
  },
  new: {
    summary: 'scaffold a new module (never overwrites a file)',
    load: async () => (await import('./commands/new.ts')).newCommand,
  },
  guides: {
    summary: 'write every facilitator guide and participant handout (PDF)',
    load: async () => (await import('./commands/guides.ts')).guidesCommand,
  },
  export: {
    summary: 'write SCORM 1.2, SCORM 2004 or cmi5 packages for an LMS',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  plan: {
    summary: 'check a delivery plan and print its wall-clock agenda',
    load: async () => (await import('./commands/plan.ts')).planCommand,
  },
  report: {
    summary: 'Markdown report of what a change does to the course (against --base)',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  schema: {
    summary: 'print the JSON Schema of module frontmatter',
    load: async () => (await import('./commands/schema.ts')).schemaCommand,
  },
};

/** The CLI's version, from its package.json (read only when asked). */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `frontline ${pkg.version}`;
}

function help(): string {
  const lines = ['Usage: frontline <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  lines.push(
    '',
    'Every command takes --content <dir> (default: $FRONTLINE_CONTENT, else content).',
    '`frontline --version` prints the version.',
    'Run `frontline <command> --help` for its options.',
  );
  return lines.join('\n');
}

/** Runs the CLI and returns its exit code: 0 ok, 1 content errors, 2 usage or internal error. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = commands[name];
  if (!entry) {
    const close = suggestCommand(name, Object.keys(commands));
    io.stderr.write(`Unknown command \`${name}\`.${close ? ` Did you mean \`${close}\`?` : ''}\n\n${help()}\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...common, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    const contentGiven = parsed.values.content !== undefined || Boolean(io.env.FRONTLINE_CONTENT);
    parsed.values.content ??= io.env.FRONTLINE_CONTENT ?? 'content';
    if (parsed.values.help) {
      io.stdout.write(`${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run({ ...parsed, contentGiven }, io);
  } catch (error) {
    // Loaded here, not at the top: `frontline --version` and `--help` start without the schema package.
    const { escapeAuthorText } = await import('@frontline/schema');
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${escapeAuthorText((error as Error).message)}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    // Never a stack trace to a user; FRONTLINE_DEBUG=1 shows it to whoever reports the bug.
    const detail =
      io.env.FRONTLINE_DEBUG && error instanceof Error
        ? (error.stack ?? error.message)
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr.write(
      `frontline ${name}: internal error: ${escapeAuthorText(detail)}\nThis is a bug in Frontline: please report it with the command you ran (FRONTLINE_DEBUG=1 shows more).\n`,
    );
    return EXIT.usage;
  }
}
