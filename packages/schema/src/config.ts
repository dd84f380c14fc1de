import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Severity } from './diagnostic.ts';

/** The content folder's optional `frontline.config.json`. */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), z.enum(['error', 'warning', 'off']))
    .default({})
    .meta({ description: 'Severity per rule id: `error`, `warning` or `off`.' }),
  repository: z
    .url()
    .optional()
    .meta({ description: 'Web address of the source repository, for "edit this page" links.' }),
});

export type Config = z.output<typeof ConfigSchema>;
export type RuleSetting = Severity | 'off';

/** Reads `<content>/frontline.config.json`; a missing file means defaults. */
export function loadConfig(contentDir: string): Config {
  const file = join(contentDir, 'frontline.config.json');
  if (!existsSync(file)) return { rules: {} };
  return ConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
