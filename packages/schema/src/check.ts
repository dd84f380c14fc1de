/**
 * What `frontline validate` needs, and nothing else: a lighter entry than the package's index
 * (no views, no renderers), so that a check starts sooner.
 */
export { checkContent, defaultCacheDir, type CheckOptions, type CheckResult } from './check-cache.ts';
export { formatGithub, formatJson, formatPretty, formatSummaryMarkdown, type SourceLookup } from './report.ts';
export { loadCorpus, validateContent } from './validate.ts';
export type { Diagnostic } from './diagnostic.ts';
