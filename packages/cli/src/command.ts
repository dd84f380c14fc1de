import type { ParseArgsConfig } from 'node:util';
import type { Io } from './io.ts';

/** One `frontline` command: its usage line, its options, and what it does (an exit code). */
export interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(
    args: {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
      /** True when `--content` or FRONTLINE_CONTENT named the content folder (not the default). */
      contentGiven?: boolean;
    },
    io: Io,
  ): Promise<number> | number;
}
