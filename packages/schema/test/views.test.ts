import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  facilitatorView,
  learnerView,
  participantView,
  readBody,
  renderView,
  roleCardsView,
  viewElements,
  type Frontmatter,
  type Module,
  type ModuleView,
} from '../src/index.ts';
import { parseWithSatteri } from '../src/parse.ts';
import { gradeLevel } from '../src/rules/readable-learner-text.ts';
import { FIXTURES, validateText } from './helpers.ts';

const text = readFileSync(`${FIXTURES}required-sections/ok.md`, 'utf8')
  .replace('Give groups five minutes.', 'SECRET-FACILITATOR-NOTE give groups five minutes.')
  .replace('Good answers name the situation.', 'SECRET-EXPECTED-ANSWER name the situation.');

const FRONTMATTER: Frontmatter = {
  id: 'fixture',
  title: 'Fixture',
  summary: 'A module written for the tests of the views.',
  audience: ['frontline'],
  level: 'foundation',
  duration: 30,
  objectives: [{ id: 'a', text: 'Name the situation before the fix.' }],
  prerequisites: [],
  version: '1.0.0',
  updated: '2026-12-04',
  materials: ['Flip chart'],
  roomSetup: 'Tables for three.',
  preparation: [{ task: 'Print the SECRET-PREP cards.', lead: '2 days' }],
};

/** A module from a Markdown body (any frontmatter in the text is ignored). */
function moduleOf(source: string): Module {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = parseWithSatteri(body);
  return { id: 'fixture', file: 'modules/fixture.md', frontmatter: FRONTMATTER, body: readBody(tree), tree };
}

/** Every piece of text a view holds, to search it. */
function textOf(view: ModuleView): string {
  return JSON.stringify([...viewElements(view)], (key, value: unknown) => (key === 'position' ? undefined : value));
}

it('builds the learner view without facilitator-only blocks, and the facilitator view with them', () => {
  const module = moduleOf(text);
  const learner = renderView(learnerView(module)).html;
  expect(learner).not.toContain('SECRET-FACILITATOR-NOTE');
  expect(learner).not.toContain('SECRET-EXPECTED-ANSWER');
  expect(learner).toContain('What would you say first?');
  const facilitator = renderView(facilitatorView(module)).html;
  expect(facilitator).toContain('SECRET-FACILITATOR-NOTE');
  expect(facilitator).toContain('SECRET-EXPECTED-ANSWER');
});

it('keeps delivery logistics in the facilitator view only', () => {
  const module = moduleOf(text);
  expect(facilitatorView(module).delivery?.preparation[0]?.task).toContain('SECRET-PREP');
  expect(learnerView(module).delivery).toBeUndefined();
  expect(participantView(module).delivery).toBeUndefined();
});

it('renders a knowledge check that works without JavaScript, its answer out of the search index', () => {
  const { html, segments } = renderView(learnerView(moduleOf(text)));
  expect(segments).toEqual([{ id: 'practice', title: 'Practice', minutes: 30, method: 'discussion' }]);
  expect(html).toMatch(/<fieldset class="question"[^>]*>/);
  expect(html).toContain('<details class="answer" data-pagefind-ignore><summary>Show the answer</summary>');
  expect(html).toContain('<p><strong>Correct answer: </strong>Naming the situation</p>');
  expect(html).toContain('<p class="reason"><strong>Reason:</strong> Recognition first.</p>');
  // Only the right option is marked; the check button and feedback line are the script's to add.
  expect(html.match(/data-correct/g)).toHaveLength(1);
  expect(html).not.toMatch(/data-correct="false"|check-answer|class="feedback"/);
});

it('reads a reason however its label is emphasised, once, for every output', () => {
  for (const label of ['Reason:', '**Reason:**', '_Reason_:', '**Reason**:']) {
    const module = moduleOf(text.replace('Reason: Recognition first.', `${label} Recognition *first*.`));
    const [question] = facilitatorView(module).segments[0]!.elements.flatMap((e) =>
      e.kind === 'check' ? e.questions : [],
    );
    expect(question?.reason?.map((n) => ('value' in n ? n.value : 'children' in n ? 'EM' : '')).join('')).toBe(
      'Recognition EM.',
    );
    expect(renderView(learnerView(module)).html).toContain('<strong>Reason:</strong> Recognition <em>first</em>.');
  }
});

