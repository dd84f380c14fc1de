import { frontmatterJsonSchema } from '@frontline/schema';
import { EXIT } from '../io.ts';
import type { Command } from '../command.ts';

export const schemaCommand: Command = {
  usage: 'Usage: frontline schema\n\nPrints the JSON Schema (draft 2020-12) of module frontmatter, for editors.',
  options: {},
  run(_args, io) {
    io.stdout.write(`${JSON.stringify(frontmatterJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};
