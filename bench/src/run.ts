// `pnpm bench`: Frontline against its peers, side by side in one run, on this machine.
// Usage: pnpm bench [--sizes 100,1000,5000] [--runs 5] [--out bench/results] [--quick]
//        pnpm bench --only hostile [--hostile-size 10000]   (off by default: a 10,000-module corpus of errors)
import { execSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { cpSync, rmSync } from 'node:fs';
import { makeCorpus, makeHostileCorpus } from './corpus.ts';
import { firstSearchBytes } from './search-bytes.ts';
import { devSaveTimes } from './dev-save.ts';
import { bench, fmtCpu, fmtMb, fmtMs, inSequence, runOnce, statsOf, type Sample, type Stats } from './measure.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: join(root, 'bench', 'results') },
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: 'validate,guides,lms,site,dev,search,turbo,pages' },
    'site-sizes': { type: 'string', default: '100,1000' },
    'hostile-size': { type: 'string', default: '10000' },
    source: { type: 'string', default: join(root, 'content') },
  },
});
const quick = values.quick;
const sizes = quick ? [20] : values.sizes.split(',').map(Number);
const runs = quick ? 1 : Number(values.runs);
const warmup = quick ? 0 : 1;
const only = new Set(values.only.split(','));
const siteSizes = new Set(quick ? [20] : values['site-sizes'].split(',').map(Number));
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'frontline-bench-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** How many HTML pages a built site holds. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** One part of a target, with its own verdict: a row that misses one part still shows the rest. */
function part(text: string, holds: boolean): { text: string; holds: boolean } {
  return { text: `${text} (${holds ? 'yes' : 'no'})`, holds };
}

/** A row's target and verdict: every part listed with its own, holding only if all do. */
function verdict(...parts: { text: string; holds: boolean }[]): { target: string; holds: boolean } {
  return { target: parts.map((p) => p.text).join(', '), holds: parts.every((p) => p.holds) };
}

interface Row {
  measure: string;
  size: number;
  frontline: Stats;
  peer?: Stats;
  peerName?: string;
  target?: string;
  holds?: boolean;
}
const rows: Row[] = [];
/** The heaviest module page of each site measured (the `pages` measure). */
const pageWeights: {
  label: string;
  html: number;
  htmlPage: string;
  jsGzip: number;
  cssGzip: number;
  overHtml: number;
  pages: number;
}[] = [];
/** The largest site the `site` measure built, kept for the page weights. */
let largestSite: { size: number; dir: string } | undefined;
const extra: Record<string, unknown> = {};

