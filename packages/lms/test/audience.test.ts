import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  facilitatorView,
  participantView,
  renderView,
  validateContent,
  viewElements,
  type Module,
  type ViewElement,
} from '@frontline/schema';
import { exportPackages, FORMATS } from '../src/index.ts';
import { COURSE, FIXTURE, tempDir } from './helpers.ts';

// No facilitator text, answer reason or role brief in any file of any package: every package of
// the fixture course and the real course, in every format, unzipped, every file read as text.

/** Letters and digits only, lower case: text compared whatever its markup or line breaks. */
const squash = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The text of an mdast or hast tree. */
const textOf = (node: unknown): string => {
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return Array.isArray(n.children) ? n.children.map(textOf).join(' ') : '';
};
const elementText = (e: ViewElement): string =>
  e.kind === 'prose' ? textOf(e.node) : 'children' in e ? e.children.map(elementText).join(' ') : '';

/** Distinctive runs of what only facilitators (notes, expected answers, debriefs), role holders and answers hold. */
function secretsOf(module: Module): string[] {
  const texts: string[] = [];
  for (const e of viewElements(facilitatorView(module))) {
    if (e.kind === 'check') for (const q of e.questions) texts.push(textOf({ children: q.reason ?? [] }));
    else if (e.kind === 'role' || (e.kind !== 'prose' && !e.readers.includes('learner'))) texts.push(elementText(e));
  }
  return texts
    .flatMap((t) => t.split(/(?<=[.!?:;])\s+/))
    .map(squash)
    .filter((s) => s.length >= 30)
    .map((s) => s.slice(0, 40));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A package file as the text a reader of it gets. */
function readable(path: string, bytes: Uint8Array): string {
  const raw = strFromU8(bytes);
  if (path.endsWith('.html')) return textOf(fromHtml(raw));
  return raw.replace(/&(#\d+|[a-z]+);/g, (m, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

describe.each([
  ['the fixture course', FIXTURE],
  ['the real course', COURSE],
])('packages of %s', (_name, content) => {
  const result = validateContent(content);
  // A note may quote what everyone reads (a question it asks the room, a line of another module): no secret.
  const open = squash(result.modules.flatMap((m) => [...viewElements(participantView(m))].map(elementText)).join(' '));
  const secrets = [...new Set(result.modules.flatMap(secretsOf))].filter((s) => !open.includes(s));

  test('the check can fail: the secrets are found in the facilitator view as a page shows it', () => {
    expect(secrets.length).toBeGreaterThan(content === COURSE ? 100 : 5);
    const facilitator = squash(
      result.modules.map((m) => textOf(fromHtml(renderView(facilitatorView(m)).html))).join(' '),
    );
    const found = secrets.filter((s) => facilitator.includes(s));
    expect(found.length).toBeGreaterThan(secrets.length * 0.9);
  });

  test.each(FORMATS)('%s: no file holds facilitator text, an answer reason or a role brief', (format) => {
    const out = join(tempDir(`audience-${format}`), 'lms');
    expect(exportPackages({ content, out, format }).ok).toBe(true);
    const zips = readdirSync(out);
    expect(zips.length).toBe(result.modules.length + result.corpus.paths.length);
    const types = new Set<string>();
    for (const zip of zips)
      for (const [path, bytes] of Object.entries(unzipSync(readFileSync(join(out, zip))))) {
        types.add(path.split('.').pop() ?? '');
        const text = squash(readable(path, bytes));
        for (const secret of secrets) expect(text, `${zip}:${path}`).not.toContain(secret);
      }
    // Every kind of file a package holds was read.
    for (const type of ['html', 'js', 'css', 'xml']) expect(types).toContain(type);
  });
});
