import type { Frontmatter, LearningPath, RenderedModule } from '@frontline/schema';
import type { ClockDay, GuideData, HandoutData } from '@frontline/guides';

/** A module as the site stores it: frontmatter plus both rendered views. */
export interface ModuleEntry extends Frontmatter {
  file: string;
  learner: RenderedModule;
  /** Empty in a learner-only build. */
  facilitatorHtml: string;
  activities: { kind: string; title: string }[];
  questions: number;
  /** Print data for the participant handout (no facilitator-only material). */
  handout: HandoutData;
  /** Print data for the facilitator guide; null in a learner-only build. */
  guide: GuideData | null;
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
