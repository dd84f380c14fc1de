import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIENCE_LABEL,
  LEVEL_LABEL,
  METHOD_LABEL,
  NESTING_LIMIT,
  PRINTABLE_SCRIPTS,
  validateContent,
} from '@frontline/schema';
import { table } from '../src/blocks.ts';
import { groupSizeText, guideData, handoutData } from '../src/data.ts';
import { parseAttendees } from '../src/attendees.ts';
import { quantityFor } from '../src/plan-data.ts';
import { isLearnerFacingFile } from '../src/templates.ts';
import { withoutControls } from '../src/compile.ts';
import { buildGuides, typstEngine, type BuildResult } from '../src/index.ts';

const content = fileURLToPath(new URL('./fixtures/content/', import.meta.url));

const temporary: string[] = [];
/** A fresh output folder, removed after the tests. */
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-guides-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture course whose outage-call module's text is changed by `edit`. */
function editedCourse(edit: (text: string) => string): string {
  const dir = temp();
  cpSync(content, dir, { recursive: true });
  const module = join(dir, 'modules', 'outage-call.md');
  writeFileSync(module, edit(readFileSync(module, 'utf8')));
  return dir;
}

/** The outage call's A4 guide and handout, typeset from an edited copy of the fixture course. */
function buildEdited(edit: (text: string) => string): Promise<BuildResult> {
  const course = editedCourse(edit);
  return buildGuides({ content: course, out: temp(), papers: ['a4'], only: ['outage-call'], progress: false });
}

/** Text of a PDF through poppler's pdftotext (a missing poppler fails the test, loudly). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
/** Words of one page with their boxes, from poppler. */
function pageWords(file: string, page: number): { x0: number; y: number; x1: number; word: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), word: m[4]! }),
  );
}
function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1]);
}
function pdfInfo(file: string): string {
  return execFileSync('pdfinfo', [file], { encoding: 'utf8' });
}

