import { indexOf, type Rule } from '../rule.ts';
import { suggest } from '../suggest.ts';

export const rule: Rule = {
  id: 'prerequisite-exists',
  severity: 'error',
  summary: 'Every prerequisite names an existing module.',
  why: 'A prerequisite that points nowhere leaves learners with a broken link and planners with a gap.',
  check({ module, corpus, reportAt }) {
    const prerequisites = module.raw?.prerequisites;
    if (!Array.isArray(prerequisites)) return;
    const { ids } = indexOf(corpus);
    prerequisites.forEach((value, i) => {
      if (typeof value !== 'string' || ids.has(value)) return;
      const close = suggest(value, [...ids]);
      reportAt(['prerequisites', i], `Unexpected prerequisite \`${value}\`, expected the id of an existing module`, {
        hint: close ? `Did you mean \`${close}\`?` : 'Check the id in content/modules/, or remove the prerequisite.',
      });
    });
  },
};
