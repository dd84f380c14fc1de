import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCorpus, checkConfig, validateCorpus, type Diagnostic, type SourceText } from '../src/index.ts';

// Every fenced example in FORMAT.md and in the author guide (outside its rules reference,
// whose "Not OK" examples are wrong on purpose and tested as fixtures) is validated against
// the real course, so the docs cannot show content that fails when copied.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const content = join(root, 'content');
const format = readFileSync(new URL('../FORMAT.md', import.meta.url), 'utf8');
const whole = readFileSync(join(content, 'README.md'), 'utf8');
const guide = whole.slice(0, whole.indexOf('\n## Rules\n')) + whole.slice(whole.indexOf('\n## Plan rules\n'));

interface Example {
  source: string;
  lang: string;
  text: string;
  line: number;
}

function examples(source: string, text: string): Example[] {
  const out: Example[] = [];
  const fence = /^(`{3,})(\w*)\n([\s\S]*?)^\1$/gm;
  for (const m of text.matchAll(fence))
    out.push({ source, lang: m[2]!, text: m[3]!, line: text.slice(0, m.index).split('\n').length });
  return out;
}

const read = (dir: string, ext: string): SourceText[] =>
  readdirSync(join(content, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => ({
      file: `${dir}/${f}`,
      name: f.slice(0, -ext.length),
      text: readFileSync(join(content, dir, f), 'utf8'),
    }));

const course = { modules: read('modules', '.md'), glossary: read('glossary', '.yaml'), paths: read('paths', '.yaml') };
const frontmatter = examples('FORMAT.md', format).find((e) => e.lang === 'yaml' && e.text.startsWith('---'))!.text;
const HOST = 'acknowledge-before-you-fix';

/** Validates a course in which `extra` replaces or adds files; returns the diagnostics of `file`. */
function validateWith(
  file: string,
  extra: { modules?: SourceText[]; glossary?: SourceText[]; paths?: SourceText[]; plans?: SourceText[] },
): Diagnostic[] {
  const replace = (list: SourceText[], add: SourceText[] = []) => [
    ...list.filter((s) => !add.some((a) => a.name === s.name)),
    ...add,
  ];
  const corpus = buildCorpus({
    root: content,
    modules: replace(course.modules, extra.modules),
    glossary: replace(course.glossary, extra.glossary),
    paths: replace(course.paths, extra.paths),
    plans: extra.plans ?? [],
  });
  return validateCorpus(corpus, { only: [file] }).diagnostics;
}

const place = (d: Diagnostic) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`;

/** Checks one example by its kind; returns the problems found in it. */
function problemsOf(example: Example): string[] {
  const { lang, text } = example;
  if (lang === 'yaml' && text.startsWith('---')) {
    const file = `modules/${HOST}.md`;
    return validateWith(file, { modules: [{ file, name: HOST, text: `${text}\nBody.\n` }] })
      .filter((d) => d.ruleId === 'yaml-syntax' || d.ruleId === 'frontmatter-schema')
      .map(place);
  }
  if (lang === 'markdown') {
    // A body fragment, placed in a module with the FORMAT.md frontmatter: no problem may point inside it.
    const host = `${frontmatter}\n`;
    const first = host.split('\n').length;
    const file = `modules/${HOST}.md`;
    // required-sections and segments-sum-to-duration judge the whole module, not the fragment.
    return validateWith(file, { modules: [{ file, name: HOST, text: `${host}${text}` }] })
      .filter((d) => d.line >= first && d.severity === 'error')
      .filter((d) => d.ruleId !== 'required-sections' && d.ruleId !== 'segments-sum-to-duration')
      .map(place);
  }
  if (lang === 'yaml') {
    const kind = /^days:/m.test(text) ? 'plans' : /^term:/m.test(text) ? 'glossary' : 'paths';
    const name = kind === 'glossary' ? 'emotional-labour' : (/^id: (.+)$/m.exec(text)?.[1] ?? 'example');
    const file = `${kind}/${name}.yaml`;
    return validateWith(file, { [kind]: [{ file, name, text }] }).map(place);
  }
  if (lang === 'json') return checkConfig('frontline.config.json', text).diagnostics.map(place);
  return [];
}

const all = [...examples('FORMAT.md', format), ...examples('content/README.md', guide)];
const checked = all.filter((e) => ['yaml', 'markdown', 'json'].includes(e.lang));

describe('every example in FORMAT.md and the author guide validates', () => {
  it('finds the examples', () => {
    expect(checked.length).toBeGreaterThanOrEqual(14);
    expect(new Set(all.map((e) => e.lang))).toEqual(new Set(['yaml', 'markdown', 'json', 'sh']));
  });
  it.each(checked.map((e) => [`${e.source}:${e.line} (${e.lang})`, e] as const))('%s', (_name, example) => {
    expect(problemsOf(example)).toEqual([]);
  });
});
