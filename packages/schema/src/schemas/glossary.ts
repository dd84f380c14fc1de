import { z } from 'zod';
import { KebabId } from './module.ts';

/** A glossary term (`content/glossary/<id>.yaml`). */
export const GlossaryTermSchema = z
  .strictObject({
    term: z.string().trim().min(2).max(80).meta({ description: 'The term as it is usually written.' }),
    definition: z
      .string()
      .trim()
      .min(20)
      .max(600)
      .meta({ description: 'A plain-English definition, one to three sentences.' }),
    aliases: z
      .array(z.string().trim().min(2))
      .default([])
      .meta({ description: 'Other spellings or forms that refer to the same term.' }),
    seeAlso: z.array(KebabId).default([]).meta({ description: 'Ids of related glossary terms.' }),
  })
  .meta({ title: 'Frontline glossary term' });

export type GlossaryTerm = z.output<typeof GlossaryTermSchema> & { id: string };
