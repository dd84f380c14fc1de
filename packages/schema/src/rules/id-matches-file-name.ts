import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'id-matches-file-name',
  severity: 'error',
  summary: 'The `id` in the frontmatter equals the file name without `.md`.',
  why: 'Page addresses, prerequisites and paths use the id; when it differs from the file name, authors edit the wrong file.',
  check({ module, reportAt }) {
    const id = module.raw?.id;
    if (typeof id !== 'string' || id === module.name) return;
    reportAt(['id'], `Unexpected id \`${id}\`, expected \`${module.name}\` to match the file name`, {
      hint: `Set \`id: ${module.name}\`, or rename the file to \`${id}.md\`.`,
    });
  },
};
