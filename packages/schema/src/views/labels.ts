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

/** Audiences (job roles) as people read them. */
export const AUDIENCE_LABEL: Readonly<Record<string, string>> = {
  frontline: 'Frontline staff',
  'team-lead': 'Team leads',
  leader: 'Leaders',
};

/** Levels as people read them. */
export const LEVEL_LABEL: Readonly<Record<string, string>> = {
  foundation: 'Foundation',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};
