// Knowledge checks that teach. The learner chooses and checks; a wrong choice is marked and
// named, the right one is not given away, and they try again. The answer and its reason open
// after a right choice, or whenever the learner asks ("Show the answer"). Answers are kept in
// this browser only (localStorage, see answers.ts) and restored on the next visit; the module
// shows its score. Without JavaScript the "Show the answer" disclosure still works.
import { clearAnswers, loadAnswers, saveAnswer, type Answer } from './answers.ts';
import { summarySection } from './summary.ts';

const page = document.querySelector<HTMLElement>('[data-module-page]');
const moduleId = page?.dataset.modulePage ?? '';
const fieldsets = [...document.querySelectorAll<HTMLFieldSetElement>('fieldset.question')];

/** The module's score and "Clear my answers", after its body (the page leaves them to this script). */
if (fieldsets.length > 0) {
  const section = summarySection({
    label: 'Your answers',
    section: 'checkSummary',
    line: 'checkScore',
    clearId: 'answers-clear',
    clearText: 'Clear my answers',
  });
  section.hidden = true;
  document.querySelector('.module-body')?.after(section);
}

function inputsOf(fieldset: HTMLFieldSetElement): HTMLInputElement[] {
  return [...fieldset.querySelectorAll<HTMLInputElement>('ul.options input')];
}

function optionText(input: HTMLInputElement): string {
  return input.labels?.[0]?.textContent?.trim() ?? '';
}

/** Clears the marks of an earlier check: the learner is choosing again. */
function unmark(fieldset: HTMLFieldSetElement) {
  for (const input of inputsOf(fieldset)) {
    const item = input.closest('li');
    item?.classList.remove('chosen-wrong');
    item?.querySelector('.option-mark')?.remove();
    input.removeAttribute('aria-describedby');
  }
}

/** Marks the options a learner chose that are not right, in words as well as colour. */
function markWrong(fieldset: HTMLFieldSetElement, feedbackId: string) {
  for (const input of inputsOf(fieldset)) {
    if (!input.checked || input.dataset.correct === 'true') continue;
    const item = input.closest('li');
    if (!item) continue;
    item.classList.add('chosen-wrong');
    const mark = document.createElement('span');
    mark.className = 'option-mark';
    mark.textContent = ' ✗ not this one';
    item.append(mark);
    input.setAttribute('aria-describedby', feedbackId);
  }
}

function feedbackFor(fieldset: HTMLFieldSetElement, answer: Answer): string {
  if (answer.right) return answer.tries > 1 ? `Correct, on try ${answer.tries}.` : 'Correct.';
  const inputs = inputsOf(fieldset);
  const wrong = inputs.filter((i) => i.checked && i.dataset.correct !== 'true');
  const missing = inputs.filter((i) => !i.checked && i.dataset.correct === 'true').length;
  if (fieldset.dataset.multiple !== 'true' && wrong[0]) {
    return `Not quite: “${optionText(wrong[0])}” is not the best answer. Think again and choose another, or show the answer.`;
  }
  const parts: string[] = [];
  if (wrong.length > 0)
    parts.push(
      wrong.length === 1 ? 'one of your choices is not right' : `${wrong.length} of your choices are not right`,
    );
  if (missing > 0)
    parts.push(missing === 1 ? 'one right option is still unchosen' : `${missing} right options are still unchosen`);
  return `Not yet: ${parts.join(', and ')}. Try again, or show the answer.`;
}

function show(fieldset: HTMLFieldSetElement, answer: Answer) {
  const feedback = fieldset.querySelector<HTMLElement>('.feedback');
  const details = fieldset.querySelector<HTMLDetailsElement>('details.answer');
  if (!feedback) return;
  unmark(fieldset);
  feedback.className = `feedback ${answer.right ? 'right' : 'wrong'}`;
  feedback.textContent = feedbackFor(fieldset, answer);
  if (answer.right && details) details.open = true;
  else markWrong(fieldset, feedback.id);
}

function score() {
  const line = document.querySelector<HTMLElement>('[data-check-score]');
  if (!line) return;
  const answers = loadAnswers(moduleId);
  const right = fieldsets.filter((f) => answers[f.dataset.question ?? '']?.right).length;
  const tried = fieldsets.filter((f) => answers[f.dataset.question ?? '']).length;
  line.textContent =
    tried === 0
      ? `${fieldsets.length} ${fieldsets.length === 1 ? 'question' : 'questions'} in this module; none answered yet.`
      : `Your score: ${right} of ${fieldsets.length} answered right${tried > right ? ` (${tried - right} still to get right)` : ''}.`;
  const clear = document.getElementById('answers-clear');
  if (clear) clear.hidden = tried === 0;
  line.closest<HTMLElement>('[data-check-summary]')?.removeAttribute('hidden');
}

/**
 * The check button and the live feedback line, before the answer disclosure: they only work with
 * this script, so the page leaves them to it (the live line is in place before anything is said).
 */
function controls(details: HTMLDetailsElement, id: string) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'check-answer';
  button.textContent = 'Check answer';
  const feedback = document.createElement('p');
  feedback.className = 'feedback';
  feedback.id = `${id}-feedback`;
  feedback.setAttribute('aria-live', 'polite');
  details.before(button, feedback);
  return { button, feedback };
}

const saved = loadAnswers(moduleId);
for (const [index, fieldset] of fieldsets.entries()) {
  const id = fieldset.dataset.question ?? '';
  const details = fieldset.querySelector<HTMLDetailsElement>('details.answer');
  const summary = details?.querySelector('summary');
  if (!details) continue;
  const { button, feedback } = controls(details, id || `question-${index + 1}`);

  details.addEventListener('toggle', () => {
    if (summary) summary.textContent = details.open ? 'Hide the answer' : 'Show the answer';
  });
  fieldset.addEventListener('change', () => unmark(fieldset));

  button.addEventListener('click', () => {
    const inputs = inputsOf(fieldset);
    if (!inputs.some((i) => i.checked)) {
      feedback.className = 'feedback';
      feedback.textContent = 'Choose an answer first.';
      return;
    }
    const right = inputs.every((i) => i.checked === (i.dataset.correct === 'true'));
    const before = loadAnswers(moduleId)[id];
    const answer: Answer = {
      chosen: inputs.flatMap((input, i) => (input.checked ? [i] : [])),
      right,
      tries: (before?.right ? 0 : (before?.tries ?? 0)) + 1,
    };
    saveAnswer(moduleId, id, answer);
    show(fieldset, answer);
    score();
  });

  // Restore the learner's last answer to this question.
  const answer = saved[id];
  if (answer) {
    const inputs = inputsOf(fieldset);
    for (const [i, input] of inputs.entries()) input.checked = answer.chosen.includes(i);
    show(fieldset, answer);
  }
}

document.getElementById('answers-clear')?.addEventListener('click', () => {
  if (!confirm('Clear your answers to the questions in this module?')) return;
  clearAnswers(moduleId);
  for (const fieldset of fieldsets) {
    unmark(fieldset);
    for (const input of inputsOf(fieldset)) input.checked = false;
    const feedback = fieldset.querySelector<HTMLElement>('.feedback');
    if (feedback) {
      feedback.className = 'feedback';
      feedback.textContent = '';
    }
    const details = fieldset.querySelector<HTMLDetailsElement>('details.answer');
    if (details) details.open = false;
  }
  score();
});

if (fieldsets.length > 0) score();
