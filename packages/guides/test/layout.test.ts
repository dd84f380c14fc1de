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

it("covers the plans' sign-in sheets and feedback forms in the documents it checks", () => {
  const kinds = new Set(built.documents.map((d) => d.kind));
  for (const kind of ['day-pack', 'participant-pack', 'sign-in-sheet', 'feedback-form'] as const)
    expect(kinds.has(kind), kind).toBe(true);
});

it('typesets certificates a page per attendee, however long or unusual the name, without a layout fault', async () => {
  // The longest name the attendees file accepts (100 characters), a name with no space to break
  // at, and names in scripts that need the fallback fonts.
  const names = [
    'Maria Magdalena Alexandra Konstantinopoulou-Vandenberghe de la Fuente y Montenegro-Szczepańska Jr.',
    'Bartholomew'.repeat(6),
    '李小龍',
    'سارة محمد',
    'Zoë',
  ];
  const certificatesOut = mkdtempSync(join(tmpdir(), 'frontline-layout-'));
  const certificates = await buildGuides({
    content: course,
    out: certificatesOut,
    papers: ['a4', 'letter'],
    plan: 'frontline-one-day',
    attendees: names,
    progress: false,
  });
  const files = certificates.documents.filter((d) => d.kind === 'certificates');
  expect(files).toHaveLength(2);
  for (const d of files) {
    const pdf = readPdf(d.file);
    expect(pdf.pages).toHaveLength(names.length);
    expect(layoutFaults(d.file.split('/').at(-1)!, pdf, 'doc')).toEqual([]);
    // Every line of every certificate inside the page's margins.
    for (const page of pdf.pages) expect(page.body.length).toBeGreaterThan(5);
  }
  rmSync(certificatesOut, { recursive: true, force: true });
}, 300_000);

it('reads a page the way the checks above rely on', () => {
  const guide = built.documents.find((d) => d.name === 'acknowledge-before-you-fix' && d.kind === 'facilitator-guide')!;
  const pdf = readPdf(guide.file);
  expect(pdf.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual(['Acknowledge before you fix']);
  expect(pdf.headings.map((h) => h.text)).toContain('Agenda');
  expect(pdf.pages.length).toBeGreaterThan(2);
  expect(pdf.pages[1]!.header).toMatch(/^Acknowledge before you fix · Facilitator guide Agenda$/);
  for (const page of pdf.pages) expect(page.fill).toBeGreaterThan(0);
});
