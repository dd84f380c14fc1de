import type { Rule } from '../rule.ts';
import { LineIndex } from '../text-position.ts';

const PLACEHOLDER = /\b(?:TODO|TBD|TBC|FIXME|XXX|lorem ipsum|dolor sit amet|placeholder text)\b/gi;

export const rule: Rule = {
  id: 'no-placeholder-text',
  severity: 'error',
  summary: 'No placeholder text (TODO, TBD, FIXME, lorem ipsum) in a module.',
  why: 'Placeholders reach learners and print shops; a module is published only when it is finished.',
  check({ module, report }) {
    const text = module.parsed.text;
    let lines: LineIndex | undefined;
    for (const match of text.matchAll(PLACEHOLDER)) {
      lines ??= new LineIndex(text);
      const start = match.index ?? 0;
      report(
        lines.place(start, start + match[0].length),
        `Unexpected placeholder \`${match[0]}\`, expected finished text`,
        {
          hint: 'Write the missing text, or remove the line until it is ready.',
        },
      );
    }
  },
};
