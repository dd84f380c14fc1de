/** What a command may touch: its streams, directory and environment (tests pass fakes). */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes of the command-line contract. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** A usage problem: printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
