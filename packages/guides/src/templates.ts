import type { Reader } from '@frontline/schema';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The templates folder: the Typst workspace root. */
export const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
export type Template =
  | 'facilitator-guide'
  | 'participant-handout'
  | 'facilitator-manual'
  | 'participant-workbook'
  | 'day-pack'
  | 'participant-pack'
  | 'sign-in-sheet'
  | 'feedback-form'
  | 'certificates'
  | 'role-cards';

/**
 * Who reads each document. The one place that says which documents are learner-facing: the
 * learner build publishes only those (apps/site/astro.config.mjs), and each document's data is
 * made from the view of the same reader (data.ts, plan-data.ts).
 */
export const DOCUMENT_READER = {
  'facilitator-guide': 'facilitator',
  'participant-handout': 'participant',
  'facilitator-manual': 'facilitator',
  'participant-workbook': 'participant',
  'day-pack': 'facilitator',
  // The agenda and the day's handouts from the participant's view: no role briefs, no facilitator text.
  'participant-pack': 'participant',
  // Names and signatures of the people in the room: the trainer's record, not published to learners.
  'sign-in-sheet': 'facilitator',
  // Handed to each participant at the close, and made from the participant's view only (the plan's
  // dates, each module's objectives): participant material, published with the participant pack.
  'feedback-form': 'participant',
  // Printed by the trainer for the names given (`frontline guides --plan <id> --attendees`); never
  // part of a course build, so never published.
  certificates: 'facilitator',
  // Printed for a workshop and handed out one card each: not published to learners, who read
  // each role behind its own disclosure on the module page.
  'role-cards': 'role-holder',
} as const satisfies Record<Template, Reader>;

/** Documents a learner or participant may hold. */
export const LEARNER_FACING: readonly Template[] = (Object.keys(DOCUMENT_READER) as Template[]).filter(
  (t) => DOCUMENT_READER[t] === 'participant',
);

/** Is this typeset file (`<id>-<template>.pdf`) one a learner may hold? */
export function isLearnerFacingFile(file: string): boolean {
  return LEARNER_FACING.some((t) => file.endsWith(`-${t}.pdf`));
}
