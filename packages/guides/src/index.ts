export { buildGuides, type BuildOptions, type BuildResult } from './build.ts';
export { documentName, type Job } from './job.ts';
export { writeAtomic } from './write.ts';
export { compilePdf, FONT_DIR, TEMPLATES, typstEngine, type Engine, type Template } from './compile.ts';
export * from './data-entry.ts';
