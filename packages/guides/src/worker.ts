// A typesetting process: one Typst compiler, fed documents by the pool in build.ts.
import { compilePdf } from './compile.ts';
import { jsonOf, type Job } from './job.ts';
import { writeAtomic } from './write.ts';

process.on('message', (job: Job) => {
  try {
    writeAtomic(job.file, compilePdf(job.template, jsonOf(job), job.timestamp));
    process.send?.({ id: job.id });
  } catch (error) {
    process.send?.({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The pool disconnects when the queue is empty: then there is nothing left to do.
process.on('disconnect', () => process.exit(0));
