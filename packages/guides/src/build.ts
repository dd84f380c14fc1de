import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validateContent, type Module } from '@frontline/schema';
import { compilePdf, TEMPLATES, type Template } from './compile.ts';
import { guideData, handoutData, type Paper } from './data.ts';
import { planData } from './plan-data.ts';
import type { Job } from './worker.ts';
import { writeAtomic } from './write.ts';

export { writeAtomic };

export interface BuildOptions {
  content: string;
  out: string;
  papers?: readonly string[];
  /** Only these module ids (path documents are skipped). */
  only?: readonly string[];
  /** Wall-clock start for the agenda (`09:00`); default a running clock from 0:00. */
  start?: string;
  log?: (line: string) => void;
  /** Show a progress line (default: on a terminal and not in CI). */
  progress?: boolean;
  /** Worker threads (default: the machine's cores; 0 typesets on this thread). */
  workers?: number;
}

export interface BuildResult {
  written: number;
  unchanged: number;
  /** Modules skipped because they have content errors. */
  errors: number;
  documents: { name: string; paper: Paper; kind: Template; file: string }[];
}

/** File name of a module's or a path's document. */
export function documentName(id: string, kind: Template): string {
  return `${id}-${kind}.pdf`;
}

const TEMPLATE_HASH = createHash('sha256')
  .update(
    readdirSync(TEMPLATES)
      .filter((f) => f.endsWith('.typ'))
      .sort()
      .map((f) => `${f}\0${readFileSync(join(TEMPLATES, f), 'utf8')}`)
      .join('\0'),
  )
  .digest('hex');

/** Seconds since 1970 for a PDF's date: SOURCE_DATE_EPOCH, else the given `YYYY-MM-DD`. */
function timestampFor(updated: string): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch);
  return Math.floor(Date.parse(`${updated}T00:00:00Z`) / 1000);
}

/** Typesets jobs on a pool of worker threads, one Typst compiler each. */
async function runPool(jobs: Job[], size: number, onDone: () => void): Promise<void> {
  if (size <= 0 || jobs.length < 4) {
    for (const job of jobs) {
      writeAtomic(job.file, compilePdf(job.template, job.data, job.timestamp));
      onDone();
    }
    return;
  }
  const queue = [...jobs];
  const workers = Array.from(
    { length: Math.min(size, jobs.length) },
    () => new Worker(new URL('./worker.ts', import.meta.url)),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift();
              if (!job) return resolve();
              worker.postMessage(job);
            };
            worker.on('message', (message: { id: number; error?: string }) => {
              if (message.error) return reject(new Error(message.error));
              onDone();
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Writes the facilitator guide and participant handout of every valid module, and a
 * facilitator manual and participant workbook per learning path, for each paper size.
 * Unchanged documents (same data, same templates) are not recompiled.
 */
export async function buildGuides(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const papers = (options.papers ?? ['a4', 'letter']) as Paper[];
  const { modules, diagnostics, corpus, plans } = validateContent(options.content);
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const titles = new Map(modules.map((m) => [m.id, m.frontmatter.title]));
  if (options.only)
    for (const id of options.only) if (!titles.has(id)) throw new Error(`No valid module with id \`${id}\`.`);
  const valid = modules.filter((m) => !broken.has(m.file));
  const selected = valid.filter((m) => !options.only || options.only.includes(m.id));
  const byId = new Map(valid.map((m) => [m.id, m]));

  const manifestFile = join(options.out, '.manifest.json');
  const manifest: Record<string, string> = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>)
    : {};
  const result: BuildResult = {
    written: 0,
    unchanged: 0,
    errors: corpus.modules.filter((m) => broken.has(m.file)).length,
    documents: [],
  };
  const jobs: Job[] = [];

  const add = (name: string, paper: Paper, kind: Template, data: unknown, updated: string) => {
    const file = join(options.out, paper, documentName(name, kind));
    const timestamp = timestampFor(updated);
    const hash = createHash('sha256')
      .update(TEMPLATE_HASH)
      .update(JSON.stringify(data))
      .update(String(timestamp))
      .digest('hex');
    result.documents.push({ name, paper, kind, file });
    if (manifest[file] === hash && existsSync(file)) result.unchanged += 1;
    else {
      jobs.push({ id: jobs.length, template: kind, data, timestamp, file });
      manifest[file] = hash;
    }
  };

  for (const paper of papers) {
    for (const module of selected) {
      add(
        module.id,
        paper,
        'facilitator-guide',
        guideData(module, titles, paper, options.start),
        module.frontmatter.updated,
      );
      add(module.id, paper, 'participant-handout', handoutData(module, titles, paper), module.frontmatter.updated);
    }
    if (options.only) continue;
    for (const path of corpus.paths) {
      const members = path.modules.map((id) => byId.get(id)).filter((m): m is Module => m !== undefined);
      if (members.length !== path.modules.length) continue; // a broken module: its path waits for the fix
      const updated =
        members
          .map((m) => m.frontmatter.updated)
          .sort()
          .at(-1) ?? '1970-01-01';
      const minutes = members.reduce((n, m) => n + m.frontmatter.duration, 0);
      const meta = {
        title: path.title,
        summary: path.summary,
        version: '',
        updated,
        minutes,
        footer: `${path.title} · ${members.length} modules · updated ${updated}`,
      };
      add(
        path.id,
        paper,
        'facilitator-manual',
        { paper, path: meta, modules: members.map((m) => guideData(m, titles, paper, options.start)) },
        updated,
      );
      add(
        path.id,
        paper,
        'participant-workbook',
        { paper, path: meta, modules: members.map((m) => handoutData(m, titles, paper)) },
        updated,
      );
    }
    for (const checked of plans) {
      // A plan with errors (a missing module, a day that overruns) is not printed.
      if (broken.has(checked.file) || checked.schedule.problems.length) continue;
      if (!checked.plan.days.every((d) => d.modules.every((id) => byId.has(id)))) continue;
      const data = planData(checked, byId, paper);
      add(checked.plan.id, paper, 'day-plan', data, data.plan.updated);
      add(checked.plan.id, paper, 'participant-agenda', data, data.plan.updated);
    }
  }

  const showProgress = options.progress ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
  let done = 0;
  // A single rewritten line on a terminal; nothing in CI or when piped.
  const tick = () => {
    done += 1;
    if (showProgress) process.stderr.write(`\r\x1b[2Kguides: ${done}/${jobs.length} typeset`);
  };
  await runPool(jobs, options.workers ?? availableParallelism(), tick);
  if (showProgress) process.stderr.write('\r\x1b[2K');
  result.written = jobs.length;
  writeAtomic(manifestFile, JSON.stringify(manifest, null, 1));
  log(
    `guides: ${result.written} written, ${result.unchanged} unchanged${result.errors ? `, ${result.errors} module(s) skipped for errors` : ''}`,
  );
  return result;
}