describe('guides and handouts', () => {
  let out: string;
  let result: BuildResult;
  beforeAll(async () => {
    out = temp();
    result = await buildGuides({ content, out, papers: ['a4', 'letter'], progress: false });
  });

  const file = (paper: string, kind: string) => join(out, paper, `outage-call-${kind}.pdf`);

  it('writes a guide, a handout and role cards per module, a manual and a workbook per path, and a day pack, a participant pack, a sign-in sheet and a feedback form per plan, per paper size', () => {
    expect(result.written).toBe(18);
    expect(result.documents.map((d) => `${d.paper}/${d.name}-${d.kind}`).sort()).toEqual(
      ['a4', 'letter']
        .flatMap((p) => [
          `${p}/outage-call-facilitator-guide`,
          `${p}/outage-call-participant-handout`,
          `${p}/outage-call-role-cards`,
          `${p}/starter-facilitator-manual`,
          `${p}/starter-participant-workbook`,
          `${p}/outage-morning-day-pack`,
          `${p}/outage-morning-participant-pack`,
          `${p}/outage-morning-sign-in-sheet`,
          `${p}/outage-morning-feedback-form`,
        ])
        .sort(),
    );
    expect(result.errors).toBe(0);
    // Certificates need names: a course build never writes them.
    expect(result.documents.filter((d) => d.kind === 'certificates')).toEqual([]);
    expect(pdfInfo(file('a4', 'facilitator-guide'))).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
    expect(pdfInfo(file('letter', 'facilitator-guide'))).toMatch(/Page size:\s+612 x 792/);
  });

  it('puts the title, the timed agenda and the answer key in the facilitator guide', () => {
    const text = pdfText(file('a4', 'facilitator-guide'));
    expect(text).toContain('The outage call');
    expect(text).toMatch(/0:00\s+0:10\s+10\s+Opening: three days offline/);
    expect(text).toMatch(/0:10\s+0:30\s+20\s+Role-play/);
    expect(text).toMatch(/0:30\s+0:45\s+15\s+Check and close/);
    expect(text).toContain('Answer key');
    expect(text).toContain('ANSWER-REASON');
    expect(text).toContain('FACILITATOR-ONLY-NOTE');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('prints each segment with its purpose first and its transition last, wherever the author put them', () => {
    const text = pdfText(file('a4', 'facilitator-guide')).replace(/\s+/g, ' ');
    const at = (marker: string) => {
      const i = text.indexOf(marker);
      expect(i, marker).toBeGreaterThan(-1);
      return i;
    };
    const order = [
      'PURPOSE-OPENING',
      'FACILITATOR-ONLY-NOTE',
      'TRANSITION-OPENING',
      'PURPOSE-ROLEPLAY',
      'Opening lines worksheet',
      'TRANSITION-ROLEPLAY',
      'PURPOSE-CLOSE',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const secret of ['PURPOSE-', 'TRANSITION-']) {
      expect(pdfText(file('a4', 'participant-handout'))).not.toContain(secret);
    }
  });

  it('names the module and the current section in the running header', () => {
    const page2 = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file('a4', 'facilitator-guide'), '-'], {
      encoding: 'utf8',
    });
    expect(page2.split('\n')[0]).toMatch(/The outage call · Facilitator guide\s+Agenda/);
  });

  it('keeps a running header inside the margins, its section at the right margin, however long the title', async () => {
    /** Words of a page's header with their boxes, from poppler: those above 54pt (the body's
     * first heading starts at about 62pt, below the 2.4 cm margin). */
    const headerWords = (pdf: string, page: number) =>
      [
        ...execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], {
          encoding: 'utf8',
        }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
      ]
        .map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]), word: m[4]! }))
        .filter((w) => w.y < 54);
    const margin = (2 / 2.54) * 72;
    const width = 595.28;

    // A short header: the title at the left margin, the section ending at the right one, one line.
    const short = headerWords(file('a4', 'facilitator-guide'), 2);
    expect(short.map((w) => w.word).join(' ')).toBe('The outage call · Facilitator guide Agenda');
    expect(short[0]!.x0).toBeCloseTo(margin, 0);
    expect(short.at(-1)!.x1).toBeCloseTo(width - margin, 0);
    expect(new Set(short.map((w) => w.y)).size).toBe(1);

    // The longest title the schema allows, in wide letters: the title wraps, the section stays.
    const title = 'When Wendy Meets Mighty Walls: Managing Workplace Worry With Wise Words And Warm Wellbeing';
    expect(title).toHaveLength(90);
    const built = await buildEdited((text) => text.replace(/^title: .*$/m, `title: '${title}'`));
    let wrapped = 0;
    for (const { file: pdf } of built.documents) {
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))?.[1]);
      expect(pages, pdf).toBeGreaterThanOrEqual(2);
      for (let page = 1; page <= pages; page++) {
        const words = headerWords(pdf, page);
        expect(words.map((w) => w.word).join(' '), `${pdf} page ${page}`).toMatch(
          new RegExp(`^${title} · (Facilitator guide|Participant handout|Role cards) \\S`),
        );
        for (const w of words) {
          expect(w.x0, w.word).toBeGreaterThanOrEqual(margin - 0.5);
          expect(w.x1, w.word).toBeLessThanOrEqual(width - margin + 0.5);
        }
        expect(words.at(-1)!.x1, `${pdf} page ${page}`).toBeCloseTo(width - margin, 0);
        if (new Set(words.map((w) => w.y)).size > 1) wrapped += 1;
      }
    }
    // Some title and section together are longer than the line: those headers took two lines.
    expect(wrapped).toBeGreaterThan(0);
  });

  it('keeps every facilitator-only text and every role brief out of the participant handout', () => {
    const text = pdfText(file('a4', 'participant-handout')).replace(/\s+/g, ' ');
    expect(text).toContain('The outage call');
    expect(text).toContain('The agent named the situation before asking for details.');
    expect(text).toContain('What should Sam say first?');
    for (const secret of [
      'FACILITATOR-ONLY-NOTE',
      'DEBRIEF-ONLY',
      'ANSWER-REASON',
      'Answer key',
      // The role briefs: each is on its own role card, never in everyone's handout.
      'you missed two meetings',
      'Engineers expect a fix by 6 pm',
    ])
      expect(text).not.toContain(secret);
  });

  it('prints each role on its own card, with the observer sheet apart, and nothing for facilitators', () => {
    const pages = pdfText(file('a4', 'role-cards'))
      .split('\f')
      .map((p) => p.replace(/\s+/g, ' '));
    const cards = pages[0]!;
    // Both briefs on the first page, each after its own role's name and before the next card.
    const dana = cards.indexOf('Customer: Dana');
    const sam = cards.indexOf('Agent: Sam');
    expect(dana).toBeGreaterThan(-1);
    expect(sam).toBeGreaterThan(dana);
    expect(cards.slice(dana, sam)).toContain('you missed two meetings');
    expect(cards.slice(dana, sam)).not.toContain('Engineers expect a fix by 6 pm');
    expect(cards.slice(sam)).toContain('Engineers expect a fix by 6 pm');
    expect(cards).not.toContain('The agent named the situation before asking for details.');
    // The observer sheet on a page of its own, with the set-up everyone reads.
    const sheet = pages.find((p) => p.includes('Observer sheet: The outage call'));
    expect(sheet).toContain('The agent named the situation before asking for details.');
    expect(sheet).toContain('Work in threes.');
    expect(sheet).not.toContain('you missed two meetings');
    for (const secret of ['FACILITATOR-ONLY-NOTE', 'DEBRIEF-ONLY', 'ANSWER-REASON'])
      expect(pages.join()).not.toContain(secret);
  });

  it('gives a handout without a reflection activity a reflection sheet built from the objectives', () => {
    const text = pdfText(file('a4', 'participant-handout')).replace(/\s+/g, ' ');
    expect(text).toContain('Reflection: Putting it into practice');
    expect(text).toContain('Where and when I will use it');
    for (const objective of [
      "Restate a customer's situation and its impact in one sentence.",
      'Offer a concrete next step with a time attached.',
    ])
      expect(text).toContain(objective);
  });

  it('combines a path into a manual and a workbook with a table of contents', () => {
    const manual = pdfText(join(out, 'a4', 'starter-facilitator-manual.pdf'));
    expect(manual).toContain('Facilitator manual');
    expect(manual).toMatch(/Contents[\s\S]*The outage call/);
    expect(manual).toContain('ANSWER-REASON');
    const workbook = pdfText(join(out, 'a4', 'starter-participant-workbook.pdf'));
    expect(workbook).toMatch(/Contents[\s\S]*The outage call/);
    for (const secret of ['FACILITATOR-ONLY-NOTE', 'DEBRIEF-ONLY', 'ANSWER-REASON'])
      expect(workbook).not.toContain(secret);
  });

  it("names a module in a manual's running header from its first page, not the part before it", () => {
    const pages = pdfText(join(out, 'a4', 'starter-facilitator-manual.pdf')).split('\f');
    // The module's first page: its "At a glance" table (the contents before it only lists it).
    const start = pages.findIndex((page) => /\bDuration\b/.test(page));
    expect(start).toBeGreaterThan(1);
    expect(pages[start]!.trimStart().split('\n')[0]).toMatch(/^The outage call · Facilitator manual\s+At a glance$/);
  });

  it('prints a plan as a day pack by the clock and a participant pack without facilitator text or role briefs', () => {
    const pack = pdfText(join(out, 'a4', 'outage-morning-day-pack.pdf'));
    expect(pack).toContain('Outage calls, a morning session');
    // The day at a glance, the opening and close in place, each segment at its clock time.
    expect(pack).toMatch(
      /09:30\s+09:50\s+Opening\n[\s\S]*09:50\s+10:00\s+The outage call — Opening: three days offline/,
    );
    expect(pack).toMatch(/Opening, 09:30–09:50[\s\S]*Ground rules[\s\S]*Housekeeping\s+Fire exits are at both ends/);
    expect(pack).toMatch(/10:00–10:20\s+Role-play/);
    expect(pack).toMatch(/Close, 10:35–10:55[\s\S]*Recap[\s\S]*Commitments[\s\S]*Evaluation/);
    expect(pack).toContain('FACILITATOR-ONLY-NOTE');
    // Preparation dated from the plan's day; materials counted for its 10 participants.
    expect(pack).toMatch(/Print the role cards and handouts\.\s+2027-01-10/);
    expect(pack).toMatch(/4 sets\s+Printed role cards, one set per group of three/);
    expect(pack).toMatch(/Room set-up[\s\S]*09:50\s+The outage call: Tables for groups of three/);
    // Printed once: the module's own checklist (Done, Task, When) and agenda are not repeated.
    expect(pack).toMatch(/Done\s+Task\s+By/);
    expect(pack).not.toMatch(/Done\s+Task\s+When/);
    expect(pack).not.toMatch(/Start\s+End\s+Min\s+Segment/);
    const participant = pdfText(join(out, 'a4', 'outage-morning-participant-pack.pdf'));
    expect(participant).toMatch(/Day 1 · 2027-01-12 · 09:30–10:55/);
    expect(participant).toContain('Opening: three days offline');
    for (const secret of [
      'Preparation checklist',
      'FACILITATOR-ONLY-NOTE',
      'PURPOSE-OPENING',
      'TRANSITION-ROLEPLAY',
      'Answer key',
      'missed two meetings',
    ])
      expect(participant).not.toContain(secret);
  });

  it('embeds every font, and only the fonts the project ships: none from the system', () => {
    for (const d of result.documents) {
      const fonts = execFileSync('pdffonts', [d.file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length, d.file).toBeGreaterThan(0);
      // Source Sans 3 from npm; DejaVu Sans Mono comes inside Typst, for code.
      for (const line of fonts)
        expect(line, d.file).toMatch(/^[A-Z]{6}\+(SourceSans3|DejaVuSansMono)\S*\s.*\byes\s+yes\s+yes\b/);
    }
  });

  it('draws characters Source Sans 3 lacks from the fonts inside Typst, never from the system', async () => {
    const line = "Write an opening line that names Dana's situation.";
    // Symbols an author might paste: none of them is in Source Sans 3, all are in DejaVu Sans,
    // which this machine has as a system font. They come from the fallback fonts we ship.
    const built = await buildEdited((text) => text.replace(line, `${line} ✂ ☺ ★ ⚠`));
    const handout = built.documents.find((d) => d.kind === 'participant-handout')!;
    expect(pdfText(handout.file)).toContain('✂');
    const fonts = execFileSync('pdffonts', [handout.file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const font of fonts)
      expect(font).toMatch(/^[A-Z]{6}\+(SourceSans3|DejaVuSansMono|NewCM|Libertinus|NotoEmoji|NotoSansSC)/);
  });

  it('typesets every script a team might write, from fonts shipped on npm, and gives the text back', async () => {
    const line = "Write an opening line that names Dana's situation.";
    // One sample per script; text extraction must give each back. (The Arabic avoids the lam-alef
    // ligature, which poppler extracts with its two letters swapped.)
    const samples = {
      emoji: 'Smile 🙂 and thumbs up 👍',
      chinese: '客户服务很好',
      japanese: 'お客様の声とサービス',
      arabic: 'خدمة ممتازة دائما',
      hebrew: 'שירות מצוין תמיד',
      devanagari: 'ग्राहक सेवा',
      thai: 'บริการลูกค้า',
      greek: 'Καλή εξυπηρέτηση',
      cyrillic: 'Хорошее обслуживание',
      accents: 'Cafe\u0301 re\u0301sume\u0301 Zoe\u0308',
    };
    // Every script the validator lets through (no-unsupported-script) has a sample here.
    expect(
      PRINTABLE_SCRIPTS.every((script) =>
        Object.values(samples).some((t) => new RegExp(`\\p{Script=${script}}`, 'u').test(t)),
      ),
    ).toBe(true);
    const lines = Object.values(samples).map((text) => `Sample: ${text}.`);
    // Paragraphs that start in a right-to-left script are right-to-left paragraphs.
    const rtl = ['שירות מצוין תמיד, גם בטלפון.', 'خدمة ممتازة دائما.'];
    const course = editedCourse((text) => text.replace(line, [line, ...lines, ...rtl].join('\n\n')));
    const { diagnostics } = validateContent(course);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const built = await buildGuides({
      content: course,
      out: temp(),
      papers: ['a4'],
      only: ['outage-call'],
      progress: false,
    });
    // The guide and the handout carry the worksheet; the role cards do not.
    const documents = built.documents.filter((d) => d.kind !== 'role-cards');
    expect(documents).toHaveLength(2);
    for (const { file: pdf } of documents) {
      const text = pdfText(pdf).normalize('NFC');
      for (const [script, sample] of Object.entries(samples))
        expect(text, `${script} in ${pdf}`).toContain(sample.normalize('NFC'));
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      // Each font embedded and subset, and each fallback used for its script.
      for (const font of fonts) expect(font, pdf).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/);
      for (const name of [
        'NotoEmoji',
        'NotoSansSC',
        'IBMPlexSansArabic',
        'NotoSansHebrew',
        'NotoSansDevanagari',
        'NotoSansThai',
      ])
        expect(fonts.join('\n'), pdf).toContain(`+${name}`);
      // A right-to-left paragraph starts at the right margin (in the guide, inside the worksheet's
      // box: 8pt in from it). Poppler gives each word's letters in the order they are drawn.
      const right = 595.28 - (2 / 2.54) * 72;
      const words = Array.from({ length: pageCount(pdf) }, (_, i) => pageWords(pdf, i + 1)).flat();
      for (const first of ['שירות', 'خدمة']) {
        const drawn = words.filter((w) => w.word === [...first].reverse().join(''));
        expect(drawn.length, `${first} in ${pdf}`).toBeGreaterThan(0);
        expect(Math.max(...drawn.map((w) => w.x1)), `${first} in ${pdf}`).toBeGreaterThan(right - 8.5);
        expect(Math.max(...drawn.map((w) => w.x1)), `${first} in ${pdf}`).toBeLessThan(right + 0.5);
      }
    }
  });

  it('typesets nothing of a module with pasted control characters, and says why', async () => {
    // The validator refuses them (no-control-characters), so no PDF can carry them; the data
    // layer strips them as well (next test), for content that reaches it by another way.
    const line = "Write an opening line that names Dana's situation.";
    const pasted = (text: string) =>
      text.replace(line, `${line}\n\nPasted:\u0000 bell\u0007 escape\u001b[31m delete\u007f next\u0085 csi\u009b end.`);
    const diagnostics = validateContent(editedCourse(pasted)).diagnostics.filter((d) => d.severity === 'error');
    expect(diagnostics.map((d) => d.ruleId)).toContain('no-control-characters');
    const out = temp();
    const built = await buildGuides({
      content: editedCourse(pasted),
      out,
      papers: ['a4'],
      only: ['outage-call'],
      progress: false,
    });
    expect(built.documents).toEqual([]);
    expect(built.skipped.map((s) => s.file).sort()).toEqual([
      join(out, 'a4/outage-call-facilitator-guide.pdf'),
      join(out, 'a4/outage-call-participant-handout.pdf'),
    ]);
    for (const { reason } of built.skipped) expect(reason).toMatch(/outage-call/);
  });

  it('removes control characters from the data, and nothing else', () => {
    const cases: [string, string][] = [
      ['a\u0000b\u0008c\u000bd\u000ce\u001ff', 'abcdef'],
      ['tab\tline\nreturn\r', 'tab\tline\nreturn\r'],
      ['delete\u007f next\u0085 csi\u009b no-break\u00a0é', 'delete next csi no-break\u00a0é'],
      // An author's backslash followed by letters is text, not an escape.
      ['\\u0000 and \\b', '\\u0000 and \\b'],
      ['\\\u0007x', '\\x'],
    ];
    for (const [input, output] of cases)
      expect(JSON.parse(withoutControls(JSON.stringify({ v: input })))).toEqual({ v: output });
  });

  it('breaks a word longer than the line rather than letting it run off the page', async () => {
    const line = "Write an opening line that names Dana's situation.";
    const word = 'Supercalifragilistic'.repeat(15);
    const path = 'shared/drive/customer_service/'.repeat(12);
    const built = await buildEdited((text) =>
      text
        .replace(
          line,
          `${line}\n\nLong: ${word} and \`${path}\` done.\n\n| Ref | Note |\n| --- | --- |\n| ${word} | x |`,
        )
        .replace(/^title: .*$/m, `title: ${'Wellbeing'.repeat(9)}`),
    );
    const margin = (2 / 2.54) * 72;
    const documents = built.documents.filter((d) => d.kind !== 'role-cards');
    expect(documents).toHaveLength(2);
    for (const { file: pdf } of documents) {
      let pages = 0;
      for (let page = 1; page <= pageCount(pdf); page++, pages++)
        for (const w of pageWords(pdf, page)) {
          expect(w.x0, `${pdf} page ${page}: ${w.word}`).toBeGreaterThanOrEqual(margin - 0.5);
          expect(w.x1, `${pdf} page ${page}: ${w.word}`).toBeLessThanOrEqual(595.28 - margin + 0.5);
        }
      expect(pages).toBeGreaterThan(1);
      // Broken across lines, the word still reads as one word in copied text.
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(word);
      expect(text).toContain(path);
    }
  });

  it('typesets the deepest nesting the validator accepts, in every document, inside a facilitator note and a role card', async () => {
    /** Lists and quotes in turn, `levels` deep in all, each level's line naming it. */
    const nested = (levels: number, indent = '') =>
      Array.from({ length: levels }, (_, i) => {
        const prefix = Array.from({ length: i }, (_, j) => (j % 2 === 0 ? '  ' : '> ')).join('');
        return `${indent}${prefix}${i % 2 === 0 ? '-' : '>'} LEVEL-${i + 1}`;
      }).join('\n');
    const course = editedCourse((text) =>
      text
        // The note and the role card are one level themselves, and the role-play around the role another.
        .replace(
          'FACILITATOR-ONLY-NOTE: keep the opening to ten minutes.',
          (l) => `${l}\n\n${nested(NESTING_LIMIT - 1)}`,
        )
        .replace(
          'Your internet has been down since Monday and you missed two meetings.',
          (l) => `${l}\n\n${nested(NESTING_LIMIT - 2)}`,
        )
        .replace("Write an opening line that names Dana's situation.", (l) => `${l}\n\n${nested(NESTING_LIMIT - 1)}`),
    );
    const { diagnostics } = validateContent(course);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const built = await buildGuides({ content: course, out: temp(), papers: ['a4'], progress: false });
    // Every document of the course, the plan's sign-in sheet and feedback form included.
    expect(built.documents).toHaveLength(9);
    const manual = pdfText(built.documents.find((d) => d.kind === 'facilitator-manual')!.file);
    expect(manual).toContain(`LEVEL-${NESTING_LIMIT - 1}`);
    // One level more is refused, with its place.
    const deeper = editedCourse((text) =>
      text.replace(
        'FACILITATOR-ONLY-NOTE: keep the opening to ten minutes.',
        (l) => `${l}\n\n${nested(NESTING_LIMIT)}`,
      ),
    );
    expect(validateContent(deeper).diagnostics.filter((d) => d.ruleId === 'nesting-depth')).toHaveLength(1);
  });

  it('is deterministic and skips unchanged documents', async () => {
    const before = readFileSync(file('a4', 'facilitator-guide'));
    const again = await buildGuides({ content, out, papers: ['a4', 'letter'], progress: false });
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(18);
    const fresh = temp();
    await buildGuides({ content, out: fresh, papers: ['a4'], progress: false });
    expect(readFileSync(join(fresh, 'a4', 'outage-call-facilitator-guide.pdf')).equals(before)).toBe(true);
  });

  it('typesets the same bytes in this process as in the pool of processes', async () => {
    const inline = temp();
    const pooled = await buildGuides({ content, out: inline, papers: ['a4'], progress: false, workers: 0 });
    expect(pooled.written).toBe(result.documents.filter((d) => d.paper === 'a4').length);
    for (const d of result.documents.filter((d) => d.paper === 'a4'))
      expect(readFileSync(join(inline, 'a4', d.file.split('/').at(-1)!)).equals(readFileSync(d.file)), d.file).toBe(
        true,
      );
  });

  it('tags every PDF for screen readers (PDF/UA-1) with Typst 0.14, which has a binary for Linux x64', () => {
    const engine = typstEngine();
    if (process.platform === 'linux' && process.arch === 'x64') expect(engine.typst).toBe('0.14');
    for (const d of result.documents) {
      const info = spawnSync('pdfinfo', [d.file], { encoding: 'utf8' });
      expect(info.status, d.file).toBe(0);
      // Nothing on stderr: poppler opens the file without a complaint.
      expect(info.stderr, d.file).toBe('');
      expect(info.stdout, d.file).toMatch(engine.tagged ? /^Tagged:\s+yes$/m : /^Tagged:\s+no$/m);
      if (engine.tagged) expect(readFileSync(d.file).includes('pdfuaid:part>1<'), d.file).toBe(true);
    }
  });

  it('tags lists as lists: each item a label and a body', () => {
    if (!typstEngine().tagged) return expect(typstEngine().typst).toBe('0.13');
    const tree = execFileSync('pdfinfo', ['-struct', file('a4', 'facilitator-guide')], { encoding: 'utf8' });
    // The objectives: a list of three items right after the "Participants will be able to" line.
    const list = /H2 "Objectives"[\s\S]*?\n(\s*)L \(block\):\n([\s\S]*?)\n\1H2/.exec(tree)?.[2];
    expect(list, tree.slice(0, 2000)).toBeDefined();
    expect(list?.match(/^\s*LI \(block\)$/gm)).toHaveLength(3);
    expect(list?.match(/^\s*Lbl \(block\)$/gm)).toHaveLength(3);
    expect(list?.match(/^\s*LBody \(block\)$/gm)).toHaveLength(3);
  });

  it("tags an author table's first row as its header", async () => {
    if (!typstEngine().tagged) return expect(typstEngine().typst).toBe('0.13');
    const line = "Write an opening line that names Dana's situation.";
    const worksheet = `${line}\n\n| What Dana said | What you would say |\n| --- | --- |\n| Three days offline | |\n| My shop is losing money | |\n`;
    const built = await buildEdited((text) => text.replace(line, worksheet));
    const handout = built.documents.find((d) => d.kind === 'participant-handout')!.file;
    const tree = execFileSync('pdfinfo', ['-struct', handout], { encoding: 'utf8' });
    const table = /\n(\s*)Table \(block\):\n([\s\S]*?)\n\1\S/.exec(tree)?.[2];
    expect(table, tree.slice(0, 3000)).toBeDefined();
    const head = /THead\n([\s\S]*?)\n\s*TBody/.exec(table ?? '')?.[1] ?? '';
    expect(head.match(/^\s*TH\b.*:$/gm)).toHaveLength(2);
    expect(head).toMatch(/\/Scope \/Column/);
    expect(table?.match(/^\s*TD\b.*:$/gm)).toHaveLength(4);
  });

  it('typesets every template with the Typst 0.13 fallback too (untagged)', async () => {
    const fallback = temp();
    const before = process.env.FRONTLINE_TYPST;
    process.env.FRONTLINE_TYPST = '0.13';
    try {
      // The typesetting processes inherit the setting; this process only plans.
      const built = await buildGuides({ content, out: fallback, papers: ['a4'], progress: false, workers: 2 });
      expect(built.documents.length).toBe(9);
      // And the certificates, which only a plan with names has.
      const certificates = await buildGuides({
        content,
        out: temp(),
        papers: ['a4'],
        progress: false,
        workers: 2,
        plan: 'outage-morning',
        attendees: ['Zoë Ångström'],
      });
      expect(certificates.documents.map((d) => d.kind)).toContain('certificates');
      for (const d of [...built.documents, ...certificates.documents]) {
        const info = spawnSync('pdfinfo', [d.file], { encoding: 'utf8' });
        expect(info.stdout, d.file).toMatch(/^Creator:\s+Typst 0\.13/m);
        expect(info.stdout, d.file).toMatch(/^Tagged:\s+no$/m);
        expect(pdfText(d.file).length, d.file).toBeGreaterThan(200);
      }
    } finally {
      if (before === undefined) delete process.env.FRONTLINE_TYPST;
      else process.env.FRONTLINE_TYPST = before;
    }
  });

  it('reports an unknown module from the planning process', async () => {
    const out = temp();
    await expect(buildGuides({ content, out, only: ['no-such-module'], progress: false, workers: 2 })).rejects.toThrow(
      /No valid module with id `no-such-module`/,
    );
  });

  it('starts the agenda clock at a given time', async () => {
    const timed = temp();
    await buildGuides({ content, out: timed, papers: ['a4'], start: '09:30', progress: false });
    expect(pdfText(join(timed, 'a4', 'outage-call-facilitator-guide.pdf'))).toMatch(/09:30\s+09:40\s+10\s+Opening/);
  });
});

