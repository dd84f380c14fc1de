import { z } from 'zod';
import { FrontmatterSchema } from './schemas/module.ts';
import { GlossaryTermSchema } from './schemas/glossary.ts';
import { PathSchema } from './schemas/path.ts';
import { PlanSchema } from './schemas/plan.ts';

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });

/** The JSON Schema of module frontmatter, as authors type it (zod's input side). */
export function frontmatterJsonSchema(): Record<string, unknown> {
  return toSchema(FrontmatterSchema);
}

/** JSON Schemas of the content's YAML files, by the file name they are committed under. */
export function dataJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'path.schema.json': toSchema(PathSchema),
    'glossary-term.schema.json': toSchema(GlossaryTermSchema),
    'plan.schema.json': toSchema(PlanSchema),
  };
}
