/**
 * The instructions `frontline new` writes into a fresh module, one per part to fill in. They
 * live here, beside the rule that finds them (`no-scaffold-prompt`), so that the scaffold and
 * the check cannot drift apart: a module still carrying one of these is not finished.
 */
export const SCAFFOLD_PROMPTS = {
  summary: 'Say in one or two plain sentences what this module helps people do.',
  objective1: 'State the first thing participants will be able to do, starting with a verb.',
  objective2: 'State the second thing participants will be able to do.',
  objective3: 'State the third thing participants will be able to do.',
  introduction: 'Write a short introduction for learners: why this topic matters at work.',
  openingPurpose: 'Tell the facilitator what the opening is for and what people should leave it with.',
  opening: 'Describe how the session opens and the situation it starts from.',
  openingNote:
    'List the steps of the opening for the facilitator, each ending with its time in brackets (in minutes, adding up to the segment’s 10), and what to watch for.',
  openingTransition: 'Write what the facilitator says to move from the opening into the practice.',
  practicePurpose: 'Tell the facilitator what the practice is for.',
  discussion: 'Write the question the groups discuss.',
  expected: 'List what good answers contain.',
  worksheet: 'Write the worksheet instructions.',
  practiceTransition: 'Write what the facilitator says to move from the practice into the check.',
  closePurpose: 'Tell the facilitator what the check and close are for.',
  question1: 'Write the first question.',
  question2: 'Write the second question.',
  question3: 'Write the third question.',
  correct: 'The correct option',
  wrong: 'A wrong option',
  wrong2: 'Another wrong option',
  reason: 'Explain why the correct option is right.',
  takeaway1: 'Write the first thing to remember.',
  takeaway2: 'Write the second thing to remember.',
  takeaway3: 'Write the third thing to remember.',
} as const;
