import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonOf, type Job } from './job.ts';
import type { BuildOptions, BuildResult, JobList, JobListOptions } from './jobs.ts';
import { checkOutputFolder, manifestKey, stageOutput, writeAtomic, type Staging } from './write.ts';

// The course parser (jobs.ts) and the compiler (compile.ts) are loaded only when this process
// lists or typesets the jobs itself (`workers: 0`); with a pool, child processes do both.

export type { BuildOptions, BuildResult } from './jobs.ts';
export { checkOutputFolder, OutputFolderError } from './write.ts';

/**
 * Node flags for the child processes. A small young generation: listing the jobs of 1000 modules then
 * peaks near 275 MB instead of 400 MB, for the same time (measured on this 2-core machine).
 */
const SMALL_HEAP = ['--max-semi-space-size=4'];

/**
 * Jobs a typesetting process holds at once. With one, it sat idle after each document until this
 * process had read its answer and sent the next job: about 0.7 ms a document, 2.5% of a run of
 * 2000 (measured in the child). With two, the next job already waits in its message queue.
 */
const QUEUE_DEPTH = 2;

/**
 * Typesets jobs on a pool of child processes, one Typst compiler each. Processes rather than
 * worker threads: the compiler's memoisation cache is global to a process and guarded by locks,
 * so two threads in one process mostly wait for each other (measured: 1.2 of 2 cores busy),
 * while two processes keep both cores busy. Each child runs Typst single-threaded; the pool
 * already has one process per core.
 */
async function runPool(jobs: Job[], size: number, onDone: () => void): Promise<void> {
  if (size <= 0 || jobs.length < 4) {
    const { compilePdf } = await import('./compile.ts');
    for (const job of jobs) {
      writeAtomic(job.file, compilePdf(job.template, jsonOf(job), job.timestamp));
      onDone();
      // Node runs the finalisers that free a typeset document's native memory on a later turn
      // of the event loop: a loop that never yields keeps every document (about 1.5 MB each).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  // A path's manual or workbook combines a dozen modules and holds about 200 MB while it is
  // typeset, against about 50 MB for one module's guide. At most one combined document is in the
  // pool's hands at a time, from the start of the run, so that they do not gather at its end where
  // two would be typeset at once; the others take module documents. A combined document goes
  // only to a process with nothing else in hand, and nothing waits behind it: the next one starts
  // the moment it is done. (Queued behind module documents, they fell behind: 1000 modules with
  // their paths then peaked at 498 MB instead of 412 MB.)
  const isLarge = (job: Job) => job.template === 'facilitator-manual' || job.template === 'participant-workbook';
  const large = jobs.filter(isLarge);
  const small = jobs.filter((job) => !isLarge(job));
  let largeRunning = 0;
  const take = (idle: boolean): Job | undefined => {
    // Only large documents left while one is in hand: an idle process takes one rather than wait.
    const job = idle
      ? ((largeRunning === 0 ? large.shift() : undefined) ?? small.shift() ?? large.shift())
      : small.shift();
    if (job && isLarge(job)) largeRunning += 1;
    return job;
  };
  const children = Array.from({ length: Math.min(size, jobs.length) }, () =>
    fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
      execArgv: SMALL_HEAP,
      env: { ...process.env, RAYON_NUM_THREADS: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            // Jobs sent to this process and not yet done: the one it typesets and the next.
            const held: Job[] = [];
            const fill = () => {
              while (held.length < QUEUE_DEPTH && !held.some(isLarge)) {
                const job = take(held.length === 0);
                if (!job) break;
                held.push(job);
                child.send(job);
              }
              if (held.length === 0) resolve();
            };
            child.on('message', (message: { id: number; error?: string }) => {
              if (message.error) return reject(new Error(message.error));
              const [done] = held.splice(
                held.findIndex((job) => job.id === message.id),
                1,
              );
              if (done && isLarge(done)) largeRunning -= 1;
              onDone();
              fill();
            });
            child.on('error', reject);
            child.on('exit', (code, signal) => {
              if (code !== 0 || signal)
                reject(new Error(`A typesetting process stopped (${signal ?? `exit ${code}`}).`));
            });
            fill();
          }),
      ),
    );
  } finally {
    for (const child of children) child.disconnect();
  }
}

