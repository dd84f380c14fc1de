export { exportPackages, parseFormat, packageName, ExportRequestError, FORMATS } from './export.ts';
export type { ExportOptions, ExportResult } from './export.ts';
export { buildPackage, packageFiles, moduleSource, pathSource, type PackageSource } from './package.ts';
export { packageContent, answerDigest, type PackageContent, type PackageQuestion } from './content.ts';
export { cmi5Iri } from './manifest.ts';
export type { Format, RuntimeConfig } from './page.ts';
export { zipFiles, type PackageFile } from './zip.ts';
