import { z } from 'zod';
import { MasterySchema } from './mastery.ts';
import { AudienceSchema, KebabId } from './module.ts';
import { MAX_TITLE_CHARS } from '../limits.ts';

/** A learning path (`content/paths/<id>.yaml`): an ordered list of modules. */
export const PathSchema = z
  .strictObject({
    id: KebabId.meta({ description: 'The path id: kebab-case, the same as the file name.' }),
    title: z.string().trim().min(3).max(MAX_TITLE_CHARS).meta({ description: 'The path title as learners see it.' }),
    summary: z.string().trim().min(20).max(400).meta({ description: 'Who the path is for and what it covers.' }),
    audience: AudienceSchema,
    order: z.int().min(1).meta({ description: 'Position among the paths on the home page (1 comes first).' }),
    modules: z.array(KebabId).min(1).meta({ description: 'Module ids in the order learners take them.' }),
    mastery: MasterySchema,
  })
  .meta({ title: 'Frontline learning path' });

export type LearningPath = z.output<typeof PathSchema>;
