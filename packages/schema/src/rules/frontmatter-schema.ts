import type { Rule } from '../rule.ts';

/**
 * The frontmatter matches the module schema. The engine runs the schema itself (so that
 * every zod issue is placed at its YAML node); this entry carries the rule's id,
 * severity and documentation.
 */
export const rule: Rule = {
  id: 'frontmatter-schema',
  severity: 'error',
  summary: 'The frontmatter has every required key, no unknown key, and values of the right kind.',
  why: 'The site, the guides and the planner all read these fields; a missing or misspelt one breaks them.',
  check() {},
};
