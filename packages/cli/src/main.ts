import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, UsageError, type Io } from './io.ts';
import { validateCommand } from './commands/validate.ts';
import { newCommand } from './commands/new.ts';
import { schemaCommand } from './commands/schema.ts';
import { guidesCommand } from './commands/guides.ts';
import { suggestCommand } from './suggest-command.ts';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: Io): Promise<number> | number;
}

/** Options every command takes; `--content` defaults to FRONTLINE_CONTENT, then `content`. */
const common = (env: Io['env']) =>
  ({
    content: { type: 'string', default: env.FRONTLINE_CONTENT ?? 'content' },
    help: { type: 'boolean', short: 'h', default: false },
  }) as const;

/** Every command, by name. */
export const commands: Record<string, Command> = {
  validate: validateCommand,
  new: newCommand,
  guides: guidesCommand,
  schema: schemaCommand,
};

function help(): string {
  const lines = ['Usage: frontline <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  lines.push('', 'Every command takes --content <dir> (default: $FRONTLINE_CONTENT, else content).', 'Run `frontline <command> --help` for its options.');
  return lines.join('\n');
}

/** Runs the CLI and returns its exit code: 0 ok, 1 content errors, 2 usage or internal error. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    const close = suggestCommand(name, Object.keys(commands));
    io.stderr.write(`Unknown command \`${name}\`.${close ? ` Did you mean \`${close}\`?` : ''}\n\n${help()}\n`);
    return EXIT.usage;
  }
  try {
    const parsed = parseArgs({ args: rest, options: { ...common(io.env), ...command.options }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.stdout.write(`${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`${(error as Error).message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`frontline ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}
