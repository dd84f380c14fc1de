import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'required-sections',
  severity: 'error',
  summary:
    'A module has timed segments, an interactive activity, a facilitator note, a knowledge check, a handout and takeaways.',
  why: 'These are what make a module runnable: the agenda, practice, guidance for the room, a check, something to hand out and something to keep.',
  check({ module, report }) {
    const { body } = module;
    const end = module.parsed.tree.position?.end;
    const at = end ? { line: end.line, column: 1, endLine: end.line, endColumn: 1 } : undefined;
    const missing: [boolean, string, string][] = [
      [body.segments.length > 0, 'timed segments', '`::segment[Opening]{minutes=10 method=presentation}`'],
      [
        body.activities.some((a) => a.kind === 'roleplay' || a.kind === 'discussion' || a.kind === 'reflection'),
        'an interactive activity',
        'a `::::roleplay`, `::::discussion` or `:::reflection` block',
      ],
      [body.facilitatorNotes.length > 0, 'a facilitator note', 'a `:::facilitator` block on how to run a segment'],
      [body.checks.length > 0, 'a knowledge check', 'a `:::check` block with 3 to 6 questions'],
      [body.activities.some((a) => a.kind === 'handout'), 'a participant handout', 'a `:::handout[Title]` block'],
      [body.takeaways.length > 0, 'key takeaways', 'a `:::takeaways` block with a bullet list'],
    ];
    for (const [ok, what, how] of missing)
      if (!ok) report(at, `Missing ${what}, expected every module to have one`, { hint: `Add ${how}.` });
  },
};