/** A copy of the fixture course with its plan's text changed by `edit`. */
function editedPlan(edit: (text: string) => string, module: (text: string) => string = (t) => t): string {
  const dir = editedCourse(module);
  const plan = join(dir, 'plans', 'outage-morning.yaml');
  writeFileSync(plan, edit(readFileSync(plan, 'utf8')));
  return dir;
}

/** The lines of a PDF's text without each page's running header (its first line). */
function bodyText(file: string): string {
  return pdfText(file)
    .split('\f')
    .map((page) => page.replace(/^\s*\n*[^\n]*\n/, ''))
    .join('\n');
}

/** What the facilitator's view has and the participant's must not: from the fixture module. */
const FACILITATOR_PHRASES = [
  'FACILITATOR-ONLY-NOTE',
  'PURPOSE-OPENING',
  'TRANSITION-ROLEPLAY',
  'ANSWER-REASON',
  'DEBRIEF-ONLY',
  'missed two meetings',
  'Preparation checklist',
  'Answer key',
];

describe('day pack faults', () => {
  it('prints a break that falls between two segments of a module between them, not before the next module', async () => {
    // A break every 30 minutes of training puts one after the module's first segment.
    const course = editedPlan((text) => text.replace('every: 90', 'every: 30').replace('end: "10:55"', 'end: "11:40"'));
    const built = await buildGuides({ content: course, out: temp(), papers: ['a4'], progress: false });
    expect(built.skipped).toEqual([]);
    const pack = built.documents.find((d) => d.kind === 'day-pack')!.file;
    // From the opening part on: past the contents and the day at a glance, headers left out.
    const body = bodyText(pack)
      .split(/Opening, 09:30–09:50\n/)
      .at(-1)!;
    const at = (pattern: RegExp) => body.search(pattern);
    const first = at(/09:50–10:00\s+Opening: three days offline/);
    const breakAt = at(/10:00–10:15\s+Break/);
    const rolePlay = at(/10:15–10:35\s+Role-play/);
    const secondBreak = at(/10:35–10:50\s+Break/);
    const last = at(/10:50–11:05\s+Check and close/);
    expect([first, breakAt, rolePlay, secondBreak, last].every((i) => i >= 0)).toBe(true);
    expect(first).toBeLessThan(breakAt);
    expect(breakAt).toBeLessThan(rolePlay);
    expect(rolePlay).toBeLessThan(secondBreak);
    expect(secondBreak).toBeLessThan(last);
  });

  it('gives every material a quantity and says how it was counted', async () => {
    const course = editedPlan(
      (text) => text,
      (text) =>
        text.replace('materials:\n', 'materials:\n  - A flip chart and markers\n  - Printed handout, one per person\n'),
    );
    const built = await buildGuides({ content: course, out: temp(), papers: ['a4'], progress: false });
    const pack = pdfText(built.documents.find((d) => d.kind === 'day-pack')!.file);
    expect(pack).toMatch(/1\s+A flip chart and markers/);
    expect(pack).toMatch(/one for the room/);
    expect(pack).toMatch(/10\s+Printed handout, one per person/);
    expect(pack).toMatch(/one each for 10 people/);
    expect(pack).toMatch(/4 sets\s+Printed role cards, one set per group of three/);
    expect(pack).toMatch(/10 ÷ 3, rounded up/);
  });

  it('counts materials from the words modules use, and one for the room when they give no count', () => {
    expect(quantityFor('A flip chart and markers', 12)).toEqual({ quantity: '1', basis: 'one for the room' });
    expect(quantityFor('Recent complaint themes (optional)', 12)).toEqual({
      quantity: '1',
      basis: 'one for the room, if you use it',
    });
    expect(quantityFor('Printed role cards, one set per pair', 12)).toEqual({ quantity: '6 sets', basis: '12 ÷ 2' });
    expect(quantityFor('Printed handout, one per person', undefined)).toEqual({
      quantity: 'one per person',
      basis: 'the plan gives no head count',
    });
  });
});

