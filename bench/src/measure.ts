import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Sample {
  ms: number;
  /** Peak resident memory in MB (GNU time), or NaN where /usr/bin/time is missing. */
  mb: number;
  /**
   * CPU time in ms (user + system) of the command and every child it waited for, from GNU
   * time (the memory sampler's own few tens of ms included); NaN where /usr/bin/time is missing. Against `ms`, it shows how many cores the work
   * kept busy, and so what a machine with more cores could gain.
   */
  cpuMs: number;
}

export interface Stats {
  runs: number;
  medianMs: number;
  minMs: number;
  peakMb: number;
  /** Median CPU time (user + system) of the runs, NaN where unknown. */
  cpuMs: number;
}

const GNU_TIME = '/usr/bin/time';
const TREE_RSS = fileURLToPath(new URL('./tree-rss.ts', import.meta.url));

/**
 * Runs a command once, timing it and reading its peak memory: the larger of GNU time's figure
 * (the biggest single process) and the sampled sum over the whole process tree (tree-rss.ts),
 * so that work spread over child processes is counted in full. The time is the command's own,
 * from spawn to exit as the sampler saw it (not the sampler's start-up, some 50 ms of Node).
 */
export function runOnce(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd?: string,
  /** Exit codes that count as a completed run (a validator reporting errors exits 1). */
  okStatuses: readonly number[] = [0],
): Sample {
  const timed = existsSync(GNU_TIME);
  const tree = existsSync('/proc/self/status');
  const inner = tree ? [process.execPath, TREE_RSS, command, ...args] : [command, ...args];
  const started = process.hrtime.bigint();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', '%M %U %S', ...inner], { env, cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(inner[0]!, inner.slice(1), { env, cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const outerMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || !okStatuses.includes(result.status))
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${(result.stderr ?? '').slice(-2000)}`);
  const lines = (result.stderr ?? '').trimEnd().split('\n');
  const [gnuKb = NaN, user = NaN, system = NaN] = timed ? (lines.pop() ?? '').split(' ').map(Number) : [];
  const [treeKb = NaN, commandMs = NaN] = tree ? (lines.pop() ?? '').split(' ').map(Number) : [];
  const kb = Math.max(...[gnuKb, treeKb].filter(Number.isFinite));
  // The command's own time where the sampler measured it: its start-up is not the command's.
  const ms = Number.isFinite(commandMs) ? commandMs : outerMs;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : NaN, cpuMs: (user + system) * 1000 };
}

/** Commands run one after the other, as one sample: times and CPU add up, memory is the larger peak. */
export function inSequence(...samples: Sample[]): Sample {
  return {
    ms: samples.reduce((n, s) => n + s.ms, 0),
    mb: Math.max(...samples.map((s) => s.mb)),
    cpuMs: samples.reduce((n, s) => n + s.cpuMs, 0),
  };
}

/** The median of `runs` timed runs after `warmup` untimed ones. */
export function bench(runs: number, warmup: number, once: () => Sample): Stats {
  for (let i = 0; i < warmup; i++) once();
  return statsOf(Array.from({ length: runs }, once));
}

/** Median time and CPU, fastest time and peak memory of timed runs. */
export function statsOf(samples: Sample[]): Stats {
  const runs = samples.length;
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    runs,
    medianMs: median(times),
    minMs: times[0]!,
    peakMb: Math.max(...samples.map((s) => s.mb)),
    cpuMs: median(samples.map((s) => s.cpuMs).sort((a, b) => a - b)),
  };
}

/** The middle of sorted numbers (the mean of the two middle ones for an even count). */
function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtMb = (mb: number) => (Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : 'n/a');
export const fmtCpu = (ms: number) => (Number.isFinite(ms) ? fmtMs(ms) : 'n/a');
