import { MAX_CAUSES } from '../diagnostic.ts';
import { indexOf, type Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'unique-ids',
  severity: 'error',
  summary: 'No two modules share an id.',
  why: 'Two modules with one id would fight over one page address and one place in every path.',
  check({ module, corpus, reportAt }) {
    const id = module.raw?.id;
    if (typeof id !== 'string') return;
    const same = indexOf(corpus).byId.get(id) ?? [];
    if (same.length < 2) return;
    // Only the modules that will be listed are looked at: linear in the number of duplicates.
    const others = [];
    for (const m of same) {
      if (m.file !== module.file) others.push(m);
      if (others.length > MAX_CAUSES) break;
    }
    reportAt(['id'], `Unexpected duplicate id \`${id}\`, expected every module id to be unique`, {
      hint: 'Give one of the modules a new id (and rename its file to match).',
      causes: others.map((m) => ({ file: m.file, ...corpus.idPlace(m), message: 'same id here' })),
      totalCauses: same.length - 1,
    });
  },
};
