import { describe, expect, it } from 'vitest';
import { buildCorpus, validateCorpus } from '../src/index.ts';

// After a YAML error the validator recovers like a compiler: the body and the keys that
// parsed are still checked, the module still exists for references, and the consequences
// of one mistake travel as causes of its one diagnostic.
const moduleText = (id: string, extra = '', prerequisites: string[] = [], tail = '') =>
  `---\nid: ${id}\ntitle: Module ${id}\nsummary: A module used by the recovery tests.\naudience: [frontline]\n${extra}duration: 60\nobjectives:\n  - id: a\n    text: Do the first thing well.\n  - id: b\n    text: Do the second thing well.\n  - id: c\n    text: Do the third thing well.\nprerequisites: [${prerequisites.join(', ')}]\nversion: 1.0.0\nupdated: 2026-11-01\n${tail}---\n\n::segment[Only]{minutes=60 method=discussion}\n\nTODO: write this.\n`;
const planText = `id: day\ntitle: A day\naudience: frontline\nformat: in-person\nbreaks:\n  every: 90\n  minutes: 10\ndays:\n  - date: 2027-01-12\n    start: "09:00"\n    end: "12:00"\n    modules: [broken, fine]\n`;

/** The diagnostics of the rules these tests are about (the bare modules break others too). */
const WATCHED = /^(yaml-syntax|frontmatter-schema|no-placeholder-text|prerequisite-exists|plan-.*)$/;

function corpusOf(brokenExtra: string) {
  return buildCorpus({
    root: '/x',
    modules: [
      { file: 'modules/broken.md', name: 'broken', text: moduleText('broken', brokenExtra, [], 'colour: blue\n') },
      { file: 'modules/fine.md', name: 'fine', text: moduleText('fine', 'level: foundation\n', ['broken']) },
    ],
    plans: [{ file: 'plans/day.yaml', name: 'day', text: planText }],
  });
}

function run(brokenExtra: string) {
  return validateCorpus(corpusOf(brokenExtra)).diagnostics.filter((d) => WATCHED.test(d.ruleId));
}

describe('recovery after a YAML error', () => {
  it('still checks the body and the rest of the frontmatter, and nothing else cascades', () => {
    const found = run('level:foundation\n');
    expect(found.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'modules/broken.md:6 yaml-syntax',
      'modules/broken.md:18 frontmatter-schema',
      'modules/broken.md:23 no-placeholder-text',
      'modules/fine.md:22 no-placeholder-text',
    ]);
    const [root] = found;
    expect(root?.causes?.map((c) => `${c.file}:${c.line}:${c.column} ${c.message}`)).toEqual([
      // `duration` on the next line is read again once the broken line is set aside.
      'modules/broken.md:6:1 so `level` could not be read; it is checked once this is fixed',
      'plans/day.yaml:12:15 plan `day` cannot schedule `broken` until this is fixed',
    ]);
  });

  it('reads the keys after an unquoted colon again, so their own mistakes are not hidden', () => {
    const found = validateCorpus(
      buildCorpus({
        root: '/x',
        modules: [
          {
            file: 'modules/broken.md',
            name: 'broken',
            text: moduleText('broken', 'level: expert\n').replace('title: Module broken', 'title: Module: broken'),
          },
        ],
      }),
    ).diagnostics.filter((d) => WATCHED.test(d.ruleId));
    expect(found.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      '3:14 yaml-syntax',
      '6:8 frontmatter-schema',
      '22:1 no-placeholder-text',
    ]);
    expect(found[0]?.causes?.map((c) => c.message)).toEqual([
      'so `title` could not be read; it is checked once this is fixed',
    ]);
    expect(found[1]?.message).toMatch(/Unexpected `expert` in `level`/);
  });

  it('keeps a module whose id line is broken known by its file name', () => {
    const found = run('').map((d) => d.ruleId);
    expect(found).toContain('frontmatter-schema'); // missing level
    const corpus = buildCorpus({
      root: '/x',
      modules: [
        { file: 'modules/broken.md', name: 'broken', text: moduleText('broken').replace('id: broken', 'id: "broken') },
        { file: 'modules/fine.md', name: 'fine', text: moduleText('fine', 'level: foundation\n', ['broken']) },
      ],
    });
    const rules = validateCorpus(corpus).diagnostics.map((d) => `${d.file} ${d.ruleId}`);
    expect(rules).not.toContain('modules/fine.md prerequisite-exists');
    expect(rules).toContain('modules/broken.md yaml-syntax');
  });

  it('reports the broken module behind a plan when only the plan is checked', () => {
    const found = validateCorpus(corpusOf(''), { only: ['plans/day.yaml'] }).diagnostics;
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.ruleId}`)).toEqual([
      'modules/broken.md:2 error frontmatter-schema',
    ]);
    expect(found[0]?.causes?.map((c) => `${c.file}:${c.line}:${c.column} ${c.message}`)).toEqual([
      'plans/day.yaml:12:15 plan `day` cannot schedule `broken` until this is fixed',
    ]);
  });
});