// The replicated corpora are written only for the measures that use them (not for `--only hostile`).
const perSize = ['validate', 'guides', 'lms', 'site', 'dev', 'search'].some((m) => only.has(m));
for (const size of perSize ? sizes : []) {
  const corpus = makeCorpus(
    resolve(process.env.INIT_CWD ?? process.cwd(), values.source),
    join(work, `corpus-${size}`),
    size,
  );
  log(`corpus of ${size} modules: ${corpus}`);

  if (only.has('validate')) validateRows(size, corpus);

  if (only.has('lms')) {
    // `frontline export` of every module and path (validation included), one format at a time.
    for (const format of ['scorm12', 'scorm2004', 'cmi5']) {
      const out = join(work, `lms-${size}-${format}`);
      const frontline = bench(runs, warmup, () =>
        runOnce(node, [
          '--max-semi-space-size=32',
          join(root, 'packages/cli/src/bin.js'),
          'export',
          '--format',
          format,
          '--content',
          corpus,
          '--out',
          out,
        ]),
      );
      const row: Row = { measure: `LMS export, every module and path (${format})`, size, frontline };
      if (size === 1000) Object.assign(row, verdict(part('≤ 30 s', frontline.medianMs <= 30_000)));
      rows.push(row);
      log(`lms ${format} ${size}: ${fmtMs(frontline.medianMs)}, ${fmtMb(frontline.peakMb)}`);
      rmSync(out, { recursive: true, force: true });
    }
  }

  if (only.has('guides')) {
    // Both Typst engines the guides can run on (packages/guides/src/compile.ts): 0.14 writes
    // tagged PDF/UA-1 and is the default where its binary exists; 0.13 is the fallback.
    const engines = [
      ['Typst 0.14, tagged PDF/UA-1', '0.14'],
      ['Typst 0.13, untagged', '0.13'],
    ] as const;
    // The target is for every module's guide and handout. A path's manual and workbook
    // typeset its modules' guides and handouts again, so their cost follows how the corpus
    // groups modules into paths (twelve to a path here), not the number of modules: the full run,
    // path documents included, is measured beside it against the memory target alone.
    const moduleIds = readdirSync(join(corpus, 'modules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    const selections = [
      { what: 'guides, handouts and role cards of every module', args: moduleIds.flatMap((id) => ['--module', id]) },
      { what: 'all documents, path manuals and workbooks included', args: [] as string[] },
    ];
    for (const [label, typst] of engines)
      for (const { what, args } of selections) {
        const out = join(work, `guides-${size}-${typst}`);
        // Every run starts from an empty output folder: otherwise the content-hash cache would
        // turn every run after the first into a no-change run.
        const frontline = bench(runs, warmup, () => {
          rmSync(out, { recursive: true, force: true });
          return runOnce(
            node,
            [
              join(root, 'packages/cli/src/bin.js'),
              'guides',
              '--content',
              corpus,
              '--out',
              out,
              '--paper',
              'a4',
              ...args,
            ],
            { ...process.env, CI: '1', FRONTLINE_TYPST: typst },
          );
        });
        const documents = readdirSync(join(out, 'a4')).filter((f) => f.endsWith('.pdf')).length;
        const perDoc = frontline.medianMs / documents;
        const row: Row = { measure: `guides, ${what} (${documents} PDFs, A4), ${label}`, size, frontline };
        if (size === 1000)
          Object.assign(
            row,
            args.length
              ? verdict(
                  part('≤ 30 s', frontline.medianMs <= 30_000),
                  part('< 500 MB', frontline.peakMb < 500),
                  part(`≤ 25 ms per document (${perDoc.toFixed(1)} ms)`, perDoc <= 25),
                )
              : verdict(part('< 500 MB', frontline.peakMb < 500)),
          );
        rows.push(row);
        if (args.length) extra[`guides-ms-per-document-${size}-typst-${typst}`] = perDoc;
        log(
          `guides ${size}, ${what} (${label}): ${fmtMs(frontline.medianMs)} for ${documents} documents (${perDoc.toFixed(1)} ms each), ${fmtMb(frontline.peakMb)}`,
        );
        rmSync(out, { recursive: true, force: true });
      }
  }
  if (only.has('site') && siteSizes.has(size)) {
    const astroBin = (dir: string) => join(root, dir, 'node_modules', '.bin', 'astro');
    // The course site builds with the Node flags of its own build script (apps/site/package.json).
    const siteScript = (
      JSON.parse(readFileSync(join(root, 'apps/site/package.json'), 'utf8')) as { scripts: { build: string } }
    ).scripts.build;
    const siteFlags = /^node ((?:--\S+ )*)node_modules\/astro\/bin\/astro\.mjs build/
      .exec(siteScript)?.[1]
      ?.split(' ')
      .filter(Boolean);
    if (!siteFlags)
      throw new Error(
        `apps/site's build script is not \`node [flags] node_modules/astro/bin/astro.mjs build …\`: ${siteScript}`,
      );
    const siteBuild = (env: NodeJS.ProcessEnv) =>
      runOnce(
        node,
        [...siteFlags, join(root, 'apps/site/node_modules/astro/bin/astro.mjs'), 'build', '--silent'],
        env,
        join(root, 'apps/site'),
      );
    // Cold: no content-layer cache and no output from an earlier build (overwriting a
    // thousand pages costs this machine seconds of system time that a fresh folder does not).
    const cold = (dir: string, out: string) => {
      rmSync(join(root, dir, '.astro'), { recursive: true, force: true });
      rmSync(join(root, dir, 'node_modules', '.astro'), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    };
    // Pagefind over a built site, from `cwd` (apps/site has a pagefind.yml that limits the pages read).
    const pagefind = (site: string, cwd: string, args: string[] = []) =>
      runOnce(
        join(root, 'apps/site/node_modules/.bin/pagefind'),
        ['--site', site, '--quiet', ...args],
        process.env,
        cwd,
      );
    const siteOut = join(work, `site-${size}`);
    const indexing: Sample[] = [];
    const frontline = bench(runs, warmup, () => {
      cold('apps/site', siteOut);
      rmSync(join(root, 'node_modules/.cache/frontline-site'), { recursive: true, force: true });
      const env = {
        ...process.env,
        FRONTLINE_CONTENT: corpus,
        FRONTLINE_OUT_DIR: siteOut,
        ASTRO_TELEMETRY_DISABLED: '1',
      };
      const build = siteBuild(env);
      const index = pagefind(siteOut, join(root, 'apps/site'));
      indexing.push(index);
      return inSequence(build, index);
    });
    // Warm: the content-layer and render caches of the build before are kept (output cleared).
    const warm = bench(runs, 0, () => {
      rmSync(siteOut, { recursive: true, force: true });
      const env = {
        ...process.env,
        FRONTLINE_CONTENT: corpus,
        FRONTLINE_OUT_DIR: siteOut,
        ASTRO_TELEMETRY_DISABLED: '1',
      };
      return inSequence(siteBuild(env), pagefind(siteOut, join(root, 'apps/site')));
    });
    rows.push({ measure: 'site build, warm (render cache kept)', size, frontline: warm });
    // An author's edit: one module changed (a sentence added), every cache of the build before kept,
    // as \`pnpm build\` runs after a save. Measured against the cold build of the same run.
    const siteEnv = {
      ...process.env,
      FRONTLINE_CONTENT: corpus,
      FRONTLINE_OUT_DIR: siteOut,
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    const editedFile = join(corpus, 'modules', readdirSync(join(corpus, 'modules')).sort()[0]!);
    let edit = 0;
    const edited = bench(runs, 0, () => {
      edit += 1;
      appendFileSync(editedFile, `\nThe team changed this page (edit ${edit}).\n`);
      return inSequence(siteBuild(siteEnv), pagefind(siteOut, join(root, 'apps/site')));
    });
    rows.push({
      measure: 'site build after editing one module',
      size,
      frontline: edited,
      peer: frontline,
      peerName: 'site build, cold',
      ...(size === 1000 ? verdict(part('≤ 0.25× the cold build', edited.medianMs <= 0.25 * frontline.medianMs)) : {}),
    });
    // The floor writes as many pages per module as Frontline does (module, print, facilitator and
    // presenter pages), each a rendering of the module, and Pagefind reads the pages Frontline indexes.
    const moduleCount = readdirSync(join(corpus, 'modules')).length;
    const pagesPerModule = Math.max(1, Math.round(countPages(siteOut) / moduleCount));
    extra[`pages-per-module-${size}`] = pagesPerModule;
    const middle = [...indexing].sort((a, b) => a.ms - b.ms)[Math.floor(indexing.length / 2)]!;
    rows.push({ measure: 'Pagefind index (part of the site build)', size, frontline: statsOf([middle]) });
    // The minimal site, then Pagefind over its pages: the least that any site with search does
    // (no validation, one page per module), and so the floor under the ratio to minimal Astro.
    const minimalSearch: Sample[] = [];
    const minimal = bench(runs, warmup, () => {
      const out = join(work, `minimal-${size}`);
      cold('bench/peers/minimal-astro', out);
      const build = runOnce(
        astroBin('bench/peers/minimal-astro'),
        ['build', '--silent'],
        {
          ...process.env,
          BENCH_CORPUS: corpus,
          BENCH_OUT: out,
          BENCH_PAGES: String(pagesPerModule),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        join(root, 'bench/peers/minimal-astro'),
      );
      minimalSearch.push(
        inSequence(build, pagefind(out, join(root, 'bench/peers/minimal-astro'), ['--glob', 'modules/*/index.html'])),
      );
      return build;
    });
    // bench() ran the warm-up first: only the timed runs count.
    const floor = statsOf(minimalSearch.slice(warmup));
    const docs = join(root, 'bench/peers/starlight/src/content/docs/modules');
    rmSync(docs, { recursive: true, force: true });
    cpSync(join(corpus, 'modules'), docs, { recursive: true });
    const starlight = bench(runs, warmup, () => {
      cold('bench/peers/starlight', join(work, `starlight-${size}`));
      return runOnce(
        astroBin('bench/peers/starlight'),
        ['build', '--silent'],
        { ...process.env, BENCH_OUT: join(work, `starlight-${size}`), ASTRO_TELEMETRY_DISABLED: '1' },
        join(root, 'bench/peers/starlight'),
      );
    });
    const againstFloor = verdict(
      part('≤ 1.25× the floor', frontline.medianMs <= 1.25 * floor.medianMs),
      part('< 1 GB', frontline.peakMb < 1024),
    );
    const againstStarlight = verdict(part('≤ 0.45× Starlight', frontline.medianMs <= 0.45 * starlight.medianMs));
    rows.push({
      measure: `site build, cold (Astro + Pagefind), against the floor: minimal Astro writing ${pagesPerModule} pages per module (${fmtMs(minimal.medianMs)}) + Pagefind over its module pages`,
      size,
      frontline,
      peer: floor,
      peerName: 'minimal Astro + Pagefind, same pages',
      ...(size === 1000 ? againstFloor : {}),
    });
    rows.push({
      measure: 'site build, cold (Astro + Pagefind)',
      size,
      frontline,
      peer: starlight,
      peerName: 'Starlight',
      ...(size === 1000 ? againstStarlight : {}),
    });
    log(
      `site ${size}: ${fmtMs(frontline.medianMs)} vs minimal Astro ${fmtMs(minimal.medianMs)} (${fmtMs(floor.medianMs)} with Pagefind), Starlight ${fmtMs(starlight.medianMs)}`,
    );
    if (!largestSite || size > largestSite.size) largestSite = { size, dir: siteOut };
    const sizeOf = (dir: string, page: string) => {
      try {
        return statSync(join(dir, page)).size;
      } catch {
        return NaN;
      }
    };
    const firstId = readdirSync(join(corpus, 'modules'))[0]!.replace(/\.md$/, '');
    extra[`module-page-bytes-${size}`] = {
      frontline: sizeOf(siteOut, `modules/${firstId}/index.html`),
      starlight: sizeOf(join(work, `starlight-${size}`), `modules/${firstId}/index.html`),
    };
    if (only.has('search')) {
      const bytes = await firstSearchBytes(siteOut, 'customer');
      extra[`first-search-bytes-${size}`] = bytes;
      rows.push({
        measure: `first search download (${(bytes / 1024).toFixed(0)} KB)`,
        size,
        frontline: { runs: 1, medianMs: 0, minMs: 0, peakMb: NaN, cpuMs: NaN },
        ...(size === 1000 ? { target: '≤ 150 KB', holds: bytes <= 150 * 1024 } : {}),
      });
      log(`first search at ${size} modules: ${(bytes / 1024).toFixed(0)} KB`);
    }
  }
  if (only.has('dev') && siteSizes.has(size)) await devSave(size, corpus);
}

/**
 * `frontline validate` in a new process each time (the same invocation as `pnpm frontline`,
 * without pnpm's own start-up): with no cache (a fresh clone, CI), with the cache an earlier run
 * left and nothing changed, and after an author edits one module, the whole course or only that
 * file named. Node's compile cache is warm in every row, as after any first run on a machine.
 */
function validateRows(size: number, corpus: string): void {
  const cacheDir = join(work, `validate-cache-${size}`);
  const env = { ...process.env, FRONTLINE_CACHE_DIR: cacheDir };
  const validate = (...args: string[]) =>
    runOnce(
      node,
      ['--max-semi-space-size=32', join(root, 'packages/cli/src/bin.js'), 'validate', '--format', 'json', ...args],
      env,
    );
  const fresh = bench(runs, warmup, () => validate('--content', corpus, '--no-cache'));
  const peer = bench(runs, warmup, () => runOnce(node, [join(root, 'bench/src/remark-baseline.ts'), corpus]));
  const ratio = fresh.medianMs / peer.medianMs;
  const row: Row = {
    measure: 'validate (cold process, no cache: a fresh clone or CI)',
    size,
    frontline: fresh,
    peer,
    peerName: 'remark pipeline',
  };
  if (size === 1000)
    Object.assign(row, verdict(part('≤ 1.0 s', fresh.medianMs <= 1000), part('≤ 0.10× remark', ratio <= 0.1)));
  rows.push(row);
  log(`validate ${size}, no cache: ${fmtMs(fresh.medianMs)} vs remark ${fmtMs(peer.medianMs)} (${ratio.toFixed(2)}×)`);

  validate('--content', corpus); // the run that leaves the cache
  const unchanged = bench(runs, warmup, () => validate('--content', corpus));
  rows.push({
    measure: 'validate (cold process, cache of an earlier run, nothing changed)',
    size,
    frontline: unchanged,
    ...(size === 1000 ? verdict(part('≤ 1.0 s', unchanged.medianMs <= 1000)) : {}),
  });
  // Each run first changes one module's prose, as an author saving a file does.
  const edited = join(corpus, 'modules', readdirSync(join(corpus, 'modules')).sort()[size >> 1]!);
  let edit = 0;
  const editOne = () => appendFileSync(edited, `\nA sentence the author added (edit ${++edit}).\n`);
  const whole = bench(runs, warmup, () => (editOne(), validate('--content', corpus)));
  rows.push({ measure: 'validate after editing one module (whole course, cache)', size, frontline: whole });
  const named = bench(runs, warmup, () => (editOne(), validate(edited)));
  rows.push({
    measure: 'validate one changed module, named on the command line (cache)',
    size,
    frontline: named,
    ...(size === 1000 ? verdict(part('≤ 0.3 s', named.medianMs <= 300)) : {}),
  });
  log(
    `validate ${size} with cache: nothing changed ${fmtMs(unchanged.medianMs)}, one edit ${fmtMs(whole.medianMs)}, that file named ${fmtMs(named.medianMs)}`,
  );
}

// The author's edit loop in `pnpm dev`: save a module, see it in Chromium (bench/src/dev-save.ts).
// After the site measures, which edit the same corpus copy; this one appends to it too.
async function devSave(size: number, corpus: string): Promise<void> {
  const saves = quick ? 2 : Math.max(3, runs);
  const times = await devSaveTimes(join(root, 'apps/site'), corpus, saves);
  const samples = times.map((ms) => ({ ms, mb: NaN, cpuMs: NaN }));
  const stats = statsOf(samples);
  rows.push({
    measure: `\`pnpm dev\`: save a module until Chromium shows the change (median of ${saves} saves)`,
    size,
    frontline: stats,
    ...(size === 1000 ? verdict(part('under 1 s', stats.medianMs < 1000)) : {}),
  });
  log(`dev save at ${size} modules: ${times.map(fmtMs).join(', ')}`);
}

// Validation of a hostile corpus (long prerequisite chains, hundreds of modules sharing an id):
// only with `--only hostile`, as it writes and checks 10,000 modules by default.
if (only.has('hostile')) {
  const size = quick ? 50 : Number(values['hostile-size']);
  const corpus = makeHostileCorpus(
    resolve(process.env.INIT_CWD ?? process.cwd(), values.source),
    join(work, `hostile-${size}`),
    size,
  );
  log(`hostile corpus of ${size} modules: ${corpus}`);
  const hostile = bench(runs, warmup, () =>
    runOnce(
      node,
      [
        '--max-semi-space-size=32',
        join(root, 'packages/cli/src/bin.js'),
        'validate',
        '--content',
        corpus,
        '--format',
        'json',
      ],
      process.env,
      undefined,
      [1], // the corpus is made of errors: exit 1 is the expected result, 2 (a crash) is not
    ),
  );
  rows.push({ measure: 'validate a hostile corpus (chains, duplicate ids)', size, frontline: hostile });
  log(`validate hostile ${size}: ${fmtMs(hostile.medianMs)}, peak ${fmtMb(hostile.peakMb)}`);
  rmSync(corpus, { recursive: true, force: true });
}

// A no-change rebuild of the repository through Turborepo's cache.
if (only.has('turbo')) {
  const turbo = join(root, 'node_modules/.bin/turbo');
  runOnce(turbo, ['run', 'build', '--output-logs=none'], process.env, root); // fill the cache
  const rebuild = bench(runs, 0, () => runOnce(turbo, ['run', 'build', '--output-logs=none'], process.env, root));
  rows.push({
    measure: 'no-change rebuild of the course (turbo run build)',
    size: readdirSync(join(root, 'content/modules')).length,
    frontline: rebuild,
  });
  log(`turbo no-change rebuild: ${fmtMs(rebuild.medianMs)}`);
}

// Page weight of the built course site (apps/site/dist), per module page.
/** The weight of every module page of a built site: HTML bytes, and gzip bytes of the JS and CSS it loads. */
function moduleWeights(dist: string) {
  // Each module's folder (the /modules/ index page itself is a file beside them).
  const modules = readdirSync(join(dist, 'modules'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return modules.map((id) => {
    const html = readFileSync(join(dist, 'modules', id, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const gz = (path: string) => gzipSync(readFileSync(join(dist, path))).length;
    return {
      id,
      html: statSync(join(dist, 'modules', id, 'index.html')).size,
      js: scripts.reduce((n, s) => n + gz(s), 0),
      css: styles.reduce((n, s) => n + gz(s), 0),
    };
  });
}

if (only.has('pages')) {
  // The course's own site, and the largest site this run built (its modules are copies of the course's).
  const sites: [string, string][] = [['the course', join(root, 'apps/site/dist')]];
  if (largestSite) sites.push([`${largestSite.size} modules`, largestSite.dir]);
  for (const [label, dist] of sites) {
    if (!existsSync(join(dist, 'modules'))) {
      log(`page weight: no built site in ${dist} (run \`pnpm build\` first); skipped`);
      continue;
    }
    const weights = moduleWeights(dist);
    const heaviest = (k: 'html' | 'js' | 'css') => weights.reduce((a, b) => (b[k] > a[k] ? b : a));
    const max = { html: heaviest('html'), js: heaviest('js'), css: heaviest('css') };
    pageWeights.push({
      label,
      html: max.html.html,
      htmlPage: max.html.id,
      jsGzip: max.js.js,
      cssGzip: max.css.css,
      overHtml: weights.filter((w) => w.html > 30 * 1024).length,
      pages: weights.length,
    });
    log(
      `module pages of ${label}: HTML ≤ ${(max.html.html / 1024).toFixed(1)} KB (${max.html.id}), eager JS ≤ ${(max.js.js / 1024).toFixed(1)} KB gz, CSS ≤ ${(max.css.css / 1024).toFixed(1)} KB gz`,
    );
  }
  extra.pageWeights = pageWeights;
}

// At 10,000 modules the target is that each command finishes (a run that fails stops the bench)
// under 2 GB, its figures reported; a row with its own target keeps it.
for (const row of rows)
  if (row.size >= 10000 && row.target === undefined && Number.isFinite(row.frontline.peakMb))
    Object.assign(row, verdict(part('finishes under 2 GB', row.frontline.peakMb < 2048)));

// Report.
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
const lines = [
  `# Frontline benchmarks`,
  '',
  `Commit ${commit} · Node ${process.version} · ${machine} · ${new Date().toISOString()}`,
  `Command: \`pnpm bench ${process.argv.slice(2).join(' ')}\` · median of ${runs} run(s) after ${warmup} warm-up`,
  '',
  '| measure | modules | Frontline | CPU time | peak memory | peer | peer time | peer CPU | ratio | target | holds |',
  '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |',
  ...rows.map((r) =>
    [
      r.measure,
      r.size,
      fmtMs(r.frontline.medianMs),
      fmtCpu(r.frontline.cpuMs),
      fmtMb(r.frontline.peakMb),
      r.peerName ?? '',
      r.peer ? fmtMs(r.peer.medianMs) : '',
      r.peer ? fmtCpu(r.peer.cpuMs) : '',
      r.peer ? `${(r.frontline.medianMs / r.peer.medianMs).toFixed(2)}×` : '',
      r.target ?? '',
      r.holds === undefined ? '' : r.holds ? 'yes' : '**no**',
    ]
      .join(' | ')
      .replace(/^/, '| ')
      .replace(/$/, ' |'),
  ),
];
for (const pw of pageWeights)
  lines.push(
    '',
    `| page weight, largest module page of ${pw.label} | value | budget | holds |`,
    '| --- | ---: | ---: | --- |',
    `| HTML (\`${pw.htmlPage}\`; ${pw.overHtml} of ${pw.pages} pages over budget) | ${(pw.html / 1024).toFixed(1)} KB | 30 KB | ${pw.html <= 30 * 1024 ? 'yes' : '**no**'} |`,
    `| eager JS (gzip) | ${(pw.jsGzip / 1024).toFixed(1)} KB | 5 KB | ${pw.jsGzip <= 5 * 1024 ? 'yes' : '**no**'} |`,
    `| CSS (gzip) | ${(pw.cssGzip / 1024).toFixed(1)} KB | 15 KB | ${pw.cssGzip <= 15 * 1024 ? 'yes' : '**no**'} |`,
  );
const report = `${lines.join('\n')}\n`;
// Relative to where `pnpm bench` was typed (pnpm runs this from bench/ and sets INIT_CWD).
const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, quick ? 'smoke.md' : 'latest.md'), report);
writeFileSync(
  join(outDir, quick ? 'smoke.json' : 'latest.json'),
  `${JSON.stringify({ commit, node: process.version, machine, date: new Date().toISOString(), runs, rows, extra }, null, 2)}\n`,
);
process.stdout.write(report);
