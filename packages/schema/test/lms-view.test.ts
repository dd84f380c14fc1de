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
