// A typesetting worker: one Typst compiler per thread, fed documents by the pool in build.ts.
import { parentPort } from 'node:worker_threads';
import { compilePdf, type Template } from './compile.ts';
import { writeAtomic } from './write.ts';

export interface Job {
  id: number;
  template: Template;
  data: unknown;
  timestamp: number;
  file: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    writeAtomic(job.file, compilePdf(job.template, job.data, job.timestamp));
    parentPort?.postMessage({ id: job.id });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
