import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatJson, validateContent, validateRemembering, ValidationMemory } from '../src/index.ts';

const content = fileURLToPath(new URL('../../../content/', import.meta.url));
let dir: string;
let cacheDir: string;

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
const append = (file: string, text: string) => write(file, `${read(file)}\n${text}\n`);

/** A cached run and a run without the cache, over the same files: they must report the same. */
function both(only?: string[]) {
  const options = { cwd: dir, ...(only ? { only } : {}) };
  const cached = checkContent(dir, { ...options, cacheDir });
  const fresh = checkContent(dir, { ...options, cacheDir: false });
  expect(formatJson(cached.diagnostics, cached.files)).toBe(formatJson(fresh.diagnostics, fresh.files));
  return cached;
}

const modules = () => readdirSync(join(content, 'modules')).filter((f) => f.endsWith('.md')).length;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontline-check-cache-'));
  cacheDir = join(dir, '.cache');
  cpSync(content, join(dir, 'course'), { recursive: true });
  dir = join(dir, 'course');
});

describe('the validation cache', () => {
  it('checks every module once, then only what changed', () => {
    expect(both()).toMatchObject({ checked: modules(), reused: 0, diagnostics: [] });
    expect(both()).toMatchObject({ checked: 0, reused: modules() });
    append('modules/emotional-labour.md', 'A new closing line, plain and short.');
    expect(both()).toMatchObject({ checked: 1, reused: modules() - 1 });
  });

  it('checks a module again when a heading it links to is renamed in another module', () => {
    append('modules/protecting-yourself.md', 'See [the two ways](../emotional-labour/#two-ways-to-do-it).');
    expect(both().diagnostics).toEqual([]);
    write(
      'modules/emotional-labour.md',
      read('modules/emotional-labour.md').replace('### Two ways to do it', '### Two ways'),
    );
    const after = both();
    expect(after.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'modules/protecting-yourself.md links-resolve',
    ]);
  });

  it('reports a duplicate id in both modules, and clears it in both when it is fixed', () => {
    both();
    const file = 'modules/hiring-for-service.md';
    const original = read(file);
    write(file, original.replace(/^id: hiring-for-service$/m, 'id: emotional-labour'));
    expect(
      new Set(
        both()
          .diagnostics.filter((d) => d.ruleId === 'unique-ids')
          .map((d) => d.file),
      ),
    ).toEqual(new Set(['modules/emotional-labour.md', file]));
    // The cause in the first module points at the other's `id` line: moving that line moves it.
    const other = 'modules/emotional-labour.md';
    write(other, read(other).replace(/^id: /m, '# The id never changes once published.\nid: '));
    expect(both().diagnostics.filter((d) => d.ruleId === 'unique-ids')).toHaveLength(2);
    write(file, original);
    expect(both().diagnostics).toEqual([]);
  });

  it('asks the file system again: an image removed or restored is seen though no module changed', () => {
    mkdirSync(join(dir, 'images'));
    write('images/queue.png', 'not really a picture');
    append(
      'modules/metrics-that-help-and-harm.md',
      '![A queue of callers at nine in the morning](../images/queue.png)',
    );
    expect(both().diagnostics).toEqual([]);
    rmSync(join(dir, 'images/queue.png'));
    expect(both().diagnostics.map((d) => d.ruleId)).toEqual(['image-exists']);
    write('images/queue.png', 'back again');
    expect(both().diagnostics).toEqual([]);
  });

  it('checks again when a glossary term or the configuration changes', () => {
    both();
    rmSync(join(dir, 'glossary/emotional-labour.yaml'));
    const missing = both().diagnostics;
    expect(missing.some((d) => d.ruleId === 'glossary-term-defined')).toBe(true);
    write('frontline.config.json', JSON.stringify({ rules: { 'glossary-term-defined': 'off' } }));
    expect(both().diagnostics.some((d) => d.ruleId === 'glossary-term-defined')).toBe(false);
  });

  it('checks named files the same way, and keeps what it knows of the others', () => {
    both();
    append('modules/leading-by-example.md', 'See [nowhere](../no-such-module/).');
    const named = both(['modules/leading-by-example.md']);
    expect(named).toMatchObject({ checked: 1, files: 1 });
    expect(named.diagnostics.map((d) => d.ruleId)).toEqual(['links-resolve']);
    expect(both()).toMatchObject({ checked: 0, reused: modules() });
  });

  it('in memory, as the dev server reads the course again on each save, reports as a fresh read does', () => {
    const memory = new ValidationMemory();
    let last = validateRemembering(dir, memory, { cwd: dir });
    const again = () => {
      last = validateRemembering(dir, memory, { cwd: dir, reuse: last.corpus.modules });
      expect(formatJson(last.diagnostics, last.files)).toBe(
        formatJson(validateContent(dir, { cwd: dir }).diagnostics, last.files),
      );
      return last;
    };
    append('modules/protecting-yourself.md', 'See [the two ways](../emotional-labour/#two-ways-to-do-it).');
    expect(again().diagnostics).toEqual([]);
    write(
      'modules/emotional-labour.md',
      read('modules/emotional-labour.md').replace('### Two ways to do it', '### Two'),
    );
    expect(again().diagnostics.map((d) => d.ruleId)).toEqual(['links-resolve']);
    // Every module is still parsed and returned whole for the pages.
    expect(again().modules).toHaveLength(modules());
  });

  it('treats a damaged cache file as no cache', () => {
    both();
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.ndjson'));
    const lines = readFileSync(join(cacheDir, file!), 'utf8').split('\n');
    writeFileSync(join(cacheDir, file!), [lines[0], lines[1]!.slice(0, 40), ...lines.slice(2)].join('\n'));
    append('modules/why-training-alone-fails.md', 'TODO finish this part.');
    expect(both()).toMatchObject({ checked: 2 });
    writeFileSync(join(cacheDir, file!), 'not json at all');
    expect(both()).toMatchObject({ checked: modules() });
  });
});
