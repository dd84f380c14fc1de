import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { checkContent, idOf } from '@frontline/schema';
import { guideData, handoutData, roleCardsData, type Paper } from './data.ts';
import { certificatesData, dayPackData, feedbackFormData, participantPackData, signInSheetData } from './plan-data.ts';
import { documentName, type Job } from './job.ts';
import { manifestKey } from './write.ts';
import { typstEngine } from './compile.ts';
import { TEMPLATES, type Template } from './templates.ts';

export interface BuildOptions {
  content: string;
  out: string;
  papers?: readonly string[];
  /** Only these module ids (path documents are skipped). */
  only?: readonly string[];
  /**
   * Only this plan's documents (no module or path documents, unless `only` names modules too).
   * An unknown or unprintable plan is an error.
   */
  plan?: string;
  /**
   * Names for the plan's certificates of attendance (`<plan>-certificates.pdf`, a page each);
   * only with `plan`. Certificates are written only when names are given: never by a course build.
   */
  attendees?: readonly string[];
  /** Wall-clock start for the agenda (`09:00`); default a running clock from 0:00. */
  start?: string;
  log?: (line: string) => void;
  /** Show a progress line (default: on a terminal and not in CI). */
  progress?: boolean;
  /** Typesetting processes (default: the machine's cores; 0 typesets in this process). */
  workers?: number;
}

