// Runs a command and reports the peak of its whole process tree's resident memory, summed over
// every process alive at the same moment (sampled from /proc every 25 ms). GNU time reports the
// largest single process, which undercounts a tool that typesets in child processes.
// Usage: node tree-rss.ts <command> [args...]; the command's output passes through, and the
// last line on stderr is the peak (kB) and the command's wall time from spawn to exit (ms): the
// time of the command itself, without this sampler's own start-up.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node tree-rss.ts <command> [args...]\n');
  process.exit(2);
}

/** Resident kB of a process and all its descendants, now. */
function treeKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

const started = performance.now();
const child = spawn(command, args, { stdio: 'inherit' });
let peak = 0;
const timer = setInterval(() => {
  if (child.pid) peak = Math.max(peak, treeKb(child.pid));
}, 25);
child.on('exit', (code, signal) => {
  const ms = performance.now() - started;
  clearInterval(timer);
  process.stderr.write(`\n${peak} ${ms.toFixed(1)}\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
