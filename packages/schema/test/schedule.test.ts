import { describe, expect, it } from 'vitest';
import { schedulePlan, toClock, type Plan, type SchedulableModule } from '../src/index.ts';
import { buildCorpus, validateCorpus } from '../src/index.ts';

const mod = (id: string, ...minutes: number[]): SchedulableModule => ({
  id,
  title: id,
  segments: minutes.map((m, i) => ({ title: `${id} part ${i + 1}`, minutes: m })),
});

function plan(
  days: Plan['days'],
  breaks: Plan['breaks'] = { every: 90, minutes: 15, lunch: { from: '12:00', to: '13:30', minutes: 45 } },
  format: Plan['format'] = 'in-person',
): Plan {
  return { id: 'p', title: 'Plan', audience: 'frontline', format, breaks, days };
}

/** A day's agenda as `HH:MM-HH:MM kind title` lines. */
const agenda = (p: Plan, modules: SchedulableModule[], day = 0) =>
  schedulePlan(p, new Map(modules.map((m) => [m.id, m]))).days[day]!.items.map(
    (i) => `${toClock(i.start)}-${toClock(i.end)} ${i.kind} ${i.title}`,
  );

describe('scheduler', () => {
  it('inserts a break before a segment that would run past the limit', () => {
    const modules = [mod('a', 45, 30, 30)];
    expect(agenda(plan([{ date: '2027-01-12', start: '09:00', end: '12:00', modules: ['a'] }]), modules)).toEqual([
      '09:00-09:45 segment a part 1',
      '09:45-10:15 segment a part 2',
      '10:15-10:30 break Break',
      '10:30-11:00 segment a part 3',
    ]);
  });

  it('splits a module across lunch at a segment boundary inside the window', () => {
    const modules = [mod('a', 90, 90, 60)];
    const lines = agenda(
      plan([{ date: '2027-01-12', start: '09:00', end: '17:00', modules: ['a'] }], {
        every: 180,
        minutes: 15,
        lunch: { from: '12:00', to: '13:30', minutes: 45 },
      }),
      modules,
    );
    expect(lines).toEqual([
      '09:00-10:30 segment a part 1',
      '10:30-12:00 segment a part 2',
      '12:00-12:45 lunch Lunch',
      '12:45-13:45 segment a part 3',
    ]);
  });

  it('waits for the lunch window when the next segment would make lunch too late', () => {
    const modules = [mod('a', 60, 60, 110)];
    const lines = agenda(
      plan([{ date: '2027-01-12', start: '09:00', end: '17:00', modules: ['a'] }], {
        every: 120,
        minutes: 15,
        lunch: { from: '12:00', to: '13:30', minutes: 45 },
      }),
      modules,
    );
    expect(lines).toEqual([
      '09:00-10:00 segment a part 1',
      '10:00-11:00 segment a part 2',
      '11:00-12:00 gap Free time before lunch',
      '12:00-12:45 lunch Lunch',
      '12:45-14:35 segment a part 3',
    ]);
  });

  it('reports a module longer than what is left of the day, at that module', () => {
    const p = plan([{ date: '2027-01-12', start: '09:00', end: '11:00', modules: ['a', 'b'] }]);
    const { problems } = schedulePlan(p, new Map([mod('a', 60), mod('b', 45, 30)].map((m) => [m.id, m])));
    expect(problems.map((x) => [x.day, x.module])).toEqual([[0, 1]]);
    expect(problems[0]?.message).toMatch(/end at 11:30 for `b`.*by 11:00/);
  });

  it('schedules several days independently', () => {
    const modules = [mod('a', 60), mod('b', 60)];
    const p = plan([
      { date: '2027-01-12', start: '09:00', end: '12:00', modules: ['a'] },
      { date: '2027-01-13', start: '13:30', end: '16:00', modules: ['b'] },
    ]);
    const s = schedulePlan(p, new Map(modules.map((m) => [m.id, m])));
    expect(s.days.map((d) => d.items.map((i) => `${d.date} ${toClock(i.start)} ${i.title}`))).toEqual([
      ['2027-01-12 09:00 a part 1'],
      ['2027-01-13 13:30 b part 1'],
    ]);
    expect(s.problems).toEqual([]);
  });

  it('gives a virtual plan shorter blocks', () => {
    const modules = [mod('a', 30, 30, 30, 30)];
    const lines = agenda(
      plan(
        [{ date: '2027-01-12', start: '09:00', end: '12:00', modules: ['a'] }],
        { every: 60, minutes: 10 },
        'virtual',
      ),
      modules,
    );
    expect(lines.filter((l) => l.includes('break'))).toEqual(['10:00-10:10 break Break']);
  });

  it('prefers a break or lunch between modules to one just inside the next module', () => {
    const modules = [mod('a', 35, 35), mod('b', 10, 60), mod('c', 30)];
    const lines = agenda(
      plan([{ date: '2027-01-12', start: '10:40', end: '17:00', modules: ['a', 'b', 'c'] }]),
      modules,
    );
    expect(lines).toEqual([
      '10:40-11:15 segment a part 1',
      '11:15-11:50 segment a part 2',
      '11:50-12:05 break Break',
      '12:05-12:15 segment b part 1',
      '12:15-13:00 lunch Lunch',
      '13:00-14:00 segment b part 2',
      '14:00-14:30 segment c part 1',
    ]);
  });

  it('uses a day’s own breaks policy over the plan’s', () => {
    const modules = [mod('a', 50, 50)];
    const lines = agenda(
      plan([{ date: '2027-01-12', start: '09:00', end: '12:00', breaks: { every: 60, minutes: 5 }, modules: ['a'] }]),
      modules,
    );
    expect(lines).toContain('09:50-09:55 break Break');
  });
});

