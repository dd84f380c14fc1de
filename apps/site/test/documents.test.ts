import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { publishDocuments } from '../src/course/documents.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A typeset-documents folder as `frontline guides --plan p --attendees names.csv` leaves it. */
function typeset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-documents-'));
  made.push(dir);
  mkdirSync(join(dir, 'a4'));
  for (const kind of ['day-pack', 'participant-pack', 'sign-in-sheet', 'feedback-form', 'certificates'])
    writeFileSync(join(dir, 'a4', `p-${kind}.pdf`), '%PDF-1.7');
  writeFileSync(join(dir, '.manifest.json'), '{}');
  return dir;
}

it.each([
  ['trainers', false, ['p-day-pack.pdf', 'p-feedback-form.pdf', 'p-participant-pack.pdf', 'p-sign-in-sheet.pdf']],
  ['learner', true, ['p-feedback-form.pdf', 'p-participant-pack.pdf']],
] as const)(
  'publishes in the %s build the plan documents its readers may hold, and never certificates',
  (_, learnerOnly, files) => {
    const to = join(mkdtempSync(join(tmpdir(), 'frontline-published-')), 'guides');
    made.push(to);
    expect(publishDocuments(typeset(), to, learnerOnly)).toBe(true);
    expect(readdirSync(join(to, 'a4')).sort()).toEqual(files);
    expect(readdirSync(to)).toEqual(['a4']);
  },
);
