export { buildGuides, documentName, writeAtomic, type BuildOptions, type BuildResult } from './build.ts';
export { compilePdf, FONT_DIR, TEMPLATES, typstEngine, type Engine, type Template } from './compile.ts';
export * from './data-entry.ts';
