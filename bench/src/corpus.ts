import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a corpus of `count` modules by replicating the course's modules with unique ids
 * (`<id>-r<n>`). Prerequisites and links point at the copies of the same round, so every
 * cross-reference stays valid; paths group the copies twelve at a time; the glossary is
 * copied as it is.
 */
export function makeCorpus(source: string, target: string, count: number): string {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'modules'), { recursive: true });
  mkdirSync(join(target, 'paths'), { recursive: true });
  mkdirSync(join(target, 'glossary'), { recursive: true });
  if (existsSync(join(source, 'glossary')))
    cpSync(join(source, 'glossary'), join(target, 'glossary'), { recursive: true });
  const originals = readdirSync(join(source, 'modules'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ id: f.slice(0, -3), text: readFileSync(join(source, 'modules', f), 'utf8') }));
  if (originals.length === 0) throw new Error(`No modules in ${source}/modules to replicate.`);
  // Prerequisites first, so that the partial last round never needs a module it left out.
  const prerequisitesOf = (text: string) =>
    (/^prerequisites: \[(.*)\]$/m.exec(text)?.[1] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  const ordered: typeof originals = [];
  const visit = (o: (typeof originals)[number], seen = new Set<string>()) => {
    if (ordered.includes(o) || seen.has(o.id)) return;
    seen.add(o.id);
    for (const pre of prerequisitesOf(o.text)) {
      const found = originals.find((x) => x.id === pre);
      if (found) visit(found, seen);
    }
    ordered.push(o);
  };
  for (const o of originals) visit(o);
  originals.splice(0, originals.length, ...ordered);
  const ids = originals.map((o) => o.id);
  const rounds = Math.ceil(count / originals.length);
  let written = 0;
  for (let round = 0; round < rounds && written < count; round++) {
    const rename = (id: string) => (ids.includes(id) ? `${id}-r${round}` : id);
    for (const { id, text } of originals) {
      if (written >= count) break;
      const copy = text
        .replace(/^id: .*$/m, `id: ${rename(id)}`)
        .replace(
          /^prerequisites: \[(.*)\]$/m,
          (_all, list: string) =>
            `prerequisites: [${list
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean)
              .map(rename)
              .join(', ')}]`,
        )
        .replace(
          /\]\(\.\.\/([a-z0-9-]+)\/(#[^)]*)?\)/g,
          (_all, target: string, anchor: string | undefined) => `](../${rename(target)}/${anchor ?? ''})`,
        );
      writeFileSync(join(target, 'modules', `${rename(id)}.md`), copy);
      written += 1;
    }
  }
  // Paths of twelve modules each (about the course's size), over every copy, in order.
  const all = readdirSync(join(target, 'modules'))
    .map((f) => f.slice(0, -3))
    .sort();
  for (let p = 0; p * 12 < all.length; p++)
    writeFileSync(
      join(target, 'paths', `path-${p}.yaml`),
      `id: path-${p}\ntitle: Path ${p}\nsummary: Twelve modules of the replicated course, group ${p}.\naudience: frontline\norder: ${p + 1}\nmodules: [${all.slice(p * 12, p * 12 + 12).join(', ')}]\n`,
    );
  return target;
}

/**
 * Writes a hostile corpus of `count` modules (issue 25): every module is a copy of the course's
 * first module whose prerequisite is the module before it, so the prerequisites form one chain
 * nine tenths of `count` long that the first module closes into a loop; every tenth module takes
 * the same id (`h-duplicate`), so hundreds of modules share one id (the chain steps over them).
 * The result is full of errors on purpose: the bench measures that reporting them stays fast
 * and bounded, not that the corpus is valid.
 */
export function makeHostileCorpus(source: string, target: string, count: number): string {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'modules'), { recursive: true });
  mkdirSync(join(target, 'glossary'), { recursive: true });
  if (existsSync(join(source, 'glossary')))
    cpSync(join(source, 'glossary'), join(target, 'glossary'), { recursive: true });
  const first = readdirSync(join(source, 'modules'))
    .filter((f) => f.endsWith('.md'))
    .sort()[0];
  if (!first) throw new Error(`No modules in ${source}/modules to copy.`);
  const text = readFileSync(join(source, 'modules', first), 'utf8');
  const name = (i: number) => `h-${String(i).padStart(6, '0')}`;
  const duplicate = (i: number) => i % 10 === 9;
  // The module before `i` that keeps its own id (the duplicates are stepped over), wrapping round.
  const before = (i: number) => {
    let j = i;
    do j = (j - 1 + count) % count;
    while (duplicate(j) && j !== i);
    return j;
  };
  for (let i = 0; i < count; i++) {
    const id = duplicate(i) ? 'h-duplicate' : name(i);
    const prerequisite = name(before(i));
    const copy = text
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^prerequisites: \[.*\]$/m, `prerequisites: [${prerequisite}]`);
    writeFileSync(join(target, 'modules', `${name(i)}.md`), copy);
  }
  return target;
}