describe('sign-in sheet and feedback form', () => {
  let out: string;
  beforeAll(async () => {
    out = temp();
    await buildGuides({ content, out, papers: ['a4'], plan: 'outage-morning', progress: false });
  });
  const plan = (kind: string) => join(out, 'a4', `outage-morning-${kind}.pdf`);

  it('gives the sign-in sheet a row for each expected participant and three spare, with the plan, date and venue', () => {
    const text = pdfText(plan('sign-in-sheet'));
    expect(text).toContain('Outage calls, a morning session');
    expect(text).toContain('12 January 2027');
    expect(text).toMatch(/Venue\s+Training room 2/);
    expect(text).toMatch(/No\.\s+Name \(printed\)\s+Team or role\s+Time in\s+Signature/);
    // The numbered rows, and nothing after the last.
    const numbers = [...text.matchAll(/^\s*(\d+)\s*$/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(text).toContain('13 rows: 10 expected participants and 3 spare.');
  });

  it('repeats the sign-in table header on every page it runs onto, and gives each day its own sheet', async () => {
    const course = editedPlan((text) =>
      text
        .replace('participants: 10', 'participants: 40')
        .replace(/days:\n([\s\S]*)$/, (_, day: string) => `days:\n${day}${day.replace('2027-01-12', '2027-01-13')}`),
    );
    const built = await buildGuides({
      content: course,
      out: temp(),
      papers: ['a4'],
      plan: 'outage-morning',
      progress: false,
    });
    const sheet = built.documents.find((d) => d.kind === 'sign-in-sheet')!.file;
    const pages = pdfText(sheet)
      .split('\f')
      .filter((p) => p.trim());
    // 48 rows a day (40 and 8 spare) over two days: more than one page each.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(page).toMatch(/No\.\s+Name \(printed\)\s+Team or role/);
    const text = pages.join('\n');
    expect(text).toMatch(/Day 1: 12 January 2027[\s\S]*Day 2: 13 January 2027/);
    expect([...text.matchAll(/^\s*48\s*$/gm)]).toHaveLength(2);
  });

  it("lists each module's objectives on the feedback form, with rating boxes, and nothing from the facilitator's view", () => {
    const text = pdfText(plan('feedback-form'));
    const flat = text.replace(/\s+/g, ' ');
    const [outage] = validateContent(content).modules;
    const objectives = outage!.frontmatter.objectives.map((o) => o.text);
    expect(objectives.length).toBeGreaterThanOrEqual(3);
    for (const objective of objectives) expect(flat).toContain(objective);
    expect(flat).toContain('The outage call');
    // The scale's labels above the boxes (a long label wraps onto two lines).
    expect(text).toMatch(
      /Strongly\s+Strongly\n.*How far do you agree\?\s+disagree\s+Disagree\s+Neutral\s+Agree\s+agree/,
    );
    expect(text).toMatch(/How confident are you that you can …\s+Not at all\s+A little\s+Somewhat\s+Quite\s+Very/);
    expect(flat).toContain('What will you do differently?');
    for (const secret of FACILITATOR_PHRASES) expect(text).not.toContain(secret);
    // Anonymous: no line for a name.
    expect(text).not.toMatch(/Name:/);
  });

  it('publishes the feedback form to learners with the participant pack, and keeps the sign-in sheet and certificates to trainers', () => {
    expect(isLearnerFacingFile('outage-morning-feedback-form.pdf')).toBe(true);
    expect(isLearnerFacingFile('outage-morning-sign-in-sheet.pdf')).toBe(false);
    expect(isLearnerFacingFile('outage-morning-certificates.pdf')).toBe(false);
  });
});

describe('certificates of attendance', () => {
  // (The Arabic avoids the lam-alef ligature, which poppler extracts with its two letters swapped.)
  const names = ['Zoë Ångström-Núñez', '张伟', 'سارة محمد', 'Doe, Jane'];
  let built: BuildResult;
  beforeAll(async () => {
    built = await buildGuides({
      content,
      out: temp(),
      papers: ['a4', 'letter'],
      plan: 'outage-morning',
      attendees: names,
      progress: false,
    });
  });
  const certificates = (paper: string) =>
    built.documents.find((d) => d.kind === 'certificates' && d.paper === paper)!.file;

  it("writes only the plan's documents and one certificates file per paper, a landscape page per attendee", () => {
    expect(built.documents.map((d) => `${d.paper}/${d.name}-${d.kind}`).sort()).toEqual(
      ['a4', 'letter']
        .flatMap((p) =>
          ['day-pack', 'participant-pack', 'sign-in-sheet', 'feedback-form', 'certificates'].map(
            (k) => `${p}/outage-morning-${k}`,
          ),
        )
        .sort(),
    );
    expect(pageCount(certificates('a4'))).toBe(names.length);
    expect(pdfInfo(certificates('a4'))).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
    expect(pdfInfo(certificates('letter'))).toMatch(/Page size:\s+792 x 612/);
  });

  it("prints each attendee's name on their own page, and no one else's, in any script the fonts cover", () => {
    const pages = pdfText(certificates('a4')).split('\f').slice(0, names.length);
    expect(pages).toHaveLength(names.length);
    pages.forEach((page, i) => {
      expect(page).toContain(names[i]);
      for (const other of names.filter((_, j) => j !== i)) expect(page).not.toContain(other);
      expect(page).toContain('Outage calls, a morning session');
      expect(page).toContain('12 January 2027');
      expect(page).toContain('45 minutes of training');
      expect(page).toContain('The outage call');
      expect(page).toContain('Facilitator’s signature');
    });
  });

  it('tags the certificates for screen readers, embeds their fonts, and typesets the same bytes again', async () => {
    const file = certificates('a4');
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info.stderr).toBe('');
    if (typstEngine().tagged) {
      expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
      expect(readFileSync(file).includes('pdfuaid:part>1<')).toBe(true);
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(1);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    const again = await buildGuides({
      content,
      out: temp(),
      papers: ['a4'],
      plan: 'outage-morning',
      attendees: names,
      progress: false,
      workers: 0,
    });
    const twin = again.documents.find((d) => d.kind === 'certificates')!.file;
    expect(readFileSync(twin).equals(readFileSync(file))).toBe(true);
  });

  it('treats a name as text, never as Typst', async () => {
    const hostile = ['#panic("x")', '$ x^2 $ *bold* [link](x) \\ #{1+1}'];
    const again = await buildGuides({
      content,
      out: temp(),
      papers: ['a4'],
      plan: 'outage-morning',
      attendees: hostile,
      progress: false,
    });
    const text = pdfText(again.documents.find((d) => d.kind === 'certificates')!.file);
    for (const name of hostile) expect(text).toContain(name);
  });

  it('refuses certificates without a plan, and an unknown plan', async () => {
    await expect(buildGuides({ content, out: temp(), attendees: ['A name'], progress: false })).rejects.toThrow(
      /Certificates need a plan/,
    );
    await expect(buildGuides({ content, out: temp(), plan: 'no-such-plan', progress: false })).rejects.toThrow(
      /No plan with id `no-such-plan`/,
    );
  });
});

describe('attendees files', () => {
  const read = (text: string | Uint8Array) => parseAttendees(typeof text === 'string' ? Buffer.from(text) : text);

  it('reads a name column by its common headers, with a byte order mark, quoted commas and CRLF', () => {
    const file =
      '\uFEFFTeam,Full Name\r\nOps,"Doe, Jane"\r\n\r\nSales,  Zoë Ångström  \r\n,,\r\nSupport,"Li ""Lily"" Wei"\r\n';
    expect(read(file)).toEqual({ names: ['Doe, Jane', 'Zoë Ångström', 'Li "Lily" Wei'], problems: [] });
    for (const header of ['name', 'NAME', 'Attendee', 'participant_name', 'full-name'])
      expect(read(`${header}\nA Person\n`).names).toEqual(['A Person']);
  });

  it('refuses bad names at their line and column, all in one run', () => {
    const file = ['id,name', '1,Ada', '2,Bad\u0007bell', '3,', '4,Evil\u202Eeman', '5,"Two', 'lines"', '6,ሰላም'].join(
      '\n',
    );
    const { problems } = read(file);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:6 Unexpected invisible character U+0007 in a name, expected visible text on one line',
      '4:3 Unexpected empty name, expected the attendee’s name',
      '5:7 Unexpected invisible character U+202E in a name, expected visible text on one line',
      '6:7 Unexpected invisible character U+000A in a name, expected visible text on one line',
      '8:3 Unexpected character `ሰ` (U+1230) in a name, expected a script the certificates have a font for',
    ]);
    for (const p of problems) expect(p.hint.length).toBeGreaterThan(10);
  });

  it('refuses a file with no name column, an empty file, a file that is not UTF-8, and an unclosed quote', () => {
    expect(read('id,team\n1,Ops\n').problems).toMatchObject([
      { line: 1, column: 1, message: 'Unexpected header `id`, `team`, expected a column called `name`' },
    ]);
    expect(read('').problems).toMatchObject([{ line: 1, column: 1 }]);
    expect(read('name\n').problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'Unexpected file with a header and no attendees, expected a row per attendee after the header'],
    ]);
    // "Zoë" in Latin-1 on line 3.
    const latin1 = Buffer.concat([Buffer.from('name\nAda\nZo'), Buffer.from([0xeb]), Buffer.from('\n')]);
    expect(read(latin1).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:3 Unexpected bytes that are not UTF-8 text, expected a CSV file saved as UTF-8',
    ]);
    expect(read('name\nAda\n"Unclosed\n').problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:1 Unexpected end of the file inside a quoted field, expected a closing `"`',
    ]);
  });
});

