import type { Frontmatter, LearningPath, RenderedModule } from '@frontline/schema';

/** A module as the site stores it: frontmatter plus both rendered views. */
export interface ModuleEntry extends Frontmatter {
  file: string;
  learner: RenderedModule;
  /** Empty in a learner-only build. */
  facilitatorHtml: string;
  activities: { kind: string; title: string }[];
  questions: number;
}

export type PathEntry = LearningPath;

export interface TermEntry {
  id: string;
  term: string;
  definition: string;
  aliases: string[];
  seeAlso: string[];
}
