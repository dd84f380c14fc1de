import { expect, it } from 'vitest';
import { buildCorpus, renderModule, validateCorpus } from '../src/index.ts';
import { readFileSync } from 'node:fs';
import { FIXTURES } from './helpers.ts';

const text = readFileSync(`${FIXTURES}required-sections/ok.md`, 'utf8')
  .replace('Give groups five minutes.', 'SECRET-FACILITATOR-NOTE give groups five minutes.')
  .replace('Good answers name the situation.', 'SECRET-EXPECTED-ANSWER name the situation.');

function tree(source: string) {
  const corpus = buildCorpus({ root: '/x', modules: [{ file: 'modules/fixture.md', name: 'fixture', text: source }] });
  const module = corpus.corpus.modules[0]!;
  void validateCorpus(corpus);
  return { id: 'fixture', tree: module.parsed.tree };
}

it('builds the learner view without facilitator-only blocks', () => {
  const learner = renderModule(tree(text), 'learner').html;
  expect(learner).not.toContain('SECRET-FACILITATOR-NOTE');
  expect(learner).not.toContain('SECRET-EXPECTED-ANSWER');
  expect(learner).toContain('What would you say first?');
  const facilitator = renderModule(tree(text), 'facilitator').html;
  expect(facilitator).toContain('SECRET-FACILITATOR-NOTE');
  expect(facilitator).toContain('SECRET-EXPECTED-ANSWER');
});

it('renders a knowledge check that works without JavaScript', () => {
  const { html, segments } = renderModule(tree(text), 'learner');
  expect(segments).toEqual([{ id: 'practice', title: 'Practice', minutes: 30, method: 'discussion' }]);
  expect(html).toMatch(/<fieldset class="question"[^>]*>/);
  expect(html).toContain('<details class="answer"><summary>Show the answer</summary>');
  expect(html).toContain('data-correct="true"');
});

it('sanitises raw HTML as a second line of defence', () => {
  const hostile = `${text}\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))\n`;
  const { html } = renderModule(tree(hostile), 'learner');
  expect(html).not.toMatch(/<script|onerror|javascript:/i);
});

it('keeps the knowledge-check inputs live (not disabled) after sanitising', () => {
  const { html } = renderModule(tree(text), 'learner');
  expect(html).toMatch(/<input type="radio" name="fixture-q1" id="fixture-q1-o1" value="1" data-correct="true">/);
  expect(html).not.toMatch(/<input[^>]*disabled/);
  expect(html).toContain('<ul class="options">');
  expect(html).toContain('<section class="block check" data-kind="check">');
});

it('labels the checkboxes of observer checklists', () => {
  const source = `---\nid: fixture\n---\n\n::::roleplay[R]{minutes=5}\n:::observer\n- [ ] The agent named the situation.\n:::\n::::\n`;
  const { html } = renderModule(tree(source), 'learner');
  expect(html).toContain(
    '<input type="checkbox" id="fixture-task-1"><label for="fixture-task-1"> The agent named the situation.</label>',
  );
});