export interface BuildResult {
  written: number;
  unchanged: number;
  /** Modules skipped because they have content errors. */
  errors: number;
  documents: { name: string; paper: Paper; kind: Template; file: string }[];
  /** Documents not written, each with the reason: the run must not look complete. */
  skipped: { file: string; reason: string }[];
  /** Other files with errors (glossary terms, the config), absolute: no document comes from them, but the run is not clean. */
  faults: string[];
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

/** The documents of a learning path and of a delivery plan, for the list of what was not written. */
const PATH_DOCUMENTS: readonly Template[] = ['facilitator-manual', 'participant-workbook'];
const PLAN_DOCUMENTS: readonly Template[] = ['day-pack', 'participant-pack', 'sign-in-sheet', 'feedback-form'];

/** Why a path's or a plan's documents were not written: the modules of it that have errors. */
const membersBroken = (ids: readonly string[]) =>
  `its module${ids.length === 1 ? '' : 's'} ${ids.map((id) => `\`${id}\``).join(', ')} ha${ids.length === 1 ? 's' : 've'} errors`;

/** Seconds since 1970 for a PDF's date: SOURCE_DATE_EPOCH, else the given `YYYY-MM-DD`. */
function timestampFor(updated: string): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch);
  return Math.floor(Date.parse(`${updated}T00:00:00Z`) / 1000);
}

/** What listing the jobs needs from the options: plain data, so that it can cross to a process. */
export type JobListOptions = Pick<
  BuildOptions,
  'content' | 'out' | 'papers' | 'only' | 'start' | 'plan' | 'attendees'
> & {
  /** A folder to write each document's data to, instead of keeping it in memory. */
  spool?: string;
};

export interface JobList {
  result: BuildResult;
  jobs: Job[];
  manifest: Record<string, string>;
  manifestFile: string;
}

/**
 * Reads the course and lists the documents to typeset, each with its data already encoded as
 * the JSON the template reads. Kept apart from the typesetting so that the parsed course can be
 * collected before the typesetting processes start: only the encoded documents stay in memory.
 */
export function listJobs(options: JobListOptions): JobList {
  // A PDF typeset by another Typst (0.13 untagged, 0.14 tagged) is not the same document.
  const engine = typstEngine().typst;
  const papers = (options.papers ?? ['a4', 'letter']) as Paper[];
  // Read through the validation cache: a module unchanged since the last check is parsed only
  // when its documents are made.
  const course = checkContent(options.content);
  const { diagnostics, corpus, plans } = course;
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const titles = new Map(corpus.facts.flatMap((f) => (f.plan ? [[f.plan.id, f.plan.title] as const] : [])));
  const known = new Set(corpus.facts.map(idOf));
  if (options.only)
    for (const id of options.only) if (!known.has(id)) throw new Error(`No valid module with id \`${id}\`.`);
  if (options.attendees && options.plan === undefined)
    throw new Error('Certificates need a plan: give `plan` with `attendees`.');
  // A plan file that does not parse is listed as not written, below; an id with no file is an error.
  if (
    options.plan !== undefined &&
    !plans.some((p) => p.plan.id === options.plan) &&
    ![...broken].some((file) => basename(file) === `${options.plan}.yaml`)
  )
    throw new Error(`No plan with id \`${options.plan}\`.`);
  const valid = corpus.facts.flatMap((f) => (f.plan && !broken.has(f.file) ? [f.plan.id] : []));
  const only = options.only ? new Set(options.only) : undefined;
  // With a plan and no modules named, no module is selected: only that plan's documents.
  const selected = valid.filter((id) => (only ? only.has(id) : options.plan === undefined));
  const validIds = new Set(valid);
  /** The models of the valid modules among `ids`, by id (a broken or unknown id is left out). */
  const modelsOf = (ids: readonly string[]) =>
    new Map(ids.flatMap((id) => (validIds.has(id) ? [[id, course.module(id)!] as const] : [])));

  const manifestFile = join(options.out, '.manifest.json');
  const manifest: Record<string, string> = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>)
    : {};
  const result: BuildResult = {
    written: 0,
    unchanged: 0,
    errors: 0,
    documents: [],
    skipped: [],
    faults: [],
  };
  const skip = (name: string, paper: Paper, kinds: readonly Template[], reason: string) => {
    for (const kind of kinds) result.skipped.push({ file: join(options.out, paper, documentName(name, kind)), reason });
  };
  const brokenIds = corpus.facts
    .filter((m) => broken.has(m.file))
    .map(idOf)
    .filter((id) => (only ? only.has(id) : options.plan === undefined));
  // Files with errors that no module, path or plan above accounts for: a module file refused before
  // it was read (too large, a link out of the course, not UTF-8), a glossary term, the config.
  const accounted = new Set([
    ...corpus.facts.map((m) => m.file),
    ...corpus.paths.map((p) => p.file),
    ...plans.map((p) => p.file),
  ]);
  const unaccounted = [...broken].filter(
    (file) => !accounted.has(file) && !(file.endsWith('.yaml') && ['paths', 'plans'].includes(basename(dirname(file)))),
  );
  // A run for some modules or one plan: only what bears on every document (the config) concerns it.
  const whole = !only && options.plan === undefined;
  const refusedModules = whole ? unaccounted.filter((file) => basename(dirname(file)) === 'modules') : [];
  result.errors = brokenIds.length + refusedModules.length;
  const concerns = (file: string) => whole || !['modules', 'glossary'].includes(basename(dirname(file)));
  result.faults = unaccounted
    .filter((file) => basename(dirname(file)) !== 'modules' && concerns(file))
    .map((file) => resolve(file))
    .sort();
  const jobs: Job[] = [];

  const add = (name: string, paper: Paper, kind: Template, data: unknown, updated: string) => {
    const file = join(options.out, paper, documentName(name, kind));
    const timestamp = timestampFor(updated);
    const json = JSON.stringify(data);
    const hash = createHash('sha256')
      .update(TEMPLATE_HASH)
      .update(engine)
      .update(json)
      .update(String(timestamp))
      .digest('hex');
    result.documents.push({ name, paper, kind, file });
    const key = manifestKey(options.out, file);
    if (manifest[key] === hash && existsSync(file)) result.unchanged += 1;
    else {
      const id = jobs.length;
      let spooled: Job['data'] = { json };
      if (options.spool) {
        spooled = { file: join(options.spool, `${id}.json`) };
        writeFileSync(spooled.file, json);
      }
      jobs.push({ id, template: kind, data: spooled, timestamp, file });
      manifest[key] = hash;
    }
  };

  // Path and plan files whose schema failed are not in the corpus: named by their file.
  const listed = new Set([...corpus.paths.map((p) => p.file), ...plans.map((p) => p.file)]);
  const unreadable = (folder: string) =>
    [...broken].filter((file) => !listed.has(file) && basename(dirname(file)) === folder && file.endsWith('.yaml'));
  for (const paper of papers) {
    if (!options.only && options.plan === undefined)
      for (const file of unreadable('paths'))
        skip(basename(file, '.yaml'), paper, PATH_DOCUMENTS, `path file \`${file}\` has errors`);
    if (!options.only || options.plan !== undefined)
      for (const file of unreadable('plans'))
        if (options.plan === undefined || basename(file) === `${options.plan}.yaml`)
          skip(basename(file, '.yaml'), paper, PLAN_DOCUMENTS, `plan file \`${file}\` has errors`);
    for (const id of brokenIds)
      skip(id, paper, ['facilitator-guide', 'participant-handout'], `module \`${id}\` has errors`);
    for (const file of refusedModules)
      skip(
        basename(file, '.md'),
        paper,
        ['facilitator-guide', 'participant-handout'],
        `module file \`${relative(options.content, resolve(file))}\` was refused`,
      );
    for (const id of selected) {
      const module = course.module(id)!;
      add(
        module.id,
        paper,
        'facilitator-guide',
        guideData(module, titles, paper, options.start),
        module.frontmatter.updated,
      );
      add(module.id, paper, 'participant-handout', handoutData(module, titles, paper), module.frontmatter.updated);
      const cards = roleCardsData(module, paper);
      if (cards) add(module.id, paper, 'role-cards', cards, module.frontmatter.updated);
    }
    if (options.only && options.plan === undefined) continue;
    for (const path of options.plan === undefined ? corpus.paths : []) {
      const members = path.modules.filter((id) => validIds.has(id)).map((id) => course.module(id)!);
      if (members.length !== path.modules.length) {
        // A broken module: its path waits for the fix.
        const missing = path.modules.filter((id) => !validIds.has(id));
        skip(path.id, paper, PATH_DOCUMENTS, membersBroken(missing));
        continue;
      }
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
      if (options.plan !== undefined && checked.plan.id !== options.plan) continue;
      const kinds: readonly Template[] = options.attendees ? [...PLAN_DOCUMENTS, 'certificates'] : PLAN_DOCUMENTS;
      // A plan with errors (a missing module, a day that overruns) is not printed.
      if (broken.has(checked.file) || checked.schedule.problems.length) {
        skip(checked.plan.id, paper, kinds, `plan \`${checked.plan.id}\` has errors`);
        continue;
      }
      const used = [...new Set(checked.plan.days.flatMap((d) => d.modules))];
      const missing = used.filter((id) => !validIds.has(id));
      if (missing.length) {
        skip(checked.plan.id, paper, kinds, membersBroken(missing));
        continue;
      }
      const byId = modelsOf(used);
      const pack = dayPackData(checked, byId, paper);
      add(checked.plan.id, paper, 'day-pack', pack, pack.plan.updated);
      add(checked.plan.id, paper, 'participant-pack', participantPackData(checked, byId, paper), pack.plan.updated);
      add(checked.plan.id, paper, 'sign-in-sheet', signInSheetData(checked, byId, paper), pack.plan.updated);
      add(checked.plan.id, paper, 'feedback-form', feedbackFormData(checked, byId, paper), pack.plan.updated);
      if (options.attendees)
        add(
          checked.plan.id,
          paper,
          'certificates',
          certificatesData(checked, byId, paper, options.attendees),
          pack.plan.updated,
        );
    }
  }
  return { result, jobs, manifest, manifestFile };
}
