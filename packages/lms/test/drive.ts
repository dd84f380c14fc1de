import type { Frame, Page } from '@frontline/chromium';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { learnerView, renderView, validateContent } from '@frontline/schema';

/**
 * The answer key of a course's modules, read from the learner view (not from the package):
 * question id to the numbers (values in the package) of its correct options, in page order.
 */
export function answerKey(content: string, ids: readonly string[]): [string, string[]][] {
  const { modules } = validateContent(content);
  const key: [string, string[]][] = [];
  for (const id of ids) {
    const module = modules.find((m) => m.id === id);
    if (!module) throw new Error(`No module ${id}`);
    const tree = fromHtml(renderView(learnerView(module)).html, { fragment: true });
    for (const fieldset of selectAll('fieldset.question', tree))
      key.push([
        String(fieldset.properties.dataQuestion),
        // The options' numbers, from 1 in page order, as the package's inputs carry them.
        selectAll('ul.options input', fieldset).flatMap((input, i) =>
          input.properties.dataCorrect === 'true' ? [String(i + 1)] : [],
        ),
      ]);
  }
  return key;
}

/** Answers one question through the page: tick the options, press "Check answer". */
export async function answer(target: Page | Frame, question: string, values: readonly string[]): Promise<void> {
  const fieldset = target.locator(`fieldset[data-question="${question}"]`);
  for (const value of values) await fieldset.locator(`input[value="${value}"]`).check();
  await fieldset.getByRole('button', { name: 'Check answer' }).click();
  await fieldset.locator('.feedback[data-result]').waitFor();
}

/** A wrong choice for a question: the first option not in its key, alone. */
export async function wrongChoice(target: Page | Frame, question: string, correct: readonly string[]) {
  const values = await target
    .locator(`fieldset[data-question="${question}"] input`)
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const wrong = values.find((v) => !correct.includes(v));
  if (!wrong) throw new Error(`Question ${question} has no wrong option.`);
  return [wrong];
}
