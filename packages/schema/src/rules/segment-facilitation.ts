import { isFacilitatorNote } from '../model.ts';
import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

export const rule: Rule = {
  id: 'segment-facilitation',
  severity: 'warning',
  summary:
    'Every timed segment has a `:::facilitator[Purpose]` note, and every segment but the last a `:::facilitator[Transition]` note.',
  why: 'The facilitator guide prints each segment with its purpose and its way into the next one; a trainer running the room from paper needs both.',
  check({ module, report }) {
    const segments = module.body.segments;
    for (const segment of segments) {
      const title = segment.title || 'an untitled segment';
      if (!segment.children.some((c) => isFacilitatorNote(c, 'purpose')))
        report(
          firstLineOf(segment.node),
          `Missing purpose in segment “${title}”, expected a \`:::facilitator[Purpose]\` note`,
          {
            hint: 'Under the `::segment` line, add `:::facilitator[Purpose]` … `:::` saying in a sentence or two what the segment is for.',
          },
        );
      const last = segment.index === segments.length - 1;
      if (!last && !segment.children.some((c) => isFacilitatorNote(c, 'transition')))
        report(
          firstLineOf(segment.node),
          `Missing transition in segment “${title}”, expected a \`:::facilitator[Transition]\` note leading into “${segments[segment.index + 1]?.title ?? 'the next segment'}”`,
          {
            hint: 'At the end of the segment, add `:::facilitator[Transition]` … `:::` with what the facilitator says to move on.',
          },
        );
    }
  },
};