describe('overruns', () => {
  it('reports every module that ends after the day, at the end time its agenda shows', () => {
    const modules = [mod('a', 60), mod('b', 30, 30), mod('c', 45)];
    const p = plan([{ date: '2027-01-12', start: '09:00', end: '10:30', modules: ['a', 'b', 'c'] }], {
      every: 90,
      minutes: 15,
    });
    const schedule = schedulePlan(p, new Map(modules.map((m) => [m.id, m])));
    const ends = new Map(
      schedule.days[0]!.items.filter((i) => i.kind === 'segment').map((i) => [i.module!, toClock(i.end)]),
    );
    expect(schedule.problems.map((x) => `${x.module} ${x.message}`)).toEqual([
      `1 Unexpected end at ${ends.get('b')} for \`b\` on 2027-01-12, expected the day to end by 10:30`,
      `2 Unexpected end at ${ends.get('c')} for \`c\` on 2027-01-12, expected the day to end by 10:30`,
    ]);
    expect([...ends.values()]).toEqual(['10:00', '11:15', '12:00']);
  });
});

describe('opening and close', () => {
  it('puts the opening first and the close last, on the clock with breaks and lunch', () => {
    const modules = [mod('a', 60, 30), mod('b', 60)];
    const p = plan([
      {
        date: '2027-01-12',
        start: '09:00',
        end: '13:30',
        opening: { minutes: 30 },
        modules: ['a', 'b'],
        close: { minutes: 20 },
      },
    ]);
    expect(agenda(p, modules)).toEqual([
      '09:00-09:30 opening Opening',
      '09:30-10:30 segment a part 1',
      '10:30-10:45 break Break',
      '10:45-11:15 segment a part 2',
      '11:15-12:15 segment b part 1',
      '12:15-13:00 lunch Lunch',
      '13:00-13:20 close Close',
    ]);
    expect(schedulePlan(p, new Map(modules.map((m) => [m.id, m]))).days[0]!.finish).toBe(13 * 60 + 20);
  });

  it('reports a close that ends after the day, at the close', () => {
    const modules = [mod('a', 60)];
    const p = plan([{ date: '2027-01-12', start: '09:00', end: '10:00', modules: ['a'], close: { minutes: 15 } }]);
    const problems = schedulePlan(p, new Map(modules.map((m) => [m.id, m]))).problems;
    expect(problems.map((x) => `${x.day} ${x.part} ${x.message}`)).toEqual([
      '0 close Unexpected close that ends at 10:15 on 2027-01-12, expected the day to end by 10:00',
    ]);
  });
});

