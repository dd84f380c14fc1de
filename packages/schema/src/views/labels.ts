/** Segment methods as people read them. */
export const METHOD_LABEL: Readonly<Record<string, string>> = {
  presentation: 'Presentation',
  discussion: 'Discussion',
  'role-play': 'Role-play',
  exercise: 'Exercise',
  'case-study': 'Case study',
  reflection: 'Reflection',
  check: 'Knowledge check',
  demonstration: 'Demonstration',
  break: 'Break',
};
