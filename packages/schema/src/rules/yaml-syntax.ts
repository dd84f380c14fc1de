import type { Rule } from '../rule.ts';

/** The frontmatter is well-formed YAML. Reported by the parser; this entry documents it. */
export const rule: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'The frontmatter is readable YAML between two `---` lines.',
  why: 'Nothing else about a module can be checked until its frontmatter can be read.',
  check() {},
};
