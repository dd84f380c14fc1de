import type { Rule } from '../rule.ts';
import { SCAFFOLD_PROMPTS } from '../scaffold-prompts.ts';
import { LineIndex } from '../text-position.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A prompt counts only as the whole text of its line or bracket (after a list marker, a
 * checkbox, `text:`, `Reason:` or `::question[`), so a sentence of the author's own that
 * happens to contain "a wrong option" is never flagged.
 */
const PROMPT = new RegExp(
  `^[ \\t]*(?:- (?:\\[[ xX]\\] )?|text: |Reason: |::question\\[)?(${Object.values(SCAFFOLD_PROMPTS)
    .map(escape)
    .join('|')})(?=\\]|[ \\t]*$)`,
  'gm',
);

/** Every scaffold prompt still in a module's text, with its offset. */
export function findScaffoldPrompts(text: string): { start: number; prompt: string }[] {
  return [...text.matchAll(PROMPT)].map((match) => {
    const prompt = match[1]!;
    return { start: (match.index ?? 0) + match[0].length - prompt.length, prompt };
  });
}

export const rule: Rule = {
  id: 'no-scaffold-prompt',
  severity: 'error',
  summary: 'No instruction left from `frontline new` in a module.',
  why: 'The scaffold writes an instruction in every part to fill in; one left in place would reach learners as if it were course text.',
  check({ module, report }) {
    const text = module.parsed.text;
    let lines: LineIndex | undefined;
    for (const { start, prompt } of findScaffoldPrompts(text)) {
      lines ??= new LineIndex(text);
      report(
        lines.place(start, start + prompt.length),
        `Unexpected scaffold prompt \`${prompt}\`, expected your own text`,
        {
          hint: 'Replace the instruction that `frontline new` wrote with the text it asks for.',
        },
      );
    }
  },
};
