import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';

/** The unrelated test course: two modules about a returns desk, one path, one glossary term. */
export const FIXTURE = fileURLToPath(new URL('./fixtures/course/', import.meta.url));
/** The real course. */
export const COURSE = fileURLToPath(new URL('../../../content/', import.meta.url));

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `frontline-lms-${prefix}-`));

/** A zip's files as text, by path. */
export function unzipText(zip: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/**
 * Validates a SCORM manifest against the schema files the package itself carries. libxml2
 * does not follow `xsi:schemaLocation` hints, so a small schema imports each namespace the
 * manifest uses from the file the hint names; every file comes from the zip.
 */
export async function validateManifest(files: Map<string, string>) {
  const manifest = files.get('imsmanifest.xml') ?? '';
  const hints = /xsi:schemaLocation="([^"]+)"/.exec(manifest)?.[1]?.trim().split(/\s+/) ?? [];
  const imports: string[] = [];
  for (let i = 0; i + 1 < hints.length; i += 2)
    imports.push(`<xs:import namespace="${hints[i]}" schemaLocation="${hints[i + 1]}"/>`);
  const driver = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports.join('')}</xs:schema>`;
  const preload = [...files]
    .filter(([path]) => /\.(xsd|dtd)$/.test(path))
    .map(([fileName, contents]) => ({ fileName, contents }));
  return validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'driver.xsd', contents: driver }],
    preload,
  });
}

/** The cmi5 course structure schema written for these tests from the specification (schemas/). */
const CMI5_XSD = readFileSync(new URL('../schemas/cmi5-course-structure.xsd', import.meta.url), 'utf8');

/** Validates a cmi5 package's `cmi5.xml` against that schema. */
export function validateCmi5(files: Map<string, string>) {
  return validateXML({
    xml: [{ fileName: 'cmi5.xml', contents: files.get('cmi5.xml') ?? '' }],
    schema: [{ fileName: 'cmi5-course-structure.xsd', contents: CMI5_XSD }],
  });
}
