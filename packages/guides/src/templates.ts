import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The templates folder: the Typst workspace root. */
export const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
export type Template =
  | 'facilitator-guide'
  | 'participant-handout'
  | 'facilitator-manual'
  | 'participant-workbook'
  | 'day-plan'
  | 'participant-agenda';
