import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateContent, type Module } from '@frontline/schema';
import { compilePdf, TEMPLATES, type Template } from './compile.ts';
import { guideData, handoutData, type Paper } from './data.ts';

export interface BuildOptions {
  content: string;
  out: string;
  papers?: readonly string[];
  /** Only these module ids. */
  only?: readonly string[];
  /** Wall-clock start for the agenda (`09:00`); default a running clock from 0:00. */
  start?: string;
  log?: (line: string) => void;
  /** Show a progress line (default: on a terminal and not in CI). */
  progress?: boolean;
}

export interface BuildResult {
  written: number;
  unchanged: number;
  errors: number;
  documents: { module: string; paper: Paper; kind: Template; file: string }[];
}

/** File name of a module's document. */
export function documentName(id: string, kind: Template): string {
  return `${id}-${kind}.pdf`;
}

/** Writes a file atomically: a temporary sibling, then a rename. Never leaves half a PDF. */
export function writeAtomic(file: string, data: Buffer | string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

const TEMPLATE_HASH = createHash('sha256')
  .update(['lib.typ', 'facilitator-guide.typ', 'participant-handout.typ'].map((f) => readFileSync(join(TEMPLATES, f), 'utf8')).join('\0'))
  .digest('hex');

/** Seconds since 1970 for the PDF date: SOURCE_DATE_EPOCH, else the module's `updated`. */
function timestampFor(module: Module): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch);
  return Math.floor(Date.parse(`${module.frontmatter.updated}T00:00:00Z`) / 1000);
}

/**
 * Writes the facilitator guide and participant handout of every valid module, for each
 * paper size. Unchanged documents (same data, same templates) are not recompiled.
 */
export function buildGuides(options: BuildOptions): BuildResult {
  const log = options.log ?? (() => {});
  const papers = (options.papers ?? ['a4', 'letter']) as Paper[];
  const { modules, diagnostics } = validateContent(options.content);
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const titles = new Map(modules.map((m) => [m.id, m.frontmatter.title]));
  const selected = modules.filter((m) => !broken.has(m.file) && (!options.only || options.only.includes(m.id)));
  if (options.only) for (const id of options.only) if (!titles.has(id)) throw new Error(`No valid module with id \`${id}\`.`);

  const manifestFile = join(options.out, '.manifest.json');
  const manifest: Record<string, string> = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>) : {};
  const result: BuildResult = { written: 0, unchanged: 0, errors: broken.size, documents: [] };
  const total = selected.length * papers.length * 2;
  const showProgress = options.progress ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
  let done = 0;

  for (const module of selected) {
    const timestamp = timestampFor(module);
    for (const paper of papers) {
      const jobs: [Template, unknown][] = [
        ['facilitator-guide', guideData(module, titles, paper, options.start)],
        ['participant-handout', handoutData(module, titles, paper)],
      ];
      for (const [kind, data] of jobs) {
        const file = join(options.out, paper, documentName(module.id, kind));
        const hash = createHash('sha256').update(TEMPLATE_HASH).update(JSON.stringify(data)).update(String(timestamp)).digest('hex');
        result.documents.push({ module: module.id, paper, kind, file });
        if (manifest[file] === hash && existsSync(file)) result.unchanged += 1;
        else {
          writeAtomic(file, compilePdf(kind, data, timestamp));
          manifest[file] = hash;
          result.written += 1;
        }
        done += 1;
        if (showProgress) process.stderr.write(`\r\x1b[2Kguides ${done}/${total}  ${module.id}`);
      }
    }
  }
  if (showProgress) process.stderr.write('\r\x1b[2K');
  writeAtomic(manifestFile, JSON.stringify(manifest, null, 1));
  log(`guides: ${result.written} written, ${result.unchanged} unchanged${result.errors ? `, ${result.errors} module(s) skipped for errors` : ''}`);
  return result;
}
