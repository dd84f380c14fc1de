import { z } from 'zod';
import { MAX_TITLE_CHARS } from '../limits.ts';
import { MasterySchema } from './mastery.ts';

/** Kebab-case identifier: lower-case words joined by single hyphens. */
export const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case')
  .meta({ description: 'Lower-case words joined by hyphens, for example `acknowledge-before-you-fix`.' });

export const AUDIENCES = ['frontline', 'team-lead', 'leader'] as const;
export const LEVELS = ['foundation', 'intermediate', 'advanced'] as const;

export const AudienceSchema = z.enum(AUDIENCES).meta({
  description: 'Who the module is for: `frontline` (staff who serve customers), `team-lead`, or `leader`.',
});

export const ObjectiveSchema = z
  .strictObject({
    id: KebabId.meta({
      description: 'Short kebab-case name for the objective; activities and questions refer to it.',
    }),
    text: z.string().trim().min(10).max(200).meta({
      description: 'What a participant can do after the module, starting with an observable verb ("Restate…").',
    }),
  })
  .meta({ description: 'One measurable learning objective.' });

export const PreparationSchema = z
  .strictObject({
    task: z.string().trim().min(3).max(200).meta({ description: 'What to prepare, as an instruction.' }),
    lead: z
      .string()
      .regex(/^(?:\d+ (?:minute|hour|day|week)s?|on the day)$/, 'lead time')
      .meta({
        description: 'How long before the session to do it: `<n> minutes|hours|days|weeks`, or `on the day`.',
      }),
  })
  .meta({ description: 'A preparation task with its lead time.' });

export const GroupSizeSchema = z
  .strictObject({
    min: z.int().min(1).max(200).meta({ description: 'Fewest participants the activities work with.' }),
    max: z.int().min(1).max(200).meta({ description: 'Most participants one facilitator can run it for.' }),
  })
  .refine((g) => g.min <= g.max, { message: 'min-above-max', path: ['min'] })
  .meta({ description: 'Participants for in-room delivery, for example `{ min: 6, max: 16 }`.' });

const SemVer = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, 'semver')
  .meta({ description: 'Version of this module as `major.minor.patch`, for example `1.2.0`.' });

const IsoDate = z.iso.date().meta({ description: 'Date of the last content change, as `YYYY-MM-DD`.' });

/** The frontmatter of a curriculum module (`content/modules/<id>.md`). */
export const FrontmatterSchema = z
  .strictObject({
    id: KebabId.meta({ description: 'The module id: kebab-case, and the same as the file name without `.md`.' }),
    title: z.string().trim().min(3).max(MAX_TITLE_CHARS).meta({ description: 'The module title as learners see it.' }),
    summary: z
      .string()
      .trim()
      .min(20)
      .max(300)
      .meta({ description: 'One or two plain sentences on what the module is about (20 to 300 characters).' }),
    audience: z
      .array(AudienceSchema)
      .min(1)
      .meta({ description: 'One or more of `frontline`, `team-lead`, `leader`.' }),
    level: z
      .enum(LEVELS)
      .meta({ description: 'How much experience it assumes: `foundation`, `intermediate` or `advanced`.' }),
    duration: z
      .int()
      .min(15)
      .max(480)
      .meta({ description: 'Total running time in minutes; equals the sum of the segment minutes.' }),
    objectives: z
      .array(ObjectiveSchema)
      .min(1)
      .meta({ description: 'Three to five measurable learning objectives, each with an `id` and a `text`.' }),
    prerequisites: z
      .array(KebabId)
      .default([])
      .meta({ description: 'Ids of modules to complete first; `[]` when there are none.' }),
    version: SemVer,
    updated: IsoDate,
    groupSize: GroupSizeSchema.optional(),
    materials: z
      .array(z.string().trim().min(2).max(200))
      .default([])
      .meta({ description: 'What the facilitator needs in the room, one item per line.' }),
    roomSetup: z
      .string()
      .trim()
      .min(3)
      .max(400)
      .optional()
      .meta({ description: 'How to arrange the room, in a sentence or two.' }),
    contentNote: z.string().trim().min(20).max(400).optional().meta({
      description:
        'What the module deals with that some people may find hard (abuse, bereavement), in a sentence or two: said in the opening of every day that runs it.',
    }),
    preparation: z
      .array(PreparationSchema)
      .default([])
      .meta({ description: 'Preparation checklist: each item a `task` with a `lead` time.' }),
    mastery: MasterySchema,
  })
  .meta({
    title: 'Frontline module frontmatter',
    description: 'The YAML block at the top of a Frontline curriculum module.',
  });

export type Frontmatter = z.output<typeof FrontmatterSchema>;
export type FrontmatterInput = z.input<typeof FrontmatterSchema>;
export type Audience = (typeof AUDIENCES)[number];
export type Level = (typeof LEVELS)[number];
