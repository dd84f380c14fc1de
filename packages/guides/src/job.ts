// A document to typeset, as the planner, the pool and the typesetting processes pass it
// around. Kept free of the course parser and the compiler, so that the processes that only
// move jobs do not load either.
import { readFileSync } from 'node:fs';
import type { Template } from './templates.ts';

/** One document to typeset. */
export interface Job {
  id: number;
  template: Template;
  /** The template's data, encoded as JSON: in memory, or in a file (`PlanOptions.spool`). */
  data: { json: string } | { file: string };
  timestamp: number;
  file: string;
}

/** A job's data as the template reads it. */
export function jsonOf(job: Job): string {
  return 'json' in job.data ? job.data.json : readFileSync(job.data.file, 'utf8');
}

/** File name of a module's or a path's document. */
export function documentName(id: string, kind: Template): string {
  return `${id}-${kind}.pdf`;
}
