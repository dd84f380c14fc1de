import { indexOf, type Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'unique-ids',
  severity: 'error',
  summary: 'No two modules share an id.',
  why: 'Two modules with one id would fight over one page address and one place in every path.',
  check({ module, corpus, reportAt, placeOf }) {
    const id = module.raw?.id;
    if (typeof id !== 'string') return;
    const others = (indexOf(corpus).byId.get(id) ?? []).filter((m) => m !== module);
    if (others.length === 0) return;
    reportAt(['id'], `Unexpected duplicate id \`${id}\`, expected every module id to be unique`, {
      hint: 'Give one of the modules a new id (and rename its file to match).',
      causes: others.map((m) => ({ file: m.file, ...placeOf(['id']), message: 'same id here' })),
    });
  },
};
