import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCAFFOLD_PROMPTS } from '@frontline/schema';
import { run } from './run.ts';

const sample = fileURLToPath(new URL('../../guides/test/fixtures/content/', import.meta.url));

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-cli-'));
  cpSync(sample, join(dir, 'content'), { recursive: true });
  return dir;
}

describe('frontline validate', () => {
  it('exits 0 on valid content', async () => {
    const r = await run(['validate'], workspace());
    expect(r.stdout).toContain('4 files checked, no problems');
    expect(r.code).toBe(0);
  });

  it('exits 1 with the JSON shape of the command-line contract', async () => {
    const dir = workspace();
    const file = join(dir, 'content/modules/outage-call.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('duration: 45', 'duration: 50').replace('level: foundation', 'level: expert'),
    );
    const r = await run(['validate', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: number; diagnostics: Record<string, unknown>[] };
    expect(report.files).toBe(4);
    const keys = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'hint', 'url'];
    for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(keys));
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['frontmatter-schema', 'segments-sum-to-duration']),
    );
    expect(report.diagnostics[0]).toMatchObject({
      file: 'content/modules/outage-call.md',
      line: 6,
      column: 8,
      severity: 'error',
    });
  });

  it('reports from its cache exactly what a run without it reports, edit after edit', async () => {
    const dir = workspace();
    const env = { FRONTLINE_CACHE_DIR: join(dir, 'cache') };
    const file = join(dir, 'content/modules/outage-call.md');
    const text = readFileSync(file, 'utf8');
    const same = async () => {
      const cached = await run(['validate', '--format', 'json'], dir, env);
      const fresh = await run(['validate', '--format', 'json', '--no-cache'], dir, env);
      expect(cached).toEqual(fresh);
      return cached;
    };
    expect((await same()).code).toBe(0);
    expect(readdirSync(join(dir, 'cache')).some((f) => f.endsWith('.ndjson'))).toBe(true);
    writeFileSync(file, text.replace('duration: 45', 'duration: 50'));
    expect((await same()).stdout).toContain('segments-sum-to-duration');
    expect((await same()).code).toBe(1);
    writeFileSync(file, text);
    expect((await same()).code).toBe(0);
    const named = await run(['validate', 'content/modules/outage-call.md'], dir, env);
    expect(named.stdout).toContain('1 file checked, no problems');
  });

  it('prints escaped GitHub annotations and writes the job summary', async () => {
    const dir = workspace();
    const file = join(dir, 'content/modules/outage-call.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: foundation', 'level: expert'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await run(['validate', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=content\/modules\/outage-call\.md,line=6,col=8,endLine=6,endColumn=14,title=frontmatter-schema::Unexpected `expert`/m,
    );
    expect(r.stdout).toContain('%0A'); // message and hint on two lines, escaped
    expect(readFileSync(summary, 'utf8')).toContain('| `content/modules/outage-call.md:6:8` | error |');
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['validate', '--format', 'xml'], workspace())).code).toBe(2);
    expect((await run(['validate', '--nope'], workspace())).code).toBe(2);
    expect((await run(['validat'], workspace())).stderr).toContain('Did you mean `validate`?');
  });
});

describe('frontline --version', () => {
  it('prints the version from the package and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const result = await run([flag], workspace());
      expect(result).toMatchObject({ code: 0, stdout: `frontline ${version}\n`, stderr: '' });
    }
  });
});

