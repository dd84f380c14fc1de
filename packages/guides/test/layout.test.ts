import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildGuides, type BuildResult } from '../src/index.ts';
import { layoutFaults, readPdf } from './layout.ts';

// The whole course, as a print shop would receive it: every A4 document, read back by poppler.
const course = fileURLToPath(new URL('../../../content/', import.meta.url));
let out: string;
let built: BuildResult;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'frontline-layout-'));
  built = await buildGuides({ content: course, out, papers: ['a4'], progress: false });
}, 180_000); // 34 documents on a busy machine
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('typesets the course as a print shop would accept it: no stranded heading, no near-empty page, the right running header, no poppler warning, no word joiner', () => {
  expect(built.errors).toBe(0);
  // A guide and a handout per module, and the path and plan documents.
  expect(built.documents.length).toBeGreaterThan(30);
  const faults = built.documents.flatMap((d) => layoutFaults(d.file.split('/').at(-1)!, readPdf(d.file), 'doc'));
  expect(faults).toEqual([]);
}, 600_000); // poppler reads about 300 pages three ways: a minute alone, several on a busy machine

it('reads a page the way the checks above rely on', () => {
  const guide = built.documents.find((d) => d.name === 'acknowledge-before-you-fix' && d.kind === 'facilitator-guide')!;
  const pdf = readPdf(guide.file);
  expect(pdf.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Acknowledge before you fix']);
  expect(pdf.headings.map((h) => h.text)).toContain('Agenda');
  expect(pdf.pages.length).toBeGreaterThan(2);
  expect(pdf.pages[1]!.header).toMatch(/^Acknowledge before you fix · Facilitator guide Agenda$/);
  for (const page of pdf.pages) expect(page.fill).toBeGreaterThan(0);
});