/**
 * Lists the jobs in a child process. Parsing a thousand modules leaves a process at about 400 MB that
 * neither V8 nor the native parser gives back; listing elsewhere keeps this process small
 * while the typesetting processes run beside it.
 */
function listJobsElsewhere(options: JobListOptions): Promise<JobList> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./jobs-worker.ts', import.meta.url)), [], {
      execArgv: SMALL_HEAP,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.once('message', (message: { jobs?: JobList; error?: string }) => {
      settled = true;
      if (message.jobs) resolve(message.jobs);
      else reject(new Error(message.error ?? 'Listing the documents to typeset failed.'));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!settled) reject(new Error(`Listing the documents to typeset stopped (${signal ?? `exit ${code}`}).`));
    });
    child.send(options);
  });
}

/**
 * Writes the facilitator guide and participant handout of every valid module, and a
 * facilitator manual and participant workbook per learning path, for each paper size.
 * Unchanged documents (same data, same templates) are not recompiled.
 *
 * The output folder is replaced as a whole: documents are typeset into a fresh folder beside
 * it (unchanged ones linked from the old output), which is then renamed into place, so no
 * document of an earlier run survives and a failed run leaves the old output untouched.
 * Throws an `OutputFolderError` when `out` may not be replaced (see `checkOutputFolder`).
 */
export async function buildGuides(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const workers = options.workers ?? availableParallelism();
  const { content, out, papers, only, start, plan, attendees } = options;
  checkOutputFolder(out, content);
  const jobOptions: JobListOptions = {
    content,
    out,
    ...(papers ? { papers } : {}),
    ...(only ? { only } : {}),
    ...(start ? { start } : {}),
    ...(plan !== undefined ? { plan } : {}),
    ...(attendees ? { attendees } : {}),
  };
  if (workers <= 0) {
    const { listJobs } = await import('./jobs.ts');
    return typesetStaged(listJobs(jobOptions), 0, log, options.progress);
  }
  // With a pool, list the jobs in a child process and spool each document's data to a file: this
  // process then holds only the job list while the typesetting processes run.
  const spool = mkdtempSync(join(tmpdir(), 'frontline-spool-'));
  try {
    return await typesetStaged(await listJobsElsewhere({ ...jobOptions, spool }), workers, log, options.progress);
  } finally {
    rmSync(spool, { recursive: true, force: true });
  }
}

/** Typesets into a staging folder and swaps it in for the output folder (see `buildGuides`). */
async function typesetStaged(
  list: JobList,
  workers: number,
  log: (line: string) => void,
  progress: boolean | undefined,
): Promise<BuildResult> {
  const out = dirname(list.manifestFile);
  const staging = stageOutput(out);
  try {
    const result = await typeset(list, staging, workers, log, progress);
    staging.commit();
    return result;
  } catch (error) {
    staging.discard();
    throw error;
  }
}

async function typeset(
  { result, jobs, manifest, manifestFile }: JobList,
  staging: Staging,
  workers: number,
  log: (line: string) => void,
  progress: boolean | undefined,
): Promise<BuildResult> {
  const showProgress = progress ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
  let done = 0;
  // A single rewritten line on a terminal; nothing in CI or when piped.
  const tick = () => {
    done += 1;
    if (showProgress) process.stderr.write(`\r\x1b[2Kguides: ${done}/${jobs.length} typeset`);
  };
  const typesetting = new Set(jobs.map((job) => job.file));
  for (const document of result.documents) if (!typesetting.has(document.file)) staging.keep(document.file);
  await runPool(
    jobs.map((job) => ({ ...job, file: staging.pathOf(job.file) })),
    workers,
    tick,
  );
  if (showProgress) process.stderr.write('\r\x1b[2K');
  result.written = jobs.length;
  // The new output's manifest lists exactly its documents.
  const out = dirname(manifestFile);
  const current = Object.fromEntries(
    result.documents.map((d) => {
      const key = manifestKey(out, d.file);
      return [key, manifest[key] ?? ''];
    }),
  );
  writeAtomic(staging.pathOf(manifestFile), JSON.stringify(current, null, 1));
  log(
    `guides: ${result.written} written, ${result.unchanged} unchanged${result.errors ? `, ${result.errors} module(s) skipped for errors` : ''}${result.skipped.length ? `, ${result.skipped.length} document(s) not written` : ''}`,
  );
  return result;
}
