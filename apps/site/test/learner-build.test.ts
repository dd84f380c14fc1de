import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { validateContent } from '@frontline/schema';
import { fileText, phrasesOf, searchRecords, squash } from './outputs.ts';

const site = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const astro = join(site, 'node_modules', '.bin', 'astro');

/** Every file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

// DESIGN.md's site contract: FRONTLINE_AUDIENCE=learner is what is published to learners, and
// holds no facilitator file of any type (pages, PDFs, JSON, search records, decks).
it('builds a learner site in which no file of any type holds facilitator text', { timeout: 300_000 }, () => {
  const guides = join(repo, 'packages', 'guides', 'dist');
  if (!existsSync(join(guides, 'a4'))) throw new Error(`No typeset documents in ${guides}: run \`pnpm build\` first.`);
  const out = mkdtempSync(join(tmpdir(), 'frontline-learner-'));
  execFileSync(astro, ['build'], {
    cwd: site,
    env: {
      ...process.env,
      FRONTLINE_AUDIENCE: 'learner',
      FRONTLINE_OUT_DIR: out,
      // A render cache of its own: the developer's is left as their last build made it.
      FRONTLINE_RENDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'frontline-render-cache-')),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: 'pipe',
  });
  // The search index, as the site's build script makes it.
  execFileSync(join(site, 'node_modules', '.bin', 'pagefind'), ['--quiet', '--site', out], {
    cwd: site,
    stdio: 'pipe',
  });
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  expect(existsSync(join(out, 'facilitator'))).toBe(false);

  const all = files(out);
  // No presenter deck, speaker view or their scripts and styles.
  expect(all.filter((f) => /present|speaker|deck/i.test(f.slice(out.length)))).toEqual([]);
  expect(all.filter((f) => f.endsWith('.html') && readFileSync(f, 'utf8').includes('/present/'))).toEqual([]);
  const pdfs = all.filter((f) => f.endsWith('.pdf'));
  // The participant documents are published, and nothing else typeset: the feedback form (made
  // from the participant view) with the participant pack; no sign-in sheet, which is the
  // trainer's record, and no certificates.
  expect(pdfs.some((f) => f.endsWith('-participant-handout.pdf'))).toBe(true);
  expect(pdfs.some((f) => f.endsWith('-feedback-form.pdf'))).toBe(true);
  expect(pdfs.filter((f) => !/-(participant-(handout|workbook|pack)|feedback-form)\.pdf$/.test(f))).toEqual([]);
  const pages = all.filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'));
  expect(pages.some((html) => html.includes('-feedback-form.pdf'))).toBe(true);
  expect(pages.filter((html) => /-(sign-in-sheet|certificates)\.pdf/.test(html))).toEqual([]);

  const { modules } = validateContent(join(repo, 'content'));
  const phrases = modules.flatMap(phrasesOf);
  const secret = phrases.filter((p) => !p.readers.includes('learner') && !p.readers.includes('participant'));
  expect(secret.length).toBeGreaterThan(100);

  const leaks: string[] = [];
  for (const file of all) {
    if (!/\.(html|pdf|json|js|mjs|xml|txt|pf_fragment|pf_meta|pf_index)$/.test(file)) continue;
    const text = squash(fileText(file));
    for (const p of secret) if (text.includes(p.key)) leaks.push(`${file}: ${p.module}: ${p.text.slice(0, 60)}`);
    if (file.endsWith('.html')) expect(readFileSync(file, 'utf8'), file).not.toContain('/facilitator/');
  }
  expect(leaks).toEqual([]);

  // Learners may see an answer after trying; the search never hands it out.
  const answers = phrases.filter((p) => p.answer);
  const records = searchRecords(out).map((r) => squash(r.text));
  expect(records.length).toBeGreaterThan(10);
  expect(answers.filter((a) => records.some((r) => r.includes(a.key))).map((a) => a.text)).toEqual([]);
});

// Both builds are in this file so that they run one after the other: Astro builds in one project
// folder share its .astro folder.
it('writes every file byte for byte the same from the render cache as without it', { timeout: 300_000 }, () => {
  const cache = mkdtempSync(join(tmpdir(), 'frontline-render-cache-'));
  const build = (out: string) =>
    execFileSync(astro, ['build'], {
      cwd: site,
      env: { ...process.env, FRONTLINE_OUT_DIR: out, FRONTLINE_RENDER_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
  const cold = mkdtempSync(join(tmpdir(), 'frontline-cold-'));
  build(cold);
  const saved = readdirSync(cache).filter((f) => f.endsWith('.ndjson'));
  expect(saved).toHaveLength(1);
  const file = join(cache, saved[0]!);
  // Five views of every module are kept: its entry in the modules collection, learner page,
  // handout and guide print pages, deck.
  const { modules } = validateContent(join(repo, 'content'));
  expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(5 * modules.length);
  const written = statSync(file).mtimeMs;

  const warm = mkdtempSync(join(tmpdir(), 'frontline-warm-'));
  // A page of an earlier build in the output folder: moved aside, then removed.
  writeFileSync(join(warm, 'stale.html'), '<p>from an earlier build</p>');
  build(warm);
  expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`.${basename(warm)}.old-`))).toEqual([]);
  // Every view came from the cache: nothing was rendered again, so the cache was not rewritten.
  expect(statSync(file).mtimeMs).toBe(written);
  const names = (dir: string) =>
    files(dir)
      .map((f) => relative(dir, f))
      .sort();
  expect(names(warm)).toEqual(names(cold));
  const differ = names(cold).filter((f) => !readFileSync(join(warm, f)).equals(readFileSync(join(cold, f))));
  expect(differ).toEqual([]);
});

// A build after an author's edit reads unchanged modules from the validation and render caches,
// parses only the edited one and carries the other modules' pages over from the output folder:
// what it writes must be what a build with no cache writes.
it('writes after an edit what a build with no cache writes', { timeout: 300_000 }, () => {
  const content = join(mkdtempSync(join(tmpdir(), 'frontline-edit-')), 'content');
  cpSync(join(repo, 'content'), content, { recursive: true });
  const caches = () => ({
    FRONTLINE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'frontline-validate-cache-')),
    FRONTLINE_RENDER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'frontline-render-cache-')),
  });
  const build = (out: string, cache: ReturnType<typeof caches>, env: Record<string, string> = {}) =>
    execFileSync(astro, ['build'], {
      cwd: site,
      env: {
        ...process.env,
        ...cache,
        ...env,
        FRONTLINE_CONTENT: content,
        FRONTLINE_OUT_DIR: out,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: 'pipe',
    });
  const kept = caches();
  const edited = mkdtempSync(join(tmpdir(), 'frontline-edited-'));
  build(edited, kept);
  const [first, second] = readdirSync(join(content, 'modules')).sort();
  const pagesOf = (out: string, file: string) =>
    ['index.html', 'handout/index.html'].map((page) => join(out, 'modules', basename(file, '.md'), page));
  const written = (out: string, file: string) => pagesOf(out, file).map((page) => statSync(page).mtimeMs);
  const before = written(edited, second!);
  appendFileSync(join(content, 'modules', first!), '\nA sentence the author added after the first build.\n');
  build(edited, kept);
  const fresh = mkdtempSync(join(tmpdir(), 'frontline-fresh-'));
  build(fresh, caches());
  const names = (dir: string) =>
    files(dir)
      .map((f) => relative(dir, f))
      .sort();
  expect(names(edited)).toEqual(names(fresh));
  const page = join('modules', basename(first!, '.md'), 'index.html');
  expect(readFileSync(join(edited, page), 'utf8')).toContain('A sentence the author added after the first build.');
  const differ = names(fresh).filter((f) => !readFileSync(join(edited, f)).equals(readFileSync(join(fresh, f))));
  expect(differ).toEqual([]);
  // The unchanged module's pages were carried over, not written again.
  expect(written(edited, second!)).toEqual(before);

  // A setting every page reads (the repository its "edit this page" links point into) writes
  // every page again, the carried ones included.
  const repository = 'https://example.org/team/course';
  build(edited, kept, { FRONTLINE_REPOSITORY: repository });
  for (const file of [first!, second!])
    expect(readFileSync(pagesOf(edited, file)[0]!, 'utf8')).toContain(`${repository}/edit/main/`);
  expect(written(edited, second!)[0]).not.toBe(before[0]);
});