describe('reflection sheets', () => {
  it("uses the module's own reflection activities when it has them, and adds no other sheet", () => {
    const reflection = [
      ':::reflection[REFLECTION-OWN]{objectives="spot-scripts"}',
      'Think of the last scripted opening you used. How did the customer answer?',
      '',
      '::writing-space{lines=3}',
      ':::',
      '',
      ':::handout[Opening lines worksheet]',
    ].join('\n');
    const dir = editedCourse((text) => text.replace(':::handout[Opening lines worksheet]', reflection));
    const { modules, diagnostics } = validateContent(dir);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [outage] = modules;
    const sheets = handoutData(outage!, new Map(), 'a4').reflections;
    expect(sheets.map((r) => r.title)).toEqual(['REFLECTION-OWN']);
  });
});

describe('table columns', () => {
  const cell = (v: string) => (v ? [{ t: 'text' as const, v }] : []);
  const rows = (...r: string[][]) => r.map((row) => row.map(cell));
  const sentence = 'Restate a customer situation and its impact in one sentence.';

  it('gives a blank column the spare width, shared with sentences beside it but not with labels', () => {
    expect(table(rows(['Step', 'My words'], ['Slow down', ''], ['Close', '']))).toMatchObject({
      columns: ['fit', 'write'],
    });
    expect(table(rows(['What I can now do', 'Where'], [sentence, '']))).toMatchObject({ columns: ['share', 'write'] });
  });

  it('sizes every column by its text when there is nothing to write in', () => {
    expect(table(rows(['Measure', 'Why'], ['Handle time', sentence]))).toMatchObject({ columns: ['fit', 'fit'] });
  });
});

describe('words for people, not ids', () => {
  it("prints a module's audience, level and segment methods as labels", () => {
    const [module] = validateContent(content).modules.filter((m) => m.id === 'outage-call');
    expect(module).toBeDefined();
    const data = guideData(module!, new Map(), 'a4');
    expect(data.module.level).toBe(LEVEL_LABEL[module!.frontmatter.level]);
    expect(data.module.audience).toEqual(module!.frontmatter.audience.map((a) => AUDIENCE_LABEL[a]));
    for (const segment of data.segments) expect(Object.values(METHOD_LABEL)).toContain(segment.method);
    expect(data.segments.length).toBeGreaterThan(0);
  });
});

it('says a group size as people say it', () => {
  expect(groupSizeText({ min: 1, max: 1 })).toBe('One to one');
  expect(groupSizeText({ min: 12, max: 12 })).toBe('12 participants');
  expect(groupSizeText({ min: 6, max: 16 })).toBe('6 to 16 participants');
  expect(groupSizeText(undefined)).toBe('Any size');
});