it('gives participants the questions without answers or reasons', () => {
  const view = participantView(moduleOf(text));
  const checks = [...viewElements(view)].flatMap((e) => (e.kind === 'check' ? e.questions : []));
  expect(checks).toHaveLength(1);
  expect(checks[0]!.options.map((o) => o.correct)).toEqual([undefined, undefined]);
  expect(checks[0]!.reason).toBeUndefined();
  expect(textOf(view)).not.toContain('Recognition first');
  const html = renderView(view).html;
  expect(html).not.toContain('data-correct');
  expect(html).not.toContain('Show the answer');
});

const roleplay = `::segment[Practice]{minutes=30 method=role-play}

::::roleplay[The outage call]{minutes=10 objectives="a"}
Work in threes.

:::role[Customer: Dana]
SECRET-CUSTOMER-BRIEF You have been without internet for three days.
:::

:::role[Agent]
SECRET-AGENT-BRIEF You can see the outage ticket.
:::

:::observer
- [ ] The agent named the situation.
:::

:::debrief
SECRET-DEBRIEF Ask what changed the tone.
:::
::::
`;

it('puts each role brief on its own card, behind its own disclosure for learners, never in the handout', () => {
  const module = moduleOf(roleplay);
  const cards = roleCardsView(module);
  expect(cards.roleplays).toHaveLength(1);
  const [rp] = cards.roleplays;
  expect(rp!.roles.map((r) => r.name)).toEqual(['Customer: Dana', 'Agent']);
  expect(JSON.stringify(rp!.roles[0])).toContain('SECRET-CUSTOMER-BRIEF');
  expect(JSON.stringify(rp!.roles[0])).not.toContain('SECRET-AGENT-BRIEF');
  expect(JSON.stringify(cards)).not.toContain('SECRET-DEBRIEF');
  expect(rp!.observer).toHaveLength(1);

  expect(textOf(participantView(module))).not.toMatch(/SECRET-(CUSTOMER|AGENT)-BRIEF|SECRET-DEBRIEF/);
  const learner = renderView(learnerView(module)).html;
  expect(learner).not.toContain('SECRET-DEBRIEF');
  expect(learner).toMatch(/<details class="role-card"><summary>Role card: Customer: Dana<\/summary>/);
  expect(learner).toContain('open only the card of the role you play');
});

it('never shows anything inside a facilitator block to participants or learners, whatever it is', () => {
  const hidden = `::segment[Practice]{minutes=30 method=exercise}

::::facilitator[Setup]
:::handout[SECRET-WORKSHEET]
Fill this in.
:::
::::
`;
  const module = moduleOf(hidden);
  expect(textOf(participantView(module))).not.toContain('SECRET-WORKSHEET');
  expect(textOf(learnerView(module))).not.toContain('SECRET-WORKSHEET');
  expect(textOf(facilitatorView(module))).toContain('SECRET-WORKSHEET');
});

it('keeps a directive written inside prose out of every view (the validator reports it)', () => {
  const nested = `::segment[Practice]{minutes=30 method=exercise}

- A point to make.

  :::facilitator
  SECRET-NESTED-NOTE
  :::
`;
  const module = moduleOf(nested);
  expect(textOf(learnerView(module))).toContain('A point to make.');
  for (const view of [learnerView(module), participantView(module), facilitatorView(module)])
    expect(textOf(view)).not.toContain('SECRET-NESTED-NOTE');
});

it('sanitises raw HTML as a second line of defence', () => {
  const hostile = `${text}\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))\n`;
  const { html } = renderView(learnerView(moduleOf(hostile)));
  expect(html).not.toMatch(/<script|onerror|javascript:/i);
});

it('keeps the knowledge-check inputs live (not disabled) after sanitising', () => {
  const { html } = renderView(learnerView(moduleOf(text)));
  // Each label holds its input, so no id is needed; the group's name is unique in the module's page.
  expect(html).toMatch(/<li><label><input type="radio" name="q1" data-correct="true">[^<]+<\/label><\/li>/);
  expect(html).not.toMatch(/<input[^>]*(disabled|id=)/);
  expect(html).toContain('<fieldset class="question" data-question="fixture-q1"><legend>');
  expect(html).toContain('<ul class="options" data-pagefind-ignore>');
  expect(html).toContain('<section class="block check">');
});

it('labels the checkboxes of observer checklists', () => {
  const source = `::::roleplay[R]{minutes=5}\n:::observer\n- [ ] The agent named the situation.\n:::\n::::\n`;
  const { html } = renderView(learnerView(moduleOf(source)));
  expect(html).toContain('<label><input type="checkbox"> The agent named the situation.</label>');
});

const alone = roleplay.replace(
  ':::observer',
  ':::self-study\nSECRET-SELF-STUDY Read both cards, then say both parts aloud.\n:::\n\n:::observer',
);

