import type { Question } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

/** Fewer questions than this (with one right answer each) can share a pattern by chance. */
const MIN_QUESTIONS = 3;

/** Questions a learner answers by picking one option: exactly one right answer, two or more options. */
function singleAnswer(q: Question): boolean {
  return q.options.length >= 2 && q.options.filter((o) => o.correct).length === 1;
}

const ordinal = (n: number): string => (n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `number ${n}`);

export const rule: Rule = {
  id: 'no-predictable-answers',
  severity: 'warning',
  summary: 'The right answers in a module are not always in one place, nor always the longest option.',
  why: 'A learner who notices that the right answer is always second, or always the longest, can pass the check without reading the question.',
  check({ module, report }) {
    const checks = module.body.checks;
    const questions = checks.flatMap((c) => c.questions).filter(singleAnswer);
    const first = checks[0];
    if (first === undefined || questions.length < MIN_QUESTIONS) return;
    const n = questions.length;
    // Positions are counted from 1, as an author reads the list.
    const positions = questions.map((q) => q.options.findIndex((o) => o.correct) + 1);
    const p = positions[0] ?? 0;
    const allLast = questions.every((q, i) => positions[i] === q.options.length);
    if (positions.every((x) => x === p) || allLast) {
      const where = positions.every((x) => x === p) ? `the ${ordinal(p)} option` : 'the last option';
      report(
        firstLineOf(first.node),
        `Unexpected right answer as ${where} in all ${n} questions, expected it in different places`,
        {
          hint: 'Move the right answer to another place in some questions, so that it cannot be guessed from where it sits.',
        },
      );
    }
    // Longest means longer than every other option; a tie gives nothing away.
    const longest = questions.every((q) => {
      const right = q.options.find((o) => o.correct)?.text.trim().length ?? 0;
      return q.options.every((o) => o.correct || o.text.trim().length < right);
    });
    if (longest) {
      report(
        firstLineOf(first.node),
        `Unexpected right answer as the longest option in all ${n} questions, expected a wrong option at least as long in some`,
        {
          hint: 'Write some wrong options as long and as careful as the right one, or say the right one more briefly.',
        },
      );
    }
  },
};
