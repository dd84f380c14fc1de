import type { Frontmatter, LearningPath } from '@frontline/schema';
import type { ClockDay } from '@frontline/guides/data';

/** A module as the content store keeps it: frontmatter and counts; views render on demand. */
export interface ModuleEntry extends Frontmatter {
  file: string;
  /** Which validated read of the content folder this entry came from (see views.ts). */
  generation: string;
  activities: { kind: string; title: string }[];
  questions: number;
}

export type PathEntry = LearningPath;

/** A delivery plan with its wall-clock agenda. */
export interface PlanEntry {
  id: string;
  title: string;
  audience: string;
  format: 'in-person' | 'virtual';
  venue: string;
  days: ClockDay[];
}

export interface TermEntry {
  id: string;
  term: string;
  definition: string;
  aliases: string[];
  seeAlso: string[];
}
