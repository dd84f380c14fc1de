import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent, type Module } from '@frontline/schema';
import { fileText, htmlText, phrasesOf, searchRecords, squash, type Phrase } from './outputs.ts';

// The projection test: every piece of every module appears in exactly the outputs its readers
// allows, and in no other. It reads what `pnpm build` wrote (the trainers' site and the typeset
// documents), so it runs after the build, as scripts/test.sh does.

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(repo, 'apps', 'site', 'dist');
const guides = join(repo, 'packages', 'guides', 'dist', 'a4');

interface Outputs {
  learnerPage: string;
  facilitatorPage: string;
  handoutPdf: string;
  guidePdf: string;
  search: string;
}

let modules: Module[] = [];
const outputs = new Map<string, Outputs>();

beforeAll(() => {
  for (const need of [join(dist, 'index.html'), join(dist, 'pagefind'), guides])
    if (!existsSync(need)) throw new Error(`${need} is missing: run \`pnpm build\` before this test.`);
  const result = validateContent(join(repo, 'content'));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  modules = result.modules;
  const search = new Map(searchRecords(dist).map((r) => [r.url, r.text]));
  for (const m of modules) {
    const page = (path: string) => htmlText(readFileSync(join(dist, path, 'index.html'), 'utf8'));
    outputs.set(m.id, {
      learnerPage: squash(page(`modules/${m.id}`)),
      facilitatorPage: squash(page(`facilitator/${m.id}`)),
      handoutPdf: squash(fileText(join(guides, `${m.id}-participant-handout.pdf`))),
      guidePdf: squash(fileText(join(guides, `${m.id}-facilitator-guide.pdf`))),
      search: squash(search.get(`/modules/${m.id}/`) ?? ''),
    });
  }
}, 120_000);

/** The parts a handout is made of: worksheets, observer sheets, reflections, takeaways, questions. */
const IN_HANDOUT = /^((prose|checklist) in (handout|observer|reflection|takeaways)|question|option)$/;

function misplaced(check: (p: Phrase, out: Outputs) => string | undefined): string[] {
  const problems: string[] = [];
  for (const m of modules)
    for (const p of phrasesOf(m)) {
      const problem = check(p, outputs.get(m.id)!);
      if (problem) problems.push(`${m.id}: ${problem} (${p.part}, for ${p.readers.join(' ')}): ${p.text.slice(0, 80)}`);
    }
  return problems;
}

describe('every element of the model appears where its readers allow, and nowhere else', () => {
  it('reads enough of the course to mean something', () => {
    const phrases = modules.flatMap(phrasesOf);
    expect(modules.length).toBeGreaterThanOrEqual(10);
    for (const reader of ['learner', 'participant', 'facilitator'] as const)
      expect(phrases.filter((p) => p.readers.includes(reader)).length, reader).toBeGreaterThan(100);
    expect(phrases.filter((p) => p.readers.length === 1 && p.readers[0] === 'facilitator').length).toBeGreaterThan(100);
    expect(phrases.filter((p) => p.part === 'prose in role').length).toBeGreaterThan(10);
    expect(phrases.filter((p) => p.answer).length).toBeGreaterThan(30);
  });

  it('on the learner page: what learners may see, nothing else', () => {
    expect(
      misplaced((p, out) => {
        const shown = out.learnerPage.includes(p.key);
        const allowed = p.readers.includes('learner');
        return shown === allowed ? undefined : shown ? 'on the learner page' : 'missing from the learner page';
      }),
    ).toEqual([]);
  });

  it('on the facilitator page and in the facilitator guide PDF: everything but how to study alone', () => {
    expect(
      misplaced((p, out) => {
        // `:::self-study` is for a learner on their own (SELF_STUDY_READERS in the model): a
        // facilitator runs the activity with the room, so their page and guide leave it out.
        if (p.readers.length === 1 && p.readers[0] === 'learner') {
          if (out.facilitatorPage.includes(p.key)) return 'on the facilitator page';
          if (out.guidePdf.includes(p.key)) return 'in the facilitator guide';
          return undefined;
        }
        if (!p.readers.includes('facilitator')) return 'hidden from facilitators';
        if (!out.facilitatorPage.includes(p.key)) return 'missing from the facilitator page';
        if (!out.guidePdf.includes(p.key)) return 'missing from the facilitator guide';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('in the participant handout PDF: its own parts, and nothing participants may not see', () => {
    expect(
      misplaced((p, out) => {
        const shown = out.handoutPdf.includes(p.key);
        if (shown && !p.readers.includes('participant')) return 'in the participant handout';
        if (!shown && p.readers.includes('participant') && IN_HANDOUT.test(p.part))
          return 'missing from the participant handout';
        return undefined;
      }),
    ).toEqual([]);
  });

  // A search excerpt must not teach a wrong answer or give away a right one: the index holds
  // what learners read, question stems included, and neither answers nor the options of a
  // question. Checklist items (form controls) are left to Pagefind.
  it('in the search index: what learners read, without answers or options', () => {
    expect(
      misplaced((p, out) => {
        const found = out.search.includes(p.key);
        if (found && (!p.readers.includes('learner') || p.answer || p.part === 'option')) return 'in the search index';
        const wanted =
          p.readers.includes('learner') && !p.answer && p.part !== 'option' && !p.part.startsWith('checklist');
        return wanted && !found ? 'missing from the search index' : undefined;
      }),
    ).toEqual([]);
  });
});
