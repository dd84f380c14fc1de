import { validateContent } from '@frontline/schema';
import { describe, expect, test } from 'vitest';
import { buildPackage, moduleSource, pathSource, type Format } from '../src/index.ts';
import { COURSE, FIXTURE, unzipText, validateCmi5, validateManifest } from './helpers.ts';

const fixture = validateContent(FIXTURE);
const course = validateContent(COURSE);

function zipOf(result: ReturnType<typeof validateContent>, format: Format, id: string) {
  const module = result.modules.find((m) => m.id === id);
  if (module) return unzipText(buildPackage(moduleSource(module), format, result.corpus));
  const path = result.corpus.paths.find((p) => p.id === id);
  if (!path) throw new Error(`no ${id}`);
  const modules = path.modules.map((m) => result.modules.find((x) => x.id === m)!);
  return unzipText(buildPackage(pathSource(path, modules), format, result.corpus));
}

describe.each(['scorm12', 'scorm2004'] as const)('%s manifest', (format) => {
  test.each([
    ['fixture module', fixture, 'counter-refunds'],
    ['fixture path', fixture, 'returns-desk'],
    ['course module', course, 'unwinnable-contacts'],
    ['course path', course, 'frontline-staff'],
  ])('%s is valid against the schemas the package carries', async (_name, result, id) => {
    const files = zipOf(result, format, id);
    expect(files.has('imsmanifest.xml')).toBe(true);
    const outcome = await validateManifest(files);
    expect(outcome.errors).toEqual([]);
    expect(outcome.valid).toBe(true);
  });

  test('lists every file of the package in its resource, and names the launch page', () => {
    const files = zipOf(fixture, format, 'counter-refunds');
    const manifest = files.get('imsmanifest.xml')!;
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
    const content = [...files.keys()].filter((f) => !/\.(xsd|dtd)$/.test(f) && f !== 'imsmanifest.xml').sort();
    expect(listed.sort()).toEqual(content);
    expect(manifest).toMatch(/href="index\.html">/);
  });

  test('its organisation launches its one resource, whose launch page and every listed file are in the zip', () => {
    const files = zipOf(course, format, 'frontline-staff');
    const manifest = files.get('imsmanifest.xml')!;
    const item = /<item identifier="[^"]+" identifierref="([^"]+)"/.exec(manifest);
    const resources = [...manifest.matchAll(/<resource identifier="([^"]+)"[^>]* href="([^"]+)"/g)];
    expect(resources.map((r) => r[1])).toEqual([item?.[1]]);
    expect(files.has(resources[0]![2]!)).toBe(true);
    const organizations = /<organizations default="([^"]+)">\s*<organization identifier="([^"]+)"/.exec(manifest);
    expect(organizations?.[1]).toBe(organizations?.[2]);
    for (const [, href] of manifest.matchAll(/<file href="([^"]+)"\/>/g)) expect(files.has(href!), href).toBe(true);
  });

  test('a broken manifest fails the schema check (the check can fail)', async () => {
    const files = zipOf(fixture, format, 'counter-refunds');
    files.set('imsmanifest.xml', files.get('imsmanifest.xml')!.replace(/<organizations /, '<organisations '));
    expect((await validateManifest(files)).valid).toBe(false);
  });

  test('author text is escaped in the manifest', () => {
    const manifest = zipOf(fixture, format, 'counter-refunds').get('imsmanifest.xml')!;
    expect(manifest).toContain('<title>Refunds &amp; &quot;no receipt&quot; at the counter</title>');
  });
});

test('SCORM 1.2 manifest declares SCORM 1.2 and a mastery score of 100 by default', () => {
  const manifest = zipOf(fixture, 'scorm12', 'counter-refunds').get('imsmanifest.xml')!;
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco"');
  expect(manifest).toContain('<adlcp:masteryscore>100</adlcp:masteryscore>');
});

test('SCORM 2004 manifest declares the 4th edition and its pass mark as a primary objective', () => {
  const manifest = zipOf(fixture, 'scorm2004', 'counter-refunds').get('imsmanifest.xml')!;
  expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  expect(manifest).toMatch(/satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>1<\/imsss:minNormalizedMeasure>/);
});

test('cmi5 package has cmi5.xml with one AU launching index.html, and no imsmanifest.xml', () => {
  const files = zipOf(fixture, 'cmi5', 'returns-desk');
  expect(files.has('imsmanifest.xml')).toBe(false);
  const xml = files.get('cmi5.xml')!;
  expect(xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
  expect(xml).toContain('<au id="urn:frontline:au:returns-desk" moveOn="CompletedAndPassed" masteryScore="1"');
  expect(xml).toContain('<url>index.html</url>');
});

describe('cmi5 course structure', () => {
  test.each([
    ['fixture module', fixture, 'counter-refunds'],
    ['fixture path', fixture, 'returns-desk'],
    ['course module', course, 'unwinnable-contacts'],
    ['course path', course, 'frontline-staff'],
  ])(
    '%s is valid against the course structure schema written from the cmi5 specification',
    async (_name, result, id) => {
      const outcome = await validateCmi5(zipOf(result, 'cmi5', id));
      expect(outcome.errors).toEqual([]);
      expect(outcome.valid).toBe(true);
    },
  );

  test.each([
    ['an unknown moveOn', (xml: string) => xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"')],
    ['a mastery score over 1', (xml: string) => xml.replace(/masteryScore="[^"]+"/, 'masteryScore="80"')],
    ['an AU without a url', (xml: string) => xml.replace(/<url>[^<]*<\/url>/, '')],
    ['a course without a title', (xml: string) => xml.replace(/<title>.*?<\/title>/, '')],
    ['two AUs with one id', (xml: string) => xml.replace(/(<au [\s\S]*<\/au>)/, '$1\n$1')],
  ])('rejects %s (the check can fail)', async (_name, edit) => {
    const files = zipOf(fixture, 'cmi5', 'counter-refunds');
    files.set('cmi5.xml', edit(files.get('cmi5.xml')!));
    expect((await validateCmi5(files)).valid).toBe(false);
  });
});
