import type { ParseArgsConfig } from 'node:util';
import type { Io } from './io.ts';

/** One `frontline` command: its usage line, its options, and what it does (an exit code). */
export interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] },
    io: Io,
  ): Promise<number> | number;
}
