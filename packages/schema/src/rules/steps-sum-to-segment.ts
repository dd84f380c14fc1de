import type { Cause } from '../diagnostic.ts';
import { isFacilitatorNote } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

/** A step's time as authors write it at the end of a step: `(5 minutes)`, `(1 minute)`, `(5 min)`. */
const STEP_TIME = /\((\d+) min(?:ute)?s?\)/g;

export const rule: Rule = {
  id: 'steps-sum-to-segment',
  severity: 'warning',
  summary:
    'Where a segment’s `:::facilitator[How to run it]` note times its steps as `(N minutes)`, the steps add up to the segment’s `minutes`.',
  why: 'The facilitator runs the room from the steps and the agenda from the segment’s minutes; when the two disagree, the session overruns or the clock on the agenda is wrong. Notes that give no step times are left alone.',
  check({ module, report }) {
    const lines = module.parsed.text.split('\n');
    for (const segment of module.body.segments) {
      if (segment.minutes === undefined) continue; // segment-attributes reports it
      const steps: Cause[] = [];
      let total = 0;
      for (const note of segment.children) {
        if (!isFacilitatorNote(note, 'how to run it')) continue;
        // Read the note's own lines of source, so that each step time is placed exactly.
        const from = note.position?.start.line;
        const to = note.position?.end.line;
        if (from === undefined || to === undefined) continue;
        lines.slice(from - 1, to).forEach((text, i) => {
          for (const match of text.matchAll(STEP_TIME)) {
            total += Number(match[1]);
            const column = match.index + 1;
            steps.push({
              file: module.file,
              line: from + i,
              column,
              endLine: from + i,
              endColumn: column + match[0].length,
              message: `${match[1]} min`,
            });
          }
        });
      }
      if (steps.length === 0 || total === segment.minutes) continue;
      const diff = Math.abs(total - segment.minutes);
      report(
        firstLineOf(segment.node),
        `Unexpected step times in segment “${segment.title || 'untitled'}”: its “How to run it” steps add up to ${total} minutes, expected ${segment.minutes} (\`minutes=${segment.minutes}\`)`,
        {
          hint: `${total > segment.minutes ? 'Shorten' : 'Lengthen'} the steps by ${diff} minute${diff === 1 ? '' : 's'}, or set \`minutes=${total}\` on the \`::segment\` line (and the module's \`duration\` with it).`,
          causes: steps,
        },
      );
    }
  },
};