describe('frontline new', () => {
  it('scaffolds a module whose only problems are its prompts, and never overwrites', async () => {
    const dir = workspace();
    const first = await run(['new', 'greeting-callers', '--title', 'Greeting callers'], dir);
    expect(first.code).toBe(0);
    const file = join(dir, 'content/modules/greeting-callers.md');
    expect(existsSync(file)).toBe(true);
    // Untouched, the scaffold cannot be published: every instruction in it is reported.
    const untouched = await run(['validate', '--format', 'json'], dir);
    expect(untouched.code).toBe(1);
    const problems = (JSON.parse(untouched.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics;
    expect(new Set(problems.map((d) => d.ruleId))).toEqual(new Set(['no-scaffold-prompt']));
    const prompts = new Set<string>(Object.values(SCAFFOLD_PROMPTS));
    expect(problems.length).toBeGreaterThanOrEqual(prompts.size);
    expect(first.stdout).toContain(`replace the ${problems.length} instructions`);
    // With every instruction replaced by text of the author's own, it validates.
    let n = 0;
    const filled = readFileSync(file, 'utf8').replace(
      new RegExp([...prompts].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'),
      () => `Callers need a clear next step, case ${(n += 1)}.`,
    );
    writeFileSync(file, filled);
    const done = await run(['validate'], dir);
    expect(done.stderr + done.stdout).not.toContain('no-scaffold-prompt');
    expect(done.code).toBe(0);
    writeFileSync(file, 'edited by an author');
    const second = await run(['new', 'greeting-callers', '--title', 'Greeting callers'], dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('edited by an author');
  });

  it('rejects an id that is not kebab-case', async () => {
    expect((await run(['new', 'Greeting_Callers', '--title', 'Greeting'], workspace())).code).toBe(2);
  });
});

describe('frontline schema', () => {
  it('prints the JSON Schema', async () => {
    const r = await run(['schema'], workspace());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'object', properties: { id: { type: 'string' } } });
  });
});

describe('frontline guides', () => {
  it('typesets only the modules named by repeated --module options, and no path documents', async () => {
    const dir = workspace();
    const source = readFileSync(join(dir, 'content/modules/outage-call.md'), 'utf8');
    for (const id of ['outage-call-b', 'outage-call-c'])
      writeFileSync(join(dir, `content/modules/${id}.md`), source.replace(/^id: outage-call$/m, `id: ${id}`));
    const r = await run(['guides', '--module', 'outage-call', '--module', 'outage-call-c', '--out', 'out'], dir);
    expect(r.stderr).toContain('guides: 6 written');
    expect(r.code).toBe(0);
    expect(
      readdirSync(join(dir, 'out/a4'))
        .filter((f) => f.endsWith('.pdf'))
        .sort(),
    ).toEqual([
      'outage-call-c-facilitator-guide.pdf',
      'outage-call-c-participant-handout.pdf',
      'outage-call-c-role-cards.pdf',
      'outage-call-facilitator-guide.pdf',
      'outage-call-participant-handout.pdf',
      'outage-call-role-cards.pdf',
    ]);
  });
});

describe('frontline guides --plan --attendees', () => {
  const csv = (dir: string, text: string | Buffer, name = 'names.csv') => {
    writeFileSync(join(dir, name), text);
    return name;
  };

  it("writes the plan's documents and its certificates, a page per name, and nothing else", async () => {
    const dir = workspace();
    csv(dir, '\uFEFFFull name,Team\n"Doe, Jane",Ops\nZoë Ångström,Sales\n');
    const r = await run(['guides', '--plan', 'outage-morning', '--attendees', 'names.csv', '--out', 'out'], dir);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Wrote 5 documents to out (5 typeset, 0 unchanged)\n');
    expect(
      readdirSync(join(dir, 'out/a4'))
        .filter((f) => f.endsWith('.pdf'))
        .sort(),
    ).toEqual([
      'outage-morning-certificates.pdf',
      'outage-morning-day-pack.pdf',
      'outage-morning-feedback-form.pdf',
      'outage-morning-participant-pack.pdf',
      'outage-morning-sign-in-sheet.pdf',
    ]);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'out/a4/outage-morning-certificates.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(2);
    expect(text).toContain('Doe, Jane');
    expect(text).toContain('Zoë Ångström');
  });

  it('writes a plan without certificates when no names are given', async () => {
    const dir = workspace();
    const r = await run(['guides', '--plan', 'outage-morning', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out/a4')).filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
  });

  it('lists every bad row at its line and column, escaped, writes nothing, and exits 1', async () => {
    const dir = workspace();
    csv(dir, 'name,team\nAda,Ops\n\u001b[31mRed,Ops\n,Sales\nEvil\u202Eeman,Ops\n');
    const r = await run(['guides', '--plan', 'outage-morning', '--attendees', 'names.csv', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('names.csv:3:1  error  attendees\n  Unexpected invisible character U+001B in a name');
    expect(r.stderr).toContain('names.csv:4:1  error  attendees\n  Unexpected empty name');
    expect(r.stderr).toContain('names.csv:5:5  error  attendees\n  Unexpected invisible character U+202E');
    expect(r.stderr).toMatch(/hint {3}Write the name, or delete the row\./);
    expect(r.stderr).toContain('3 problems in names.csv: no certificates written.');
    // Nothing of the file's text reaches the terminal raw.
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a file without a name column, or not in UTF-8, at its place (exit 1)', async () => {
    const dir = workspace();
    csv(dir, 'id,team\n1,Ops\n', 'ids.csv');
    const noName = await run(['guides', '--plan', 'outage-morning', '--attendees', 'ids.csv', '--out', 'out'], dir);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toMatch(
      /^ids\.csv:1:1 {2}error {2}attendees\n {2}Unexpected header `id`, `team`, expected a column called `name`\n {2}hint/,
    );
    csv(dir, Buffer.concat([Buffer.from('name\nZo'), Buffer.from([0xeb]), Buffer.from('\n')]), 'latin1.csv');
    const latin1 = await run(['guides', '--plan', 'outage-morning', '--attendees', 'latin1.csv', '--out', 'out'], dir);
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/^latin1\.csv:2:3 {2}error {2}attendees\n {2}Unexpected bytes that are not UTF-8/);
  });

  it('exits 2 for a missing file, --attendees without --plan, and an unknown plan', async () => {
    const dir = workspace();
    const missing = await run(['guides', '--plan', 'outage-morning', '--attendees', 'nobody.csv', '--out', 'out'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Unexpected --attendees `nobody\.csv`: no such file\./);
    csv(dir, 'name\nAda\n');
    const noPlan = await run(['guides', '--attendees', 'names.csv', '--out', 'out'], dir);
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toMatch(/^Unexpected --attendees without --plan/);
    const unknown = await run(['guides', '--plan', 'outage-mornin', '--attendees', 'names.csv', '--out', 'out'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean `outage-morning`?');
    for (const r of [missing, noPlan, unknown]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('documents --plan and --attendees in its help', async () => {
    const r = await run(['guides', '--help'], workspace());
    expect(r.stdout + r.stderr).toMatch(/--plan <id>/);
    expect(r.stdout + r.stderr).toMatch(/--attendees <file>/);
    expect(r.stdout + r.stderr).toContain('<plan>-certificates.pdf');
    expect(r.stdout + r.stderr).toContain('<plan>-sign-in-sheet.pdf');
  });
});

describe('frontline guides output folder', () => {
  const pdfs = (dir: string) =>
    readdirSync(join(dir, 'out/a4'))
      .filter((f) => f.endsWith('.pdf'))
      .sort();

  it('replaces the output as a whole: documents of an earlier run do not survive, unchanged ones are kept', async () => {
    const dir = workspace();
    expect((await run(['guides', '--out', 'out'], dir)).code).toBe(0);
    expect(pdfs(dir)).toHaveLength(9);
    const again = await run(['guides', '--module', 'outage-call', '--out', 'out'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Wrote 3 documents to out (0 typeset, 3 unchanged)\n');
    expect(pdfs(dir)).toEqual([
      'outage-call-facilitator-guide.pdf',
      'outage-call-participant-handout.pdf',
      'outage-call-role-cards.pdf',
    ]);
    // No staging or old folder is left beside the output.
    expect(readdirSync(dir).sort()).toEqual(['content', 'out']);
  });

  it('lists every document not written with its reason, removes their old copies, and exits 1', async () => {
    const dir = workspace();
    expect((await run(['guides', '--out', 'out'], dir)).code).toBe(0);
    const file = join(dir, 'content/modules/outage-call.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: foundation', 'level: expert'));
    const r = await run(['guides', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      [
        'Not written (8):',
        '  a4/outage-call-facilitator-guide.pdf: module `outage-call` has errors',
        '  a4/outage-call-participant-handout.pdf: module `outage-call` has errors',
        '  a4/starter-facilitator-manual.pdf: its module `outage-call` has errors',
        '  a4/starter-participant-workbook.pdf: its module `outage-call` has errors',
        '  a4/outage-morning-day-pack.pdf: its module `outage-call` has errors',
        '  a4/outage-morning-participant-pack.pdf: its module `outage-call` has errors',
        '  a4/outage-morning-sign-in-sheet.pdf: its module `outage-call` has errors',
        '  a4/outage-morning-feedback-form.pdf: its module `outage-call` has errors',
      ].join('\n'),
    );
    expect(readdirSync(join(dir, 'out'))).toEqual(['.manifest.json']);
  });

  it('names a module file refused before it was read, and errors in files no document comes from (exit 1)', async () => {
    const dir = workspace();
    // A module file linked from outside the course is never read; the run must not look complete.
    const outside = join(dir, 'elsewhere.md');
    writeFileSync(outside, readFileSync(join(dir, 'content/modules/outage-call.md'), 'utf8'));
    symlinkSync(outside, join(dir, 'content/modules/linked-in.md'));
    const refused = await run(['guides', '--module', 'outage-call', '--out', 'out'], dir);
    // Only the named module is asked for: the refused file does not concern this run.
    expect(refused.code).toBe(0);
    const all = await run(['guides', '--out', 'out'], dir);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain(
      [
        'Not written (2):',
        '  a4/linked-in-facilitator-guide.pdf: module file `modules/linked-in.md` was refused',
        '  a4/linked-in-participant-handout.pdf: module file `modules/linked-in.md` was refused',
      ].join('\n'),
    );
    rmSync(join(dir, 'content/modules/linked-in.md'));
    writeFileSync(join(dir, 'content/glossary/broken-term.yaml'), 'term: [unclosed\n');
    const glossary = await run(['guides', '--out', 'out'], dir);
    expect(glossary.code).toBe(1);
    expect(glossary.stderr).toContain(
      'Errors in files no document is made from (1):\n  content/glossary/broken-term.yaml\n',
    );
  });

  it("removes staging folders that a killed build left beside the output, but not a running build's", async () => {
    const dir = workspace();
    // No process has this id (above Linux's largest pid), so its build was killed long ago.
    const abandoned = join(dir, 'out.staging-4194400-deadbeef');
    const live = join(dir, `out.staging-${process.pid}-cafef00d`);
    for (const folder of [abandoned, live]) {
      mkdirSync(join(folder, 'a4'), { recursive: true });
      writeFileSync(join(folder, 'a4/half-written.pdf'), '%PDF-');
    }
    expect((await run(['guides', '--module', 'outage-call', '--out', 'out'], dir)).code).toBe(0);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('accepts its own output folder moved elsewhere (a build cache restores it in another checkout), and typesets nothing again', async () => {
    const dir = workspace();
    expect((await run(['guides', '--module', 'outage-call', '--out', 'out'], dir)).code).toBe(0);
    renameSync(join(dir, 'out'), join(dir, 'moved'));
    const again = await run(['guides', '--module', 'outage-call', '--out', 'moved'], dir);
    expect(again.stderr).toBe('guides: 0 written, 3 unchanged\n');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Wrote 3 documents to moved (0 typeset, 3 unchanged)\n');
  });

  it('refuses a folder holding files Frontline did not write (exit 2, nothing deleted)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine/notes.txt'), 'my notes');
    const r = await run(['guides', '--module', 'outage-call', '--out', 'mine'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^Unexpected files in the output folder `.*mine` that Frontline did not write: `notes.txt`\./,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(dir, 'mine'))).toEqual(['notes.txt']);
  });

  it('refuses a folder inside the course, or one that holds it (exit 2, nothing written)', async () => {
    const dir = workspace();
    const inside = await run(['guides', '--module', 'outage-call', '--out', 'content/pdfs'], dir);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/^Unexpected output folder `.*content\/pdfs` inside the course folder/);
    expect(existsSync(join(dir, 'content/pdfs'))).toBe(false);
    const around = await run(['guides', '--module', 'outage-call', '--out', '.'], dir);
    expect(around.code).toBe(2);
    expect(around.stderr).toMatch(/it holds the course folder/);
    expect(readdirSync(dir)).toEqual(['content']);
  });
});

describe('frontline plan', () => {
  it('prints the wall-clock agenda of a plan', async () => {
    const r = await run(['plan', 'content/plans/outage-morning.yaml'], workspace());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Day 1, 2027-01-12: 09:30–10:55, 45 minutes of training');
    expect(r.stdout).toMatch(/09:30–09:50\s+— Opening —\n.*\n09:50–10:00\s+Opening: three days offline/);
    expect(r.stdout).toMatch(/10:35–10:55\s+— Close —/);
  });

  it('exits 1 with a located error when a day overruns', async () => {
    const dir = workspace();
    const file = join(dir, 'content/plans/outage-morning.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('end: "10:55"', 'end: "10:00"'));
    const r = await run(['plan', 'content/plans/outage-morning.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/plans\/outage-morning\.yaml:17:15 +error +plan-day-fits/);
  });
});
