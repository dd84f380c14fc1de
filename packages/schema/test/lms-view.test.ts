import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { learnerView, lmsView, renderView, validateContent, viewElements, type ModuleView } from '../src/index.ts';

const course = validateContent(fileURLToPath(new URL('../../../content/', import.meta.url)));

const questionsOf = (view: ModuleView) =>
  [...viewElements(view)].flatMap((e) => (e.kind === 'check' ? e.questions : []));

describe('lmsView', () => {
  it.each(course.modules.map((m) => [m.id, m] as const))(
    '%s: no answer, facilitator note or role brief in the view; its answer key matches the learner’s',
    (_id, module) => {
      const view = lmsView(module);
      const html = renderView(view).html;
      for (const hidden of ['data-correct', 'class="answer"', 'role-card', 'facilitator-note'])
        expect(html).not.toContain(hidden);
      const kinds = new Set([...viewElements(view)].map((e) => e.kind));
      for (const kind of ['facilitator', 'expected', 'debrief', 'role']) expect(kinds.has(kind as never)).toBe(false);
      const questions = questionsOf(view);
      expect(questions.length).toBeGreaterThan(0);
      expect(questions.every((q) => !q.answered && q.reason === undefined)).toBe(true);
      const learner = questionsOf(learnerView(module));
      expect([...view.answers.keys()]).toEqual(learner.map((q) => q.id));
      for (const q of learner) {
        const key = q.options.flatMap((o, i) => (o.correct ? [i + 1] : []));
        expect(key.length).toBeGreaterThan(0);
        expect(view.answers.get(q.id)).toEqual(key);
      }
    },
  );
});

describe('lmsView for a learner on their own', () => {
  const groupWork = (view: ModuleView) =>
    [...viewElements(view)].filter(
      (e): e is Extract<typeof e, { children: unknown }> => e.kind === 'discussion' || e.kind === 'roleplay',
    );
  const textOf = (element: unknown): string => JSON.stringify(element);

  it.each(course.modules.map((m) => [m.id, m] as const))(
    '%s: every discussion says how to do it alone, as on the site; every role-play that its cards are in the workshop',
    (_id, module) => {
      const view = lmsView(module);
      expect(view.alone).toBe(true);
      const learnerAlone = groupWork(learnerView(module)).map((e) =>
        textOf(e.children.find((c) => c.kind === 'self-study')),
      );
      const activities = groupWork(view);
      activities.forEach((activity, i) => {
        const own = activity.children.filter((c) => c.kind === 'self-study');
        expect(own).toHaveLength(1);
        if (activity.kind === 'discussion') expect(textOf(own[0])).toBe(learnerAlone[i]);
        else expect(textOf(own[0])).toContain('The cards are not in this package.');
      });
    },
  );

  it('has group work to check in the course', () => {
    const count = course.modules.flatMap((m) => groupWork(lmsView(m))).length;
    expect(count).toBeGreaterThan(10);
  });
});
