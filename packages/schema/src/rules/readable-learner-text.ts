import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { syllable } from 'syllable';
import { FACILITATOR_ONLY } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

/** Highest Flesch–Kincaid grade we accept for a module's learner-facing text. */
export const TARGET_GRADE = 8;
/** Paragraphs shorter than this (words) are too short to grade fairly. */
const MIN_WORDS = 25;

/** Syllables per word, counted once per process: course text repeats its words a lot. */
const syllables = new Map<string, number>();
function countSyllables(word: string): number {
  const key = word.toLowerCase();
  let count = syllables.get(key);
  if (count === undefined) {
    count = Math.max(1, syllable(key));
    syllables.set(key, count);
  }
  return count;
}

/** Flesch–Kincaid grade level of a text (syllables counted by the `syllable` package). */
export function gradeLevel(text: string): { grade: number; words: number } {
  const words = text.match(/[A-Za-z’']+/g) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?]+(?:\s|$)/g) ?? []).length);
  if (words.length === 0) return { grade: 0, words: 0 };
  const total = words.reduce((n, w) => n + countSyllables(w), 0);
  return { grade: 0.39 * (words.length / sentences) + 11.8 * (total / words.length) - 15.59, words: words.length };
}

/** Learner-facing paragraphs: everything outside facilitator-only blocks. */
function learnerParagraphs(nodes: readonly RootContent[], out: Paragraph[] = []): Paragraph[] {
  for (const node of nodes) {
    if (node.type === 'containerDirective' && FACILITATOR_ONLY.has(node.name)) continue;
    if (node.type === 'paragraph' && !node.data?.directiveLabel) out.push(node);
    else if ('children' in node && node.type !== 'paragraph') learnerParagraphs(node.children, out);
  }
  return out;
}

export const rule: Rule = {
  id: 'readable-learner-text',
  severity: 'warning',
  summary: `No learner-facing paragraph reads above grade ${TARGET_GRADE + 3} (Flesch–Kincaid); aim for about ${TARGET_GRADE}.`,
  why: 'Frontline staff read modules between contacts and in their second or third language; plain text is inclusive text. Facilitator notes are not graded.',
  check({ module, report }) {
    for (const paragraph of learnerParagraphs(module.parsed.tree.children)) {
      const { grade, words } = gradeLevel(toString(paragraph));
      if (words < MIN_WORDS || grade <= TARGET_GRADE + 3) continue;
      report(
        firstLineOf(paragraph),
        `Unexpected reading grade ${grade.toFixed(0)} in a learner paragraph, expected ${TARGET_GRADE + 3} at most (aim for about ${TARGET_GRADE})`,
        {
          hint: 'Split long sentences and prefer short, common words. Aim for sentences of 15 to 20 words.',
        },
      );
    }
  },
};
