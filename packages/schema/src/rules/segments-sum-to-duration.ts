import type { Rule } from '../rule.ts';
import { firstLineOf } from '../rule.ts';

export const rule: Rule = {
  id: 'segments-sum-to-duration',
  severity: 'error',
  summary: 'The minutes of the timed segments add up to the module’s `duration`.',
  why: 'Facilitators plan the day from the duration and run the room from the agenda; they must agree.',
  check({ module, reportAt }) {
    const duration = module.raw?.duration;
    const segments = module.body.segments;
    if (typeof duration !== 'number' || segments.length === 0) return;
    if (segments.some((s) => s.minutes === undefined)) return; // segment-attributes reports those
    const total = segments.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    if (total === duration) return;
    const diff = Math.abs(total - duration);
    reportAt(
      ['duration'],
      `Unexpected \`duration\` of ${duration} minutes, expected ${total}: the timed segments add up to ${total}`,
      {
        hint: `Set \`duration: ${total}\`, or ${total > duration ? 'shorten' : 'lengthen'} a segment by ${diff} minute${diff === 1 ? '' : 's'}.`,
        causes: segments.map((s) => ({
          file: module.file,
          ...firstLineOf(s.node),
          message: `${s.minutes} min: ${s.title || 'untitled segment'}`,
        })),
      },
    );
  },
};