it('gives a role-play its `:::self-study` text in the learner view only, before the role cards', () => {
  const module = moduleOf(alone);
  expect(textOf(learnerView(module))).toContain('SECRET-SELF-STUDY');
  for (const view of [participantView(module), facilitatorView(module)])
    expect(textOf(view)).not.toContain('SECRET-SELF-STUDY');
  expect(JSON.stringify(roleCardsView(module))).not.toContain('SECRET-SELF-STUDY');
  const html = renderView(learnerView(module)).html;
  expect(html).toMatch(/<section class="self-study"><h4 id="on-your-own">On your own<\/h4>\s*<p>SECRET-SELF-STUDY/);
  expect(html.indexOf('SECRET-SELF-STUDY')).toBeLessThan(html.indexOf('Role card: Customer: Dana'));
  // The author's text replaces the generated line: one self-study block, not two.
  expect(html.match(/class="self-study"/g)).toHaveLength(1);
  expect(html).not.toContain('In the workshop, people act this out');
});

it('writes a plain self-study line from the model where a role-play or discussion has none', () => {
  const rp = renderView(learnerView(moduleOf(roleplay))).html;
  expect(rp).toContain('<p>In the workshop, people act this out together, each taking a role.</p>');
  expect(rp).toContain(
    '<p>On your own: read every role card. Say aloud what the “Customer: Dana” role would say first, then answer as the “Agent” role, out loud too. Then go through the observer checklist and tick what you did.</p>',
  );
  const discussion = renderView(learnerView(moduleOf(text))).html;
  expect(discussion).toContain('<p>In the workshop, you talk this through with others.</p>');
  expect(discussion).toContain('compare your answers with the key takeaways at the end of the module.');
  const noTakeaways = text.replace(/:::takeaways[\s\S]*?:::\n/, '');
  expect(renderView(learnerView(moduleOf(noTakeaways))).html).toContain('note what you would change.');
  // Course text: plain enough for grade 8, whatever the role names.
  const three = roleplay.replace(':::observer', ':::role[Second agent]\nYou take the case over.\n:::\n\n:::observer');
  const lines = [
    rp,
    discussion,
    renderView(learnerView(moduleOf(three))).html,
    renderView(learnerView(moduleOf(noTakeaways))).html,
  ]
    .flatMap((html) => [...html.matchAll(/<section class="self-study"[^>]*>(.*?)<\/section>/gs)])
    .flatMap((m) => [...m[1]!.matchAll(/<p>(.*?)<\/p>/g)].map((p) => p[1]!));
  expect(lines.length).toBe(8);
  expect(lines).toContain(
    'On your own: read every role card. Say aloud what the “Customer: Dana” role would say first, then answer as the “Agent” and “Second agent” roles, out loud too. Then go through the observer checklist and tick what you did.',
  );
  for (const line of lines) expect(gradeLevel(line).grade, line).toBeLessThanOrEqual(8);
  // Handouts, reflections and cases are done alone anyway: no self-study block.
  expect(discussion.match(/class="self-study"/g)).toHaveLength(1);
  // The facilitator and the participant keep the workshop wording, with no self-study line.
  for (const view of [participantView(moduleOf(roleplay)), facilitatorView(moduleOf(roleplay))])
    expect(renderView(view).html).not.toMatch(/class="self-study"|On your own/);
});

it('says on learner pages that segment and round times are the workshop’s', () => {
  const module = moduleOf(roleplay);
  const learner = renderView(learnerView(module)).html;
  expect(learner).toContain('<p class="segment-meta">30 min in the workshop · Role-play</p>');
  expect(learner).toContain('<p class="meta">In the workshop: 10 minutes per round</p>');
  const facilitator = renderView(facilitatorView(module)).html;
  expect(facilitator).toContain('<p class="segment-meta">30 min · Role-play</p>');
  expect(facilitator).toContain('<p class="meta">10 minutes per round</p>');
});

it('accepts `:::self-study` in a role-play or a discussion and reports it anywhere else', () => {
  const placed = (body: string) =>
    validateText(`---\nid: fixture\n---\n\n${body}`)
      .filter((d) => d.ruleId === 'no-unknown-directive')
      .map((d) => d.message);
  expect(placed(alone)).toEqual([]);
  expect(placed(text.replace(':::expected', ':::self-study\nWrite your answer.\n:::\n\n:::expected'))).toEqual([]);
  expect(placed(text.replace('::writing-space{lines=4}', ':::self-study\nDo it alone.\n:::'))).toEqual([
    'Unexpected `self-study` inside `handout`, expected it inside `roleplay` or `discussion`',
  ]);
});