describe('plan validation', () => {
  const moduleText = (id: string, audience: string, prerequisites: string[] = []) =>
    `---\nid: ${id}\ntitle: Module ${id}\nsummary: A module used by the plan validation tests.\naudience: [${audience}]\nlevel: foundation\nduration: 60\nobjectives:\n  - id: a\n    text: Do the first thing well.\n  - id: b\n    text: Do the second thing well.\n  - id: c\n    text: Do the third thing well.\nprerequisites: [${prerequisites.join(', ')}]\nversion: 1.0.0\nupdated: 2026-11-01\n---\n\n::segment[Only]{minutes=60 method=discussion}\n`;
  const planText = `id: day\ntitle: A day\naudience: frontline\nformat: virtual\nbreaks:\n  every: 90\n  minutes: 10\ndays:\n  - date: 2027-01-12\n    start: "09:00"\n    end: "10:30"\n    modules: [second, first, leaders-only, secnd]\n`;

  it('places every plan problem at its line and column', () => {
    const corpus = buildCorpus({
      root: '/x',
      modules: [
        { file: 'modules/first.md', name: 'first', text: moduleText('first', 'frontline') },
        { file: 'modules/second.md', name: 'second', text: moduleText('second', 'frontline', ['first']) },
        { file: 'modules/leaders-only.md', name: 'leaders-only', text: moduleText('leaders-only', 'leader') },
      ],
      plans: [{ file: 'plans/day.yaml', name: 'day', text: planText }],
    });
    const found = validateCorpus(corpus)
      .diagnostics.filter((d) => d.ruleId.startsWith('plan-'))
      .map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);
    expect(found).toEqual([
      '6:10 plan-virtual-blocks Unexpected 90-minute blocks in a virtual plan, expected at most 75',
      '12:15 plan-prerequisite-order Unexpected `second` before its prerequisite `first`, expected `first` earlier in the plan',
      '12:23 plan-day-fits Unexpected end at 11:10 for `first` on 2027-01-12, expected the day to end by 10:30',
      '12:30 plan-audience Unexpected module `leaders-only` for audience `frontline`, expected one written for it (it is for `leader`)',
      '12:30 plan-day-fits Unexpected end at 12:20 for `leaders-only` on 2027-01-12, expected the day to end by 10:30',
      '12:44 plan-module-exists Unexpected module `secnd`, expected the id of an existing module',
    ]);
  });
  it('says where a day leaves time unplanned, and where a content note has no opening', () => {
    const noted = moduleText('noted', 'frontline').replace(
      'updated: 2026-11-01\n',
      'updated: 2026-11-01\ncontentNote: This module deals with abuse at work, including threats.\n',
    );
    const text = `id: day\ntitle: A day\naudience: frontline\nformat: in-person\nbreaks:\n  every: 90\n  minutes: 10\ndays:\n  - date: 2027-01-12\n    start: "09:00"\n    end: "11:10"\n    modules: [first, noted]\n  - date: 2027-01-13\n    start: "09:00"\n    end: "11:00"\n    opening:\n      minutes: 15\n    modules: [noted]\n    close:\n      minutes: 15\n`;
    const corpus = buildCorpus({
      root: '/x',
      modules: [
        { file: 'modules/first.md', name: 'first', text: moduleText('first', 'frontline') },
        { file: 'modules/noted.md', name: 'noted', text: noted },
      ],
      plans: [{ file: 'plans/day.yaml', name: 'day', text }],
    });
    const found = validateCorpus(corpus)
      .diagnostics.filter((d) => d.ruleId.startsWith('plan-'))
      .map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
    expect(found).toEqual([
      '12:14 warning plan-content-note Unexpected day without an opening on 2027-01-12, expected one to give the content note of `noted`',
      '15:10 warning plan-day-accounted Unexpected 20 minutes with nothing planned at the end of 2027-01-13 (the day’s last part ends at 10:40), expected the day to end within 15 minutes of it',
    ]);
  });
});
