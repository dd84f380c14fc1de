import { z } from 'zod';
import { FrontmatterSchema } from './schemas/module.ts';

/** The JSON Schema of module frontmatter, as authors type it (zod's input side). */
export function frontmatterJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FrontmatterSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}
