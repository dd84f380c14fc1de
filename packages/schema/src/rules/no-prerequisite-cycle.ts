import { indexOf, type Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'no-prerequisite-cycle',
  severity: 'error',
  summary: 'Prerequisites never loop back to the module that needs them.',
  why: 'A loop (A needs B, B needs A) makes both modules impossible to start.',
  check({ module, corpus, reportAt }) {
    const start = module.raw?.id;
    if (typeof start !== 'string') return;
    const graph = indexOf(corpus).prerequisites;
    // Depth-first search from each direct prerequisite back to `start`.
    const direct = graph.get(start) ?? [];
    direct.forEach((first, index) => {
      const seen = new Set<string>();
      const stack: string[][] = [[start, first]];
      while (stack.length) {
        const trail = stack.pop()!;
        const at = trail.at(-1)!;
        if (at === start) {
          reportAt(
            ['prerequisites', index],
            `Unexpected prerequisite loop ${trail.map((t) => `\`${t}\``).join(' → ')}, expected no module to depend on itself`,
            {
              hint: `Remove \`${first}\` from the prerequisites, or break the loop in one of the other modules.`,
            },
          );
          return;
        }
        if (seen.has(at)) continue;
        seen.add(at);
        for (const next of graph.get(at) ?? []) stack.push([...trail, next]);
      }
    });
  },
};
