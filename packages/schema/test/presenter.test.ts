import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import {
  allElements,
  facilitatorView,
  planPresenterView,
  presenterView,
  readBody,
  renderSlides,
  validateContent,
  type Frontmatter,
  type Module,
  type PresenterView,
  type ViewElement,
} from '../src/index.ts';
import { parseWithSatteri } from '../src/parse.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const course = validateContent(`${root}content`, { cwd: root });
const modules = new Map(course.modules.map((m) => [m.id, m]));

/** Plain text of elements, facilitator-only or not. */
const textOf = (elements: readonly ViewElement[]): string =>
  [...allElements(elements)].map((e) => (e.kind === 'prose' ? toString(e.node) : '')).join('\n');

/** Every text of a module that only facilitators see (notes, expected answers, debriefs). */
function facilitatorTexts(module: Module): string[] {
  const view = facilitatorView(module);
  const out: string[] = [];
  for (const element of [...view.intro, ...view.segments.flatMap((s) => s.elements)])
    for (const e of allElements([element]))
      if (e.kind !== 'prose' && e.kind !== 'check' && !e.readers.includes('participant') && e.kind !== 'role')
        out.push(
          ...textOf(e.kind === 'writing-space' ? [] : e.children)
            .split('\n')
            .filter((t) => t.length > 30),
        );
  return out;
}

/** The slides' visible text, without the notes. */
function screenText(view: PresenterView): string {
  return view.slides
    .map((s) =>
      [
        s.title,
        s.subtitle,
        textOf(s.screen),
        ...(s.question
          ? [
              s.question.options
                .flat()
                .map((p) => toString(p))
                .join(' '),
            ]
          : []),
      ].join('\n'),
    )
    .join('\n');
}
const notesText = (view: PresenterView): string =>
  view.slides.map((s) => [textOf(s.notes.elements), ...s.notes.steps.map((t) => t.text)].join('\n')).join('\n');

describe('the presenter view of every module in the course', () => {
  it('has modules to test', () => expect(modules.size).toBeGreaterThan(5));

  for (const module of course.modules)
    it(module.id, () => {
      const view = presenterView(module);
      const segments = module.body.segments;
      // Every segment title is on a slide of its own item, and there are at least as many slides.
      const titles = view.slides.map((s) => s.title);
      for (const segment of segments) expect(titles).toContain(segment.title);
      expect(view.slides.length).toBeGreaterThanOrEqual(segments.length);
      // Facilitator text is in the notes, never on a slide.
      const screen = screenText(view);
      const notes = notesText(view);
      const secret = facilitatorTexts(module);
      expect(secret.length).toBeGreaterThan(0);
      for (const text of secret) {
        expect(screen).not.toContain(text);
        expect(notes).toContain(text);
      }
      // Every question has a slide, its answer kept apart from its options.
      const questions = view.slides.filter((s) => s.question);
      expect(questions.length).toBe(module.body.checks.reduce((n, c) => n + c.questions.length, 0));
      for (const s of questions) expect(s.question!.answer.options.length).toBeGreaterThan(0);
    });
});

describe('the presenter view of every plan', () => {
  it('has plans to test', () => expect(course.plans.length).toBeGreaterThan(0));

  for (const checked of course.plans)
    it(checked.plan.id, () => {
      const view = planPresenterView(checked, modules);
      const segments = checked.schedule.days.flatMap((d) => d.items.filter((i) => i.kind === 'segment'));
      expect(view.items.filter((i) => i.kind === 'segment').map((i) => [i.title, i.start, i.end])).toEqual(
        segments.map((i) => [i.title, i.start, i.end]),
      );
      expect(view.clock).toBe(true);
      const html = renderSlides(view);
      expect(html.match(/<section/g)?.length).toBe(view.slides.length);
      // The plan's clock times are in the notes of each segment's first slide.
      const first = segments[0]!;
      const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      expect(html).toContain(`${clock(first.start)}–${clock(first.end)}`);
    });
});

const FRONTMATTER = { ...course.modules[0]!.frontmatter, id: 'fixture' } satisfies Frontmatter;
function moduleOf(body: string): Module {
  const tree = parseWithSatteri(body);
  return { id: 'fixture', file: 'modules/fixture.md', frontmatter: FRONTMATTER, body: readBody(tree), tree };
}

const LONG = 'This paragraph goes on and on about the situation. '.repeat(8);

const FIXTURE = `::segment[Opening]{minutes=10 method=presentation}

:::facilitator[How to run it]
1. Ask who has had a hard call this week (4 minutes).
2. Show the three steps (6 minutes).
:::

${LONG}

- Acknowledge
- Explain
- Act

::segment[Your turn]{minutes=10 method=exercise}

Long text stays on the handout.

:::screen[Three steps]
Name it, explain it, **act** on it <script>alert(1)</script>.
:::

:::check
::question[What comes first?]{objective=a}

- [ ] The fix
- [x] Naming the situation

Reason: People listen once they feel heard.
:::
`;

describe('what the presenter view puts on a slide', () => {
  const view = presenterView(moduleOf(FIXTURE));
  const html = renderSlides(view);

  it('shows key points, not long prose', () => {
    const opening = view.slides.find((s) => s.title === 'Opening')!;
    expect(textOf(opening.screen)).toContain('Acknowledge');
    expect(textOf(opening.screen)).not.toContain('goes on and on');
  });

  it("puts an author's screen block on its own slide, and nothing else of that segment", () => {
    const slide = view.slides.find((s) => s.title === 'Three steps')!;
    expect(textOf(slide.screen)).toContain('Name it, explain it');
    expect(textOf(view.slides.find((s) => s.title === 'Your turn')!.screen)).toBe('');
  });

  it('times the steps from the segment start, in the notes', () => {
    const opening = view.slides.find((s) => s.title === 'Opening')!;
    expect(opening.notes.steps.map((s) => [s.start, s.end])).toEqual([
      [0, 4],
      [4, 10],
    ]);
    expect(html).toContain('0 min–4 min · Ask who has had a hard call');
    expect(html).toContain('0 min–10 min (10 min): Opening');
  });

  it('reveals the answer on its own step, after the options', () => {
    const section = html.split('<section').find((s) => s.includes('What comes first?'))!;
    const options = section.indexOf('class="options"');
    const answer = section.indexOf('class="fragment answer"');
    expect(options).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(options);
    expect(section.slice(answer)).toContain('Naming the situation');
    expect(section.slice(answer)).toContain('People listen once they feel heard.');
    expect(section.slice(0, answer)).not.toContain('People listen');
  });

  it('keeps notes in reveal’s notes element and escapes author text', () => {
    expect(html).toMatch(/<aside class="notes">[^]*Ask who has had a hard call/);
    expect(html).not.toContain('<script');
    expect(html.match(/<section/g)?.length).toBe(view.slides.length);
  });
});

it('gives the FORMAT.md example of :::screen a slide of its own, titled by its label', () => {
  const format = readFileSync(new URL('../FORMAT.md', import.meta.url), 'utf8');
  const example = /### Slides for the presenter[\s\S]*?```markdown\n([\s\S]*?)```/.exec(format)?.[1] ?? '';
  expect(example).toContain(':::screen');
  const view = presenterView(moduleOf(example));
  expect(view.slides.map((s) => s.title)).toEqual([FRONTMATTER.title, 'Why acknowledging works', 'Three moves']);
  expect(textOf(view.slides[2]!.screen)).toContain('Name the situation');
  expect(textOf(view.slides[1]!.screen)).toBe('');
});
