// The content collections' entries, typed from the schema package's own zod schemas: the
// frontmatter, path and glossary shapes are the validator's, spread into what the site adds.
import { z } from 'zod';
import { FrontmatterSchema, GlossaryTermSchema, PathSchema, PlanSchema } from '@frontline/schema';

/** A module as the content store keeps it: frontmatter and counts; views render when a page is built. */
export const ModuleEntrySchema = z.object({
  ...FrontmatterSchema.shape,
  /** The module's file, relative to the repository (for "edit this page"). */
  file: z.string(),
  activities: z.array(z.object({ kind: z.string(), title: z.string() })),
  questions: z.int().min(0),
});

export const PathEntrySchema = PathSchema;

export const TermEntrySchema = z.object({ id: z.string(), ...GlossaryTermSchema.shape });

const ClockItemSchema = z.object({
  start: z.string(),
  end: z.string(),
  kind: z.string(),
  title: z.string(),
  /** The module id; empty for breaks and lunch. */
  module: z.string(),
  moduleTitle: z.string(),
});

/** A delivery plan with its wall-clock agenda. */
export const PlanEntrySchema = z.object({
  id: PlanSchema.shape.id,
  title: PlanSchema.shape.title,
  audience: PlanSchema.shape.audience,
  format: PlanSchema.shape.format,
  venue: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      start: z.string(),
      end: z.string(),
      training: z.int(),
      items: z.array(ClockItemSchema),
    }),
  ),
});

export type ModuleEntry = z.output<typeof ModuleEntrySchema>;
export type PathEntry = z.output<typeof PathEntrySchema>;
export type TermEntry = z.output<typeof TermEntrySchema>;
export type PlanEntry = z.output<typeof PlanEntrySchema>;
