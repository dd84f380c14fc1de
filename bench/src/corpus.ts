import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a corpus of `count` modules by replicating the course's modules with unique ids
 * (`<id>-r<n>`). Prerequisites and paths point at the copies of the same round, so every
 * cross-reference stays valid; the glossary is copied as it is.
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
    // One path per round, over the copies that exist.
    const members = ids
      .map(rename)
      .filter((m) => m.endsWith(`-r${round}`))
      .slice(0, Math.min(ids.length, count - round * ids.length));
    if (members.length)
      writeFileSync(
        join(target, 'paths', `round-${round}.yaml`),
        `id: round-${round}\ntitle: Round ${round}\nsummary: Every module of the course, copy number ${round}.\naudience: frontline\norder: ${round + 1}\nmodules: [${members.join(', ')}]\n`,
      );
  }
  return target;
}
