// Knowledge checks mark themselves: choose, check, see the reason.
// Without JavaScript the "Show the answer" disclosure still works.
for (const fieldset of document.querySelectorAll<HTMLFieldSetElement>('fieldset.question')) {
  const button = fieldset.querySelector<HTMLButtonElement>('button.check-answer');
  const feedback = fieldset.querySelector<HTMLElement>('.feedback');
  const answer = fieldset.querySelector<HTMLDetailsElement>('details.answer');
  if (!button || !feedback) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input')];
    if (!inputs.some((i) => i.checked)) {
      feedback.className = 'feedback';
      feedback.textContent = 'Choose an answer first.';
      return;
    }
    const right = inputs.every((i) => i.checked === (i.dataset.correct === 'true'));
    feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
    feedback.textContent = right ? 'Correct.' : 'Not quite. See the answer and the reason below.';
    if (answer) answer.open = true;
  });
}
