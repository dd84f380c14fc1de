import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ExportRequestError, exportPackages, parseFormat } from '../src/index.ts';
import { FIXTURE, tempDir, unzipText } from './helpers.ts';

const ALL = ['closing-the-till.scorm12.zip', 'counter-refunds.scorm12.zip', 'returns-desk.scorm12.zip'];

describe('exportPackages', () => {
  test('writes one zip per module and path by default, byte-identical on a second run', () => {
    const out = join(tempDir('export'), 'lms');
    const first = exportPackages({ content: FIXTURE, out, format: 'scorm12' });
    expect(first.ok).toBe(true);
    expect(readdirSync(out).sort()).toEqual(ALL);
    const bytes = ALL.map((name) => readFileSync(join(out, name)));
    exportPackages({ content: FIXTURE, out: join(tempDir('export'), 'lms'), format: 'scorm12' });
    const again = join(tempDir('export'), 'lms');
    exportPackages({ content: FIXTURE, out: again, format: 'scorm12' });
    ALL.forEach((name, i) => expect(readFileSync(join(again, name)).equals(bytes[i]!)).toBe(true));
  });

  test('zip entries are dated with the content, not the clock', () => {
    const out = join(tempDir('dates'), 'lms');
    exportPackages({ content: FIXTURE, out, format: 'scorm12', modules: ['counter-refunds'] });
    const zip = readFileSync(join(out, 'counter-refunds.scorm12.zip'));
    // The first local header's DOS date (offset 12): 2026-09-01, the module's `updated`.
    const date = zip.readUInt16LE(12);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 9, 1]);
  });

  test('a selection replaces only its own packages; other formats and packages stay', () => {
    const out = join(tempDir('select'), 'lms');
    exportPackages({ content: FIXTURE, out, format: 'scorm12' });
    exportPackages({ content: FIXTURE, out, format: 'cmi5', paths: ['returns-desk'] });
    expect(readdirSync(out).sort()).toEqual([...ALL, 'returns-desk.cmi5.zip'].sort());
  });

  test('a full export drops packages of modules that are gone (nothing stale survives)', () => {
    const out = join(tempDir('stale'), 'lms');
    exportPackages({ content: FIXTURE, out, format: 'scorm12' });
    writeFileSync(join(out, 'deleted-module.scorm12.zip'), 'old');
    exportPackages({ content: FIXTURE, out, format: 'scorm12' });
    expect(readdirSync(out).sort()).toEqual(ALL);
    expect(readdirSync(join(out, '..'))).toEqual(['lms']); // no staging folder left behind
  });

  test('invalid content is refused with the validator diagnostics, and nothing is written', () => {
    const content = join(tempDir('broken'), 'course');
    cpSync(FIXTURE, content, { recursive: true });
    const file = join(content, 'modules', 'closing-the-till.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('duration: 20', 'duration: twenty'));
    const out = join(tempDir('broken-out'), 'lms');
    const result = exportPackages({ content, out, format: 'scorm12' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line])).toEqual([
      ['frontmatter-schema', 7],
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test("mastery: the content's (module or path) wins over the command's default, in every format's manifest", () => {
    const content = join(tempDir('mastery'), 'course');
    cpSync(FIXTURE, content, { recursive: true });
    const module = join(content, 'modules', 'counter-refunds.md');
    writeFileSync(
      module,
      readFileSync(module, 'utf8').replace('updated: 2026-09-01', 'updated: 2026-09-01\nmastery: 60'),
    );
    writeFileSync(
      join(content, 'paths', 'returns-desk.yaml'),
      `${readFileSync(join(content, 'paths', 'returns-desk.yaml'), 'utf8')}mastery: 75\n`,
    );
    const out = join(tempDir('mastery-out'), 'lms');
    const manifest = (name: string) => {
      const files = unzipText(readFileSync(join(out, name)));
      return (files.get('imsmanifest.xml') ?? files.get('cmi5.xml'))!;
    };
    expect(exportPackages({ content, out, format: 'scorm12', mastery: 0.5 }).ok).toBe(true);
    expect(manifest('counter-refunds.scorm12.zip')).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(manifest('closing-the-till.scorm12.zip')).toContain('<adlcp:masteryscore>50</adlcp:masteryscore>');
    expect(manifest('returns-desk.scorm12.zip')).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    exportPackages({ content, out, format: 'scorm2004', mastery: 0.5 });
    expect(manifest('counter-refunds.scorm2004.zip')).toMatch(
      /satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.6<\/imsss:minNormalizedMeasure>/,
    );
    expect(manifest('closing-the-till.scorm2004.zip')).toContain('<imsss:minNormalizedMeasure>0.5<');
    exportPackages({ content, out, format: 'cmi5' });
    expect(manifest('returns-desk.cmi5.zip')).toContain('masteryScore="0.75"');
    expect(manifest('closing-the-till.cmi5.zip')).toContain('masteryScore="1"');
    // The runtime is told the same pass mark (the LMS's own, when it gives one, wins there).
    const page = unzipText(readFileSync(join(out, 'counter-refunds.cmi5.zip'))).get('index.html')!;
    expect(page).toContain('"mastery":0.6');
  });

  test('an unknown id or format is a request error with a suggestion', () => {
    const out = join(tempDir('unknown'), 'lms');
    expect(() => exportPackages({ content: FIXTURE, out, format: 'scorm12', modules: ['counter-refund'] })).toThrow(
      new ExportRequestError('No module with id `counter-refund`. Did you mean `counter-refunds`?'),
    );
    expect(() => exportPackages({ content: FIXTURE, out, format: 'scorm12', paths: ['returns'] })).toThrow(
      'No learning path with id `returns`.',
    );
    expect(() => parseFormat('scorm2k4')).toThrow(
      'Unexpected format `scorm2k4`, expected `scorm12`, `scorm2004` or `cmi5`. Did you mean `scorm2004`?',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('the package page', () => {
  const out = join(tempDir('page'), 'lms');
  exportPackages({ content: FIXTURE, out, format: 'scorm12', paths: ['returns-desk'] });
  const files = unzipText(readFileSync(join(out, 'returns-desk.scorm12.zip')));
  const page = files.get('index.html')!;

  test('is self-contained: every script, style and link target is in the package or on the page', () => {
    const refs = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      if (ref.startsWith('#')) expect(page, ref).toContain(`id="${ref.slice(1)}"`);
      else if (/^https?:/.test(ref))
        expect(page).toMatch(new RegExp(`href="${ref}" target="_blank" rel="noopener noreferrer"`));
      else expect(files.has(ref), ref).toBe(true);
    }
  });

  test("a module's images are copied into the package, shown from there, and listed in the manifest", () => {
    const image = 'images/queue-at-the-till.svg';
    expect(files.get(image)).toBe(readFileSync(join(FIXTURE, image), 'utf8'));
    expect(page).toContain(`<img src="${image}" alt="Three people waiting in the queue at a till">`);
    expect(files.get('imsmanifest.xml')).toContain(`<file href="${image}"/>`);
  });

  test('glossary terms link to the glossary on the page', () => {
    expect(page).toContain('href="#glossary-warm-opening"');
    expect(page).toContain('<dt id="glossary-warm-opening">Warm opening</dt>');
  });

  test('a path page puts each module under its own heading, in order, with segments one level down', () => {
    const headings = [...page.matchAll(/<h([1-6])[^>]*>([^<]*)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.slice(0, 5)).toEqual([
      '1 Returns desk basics',
      '2 Modules in this path',
      '2 1. Refunds &amp; &quot;no receipt&quot; at the counter',
      '3 Start with what you can do',
      '3 Practise the conversation',
    ]);
    expect(page.indexOf('module-counter-refunds-title')).toBeLessThan(page.indexOf('module-closing-the-till-title'));
  });
});
