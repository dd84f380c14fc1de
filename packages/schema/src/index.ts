export * from './diagnostic.ts';
export * from './model.ts';
export * from './parse.ts';
export * from './report.ts';
export { escapeAuthorText, escapeDiagnostic } from './escape.ts';
export { characterColumn } from './code-frame.ts';
export * from './validate.ts';
export * from './config.ts';
export * from './schemas/module.ts';
export * from './schemas/path.ts';
export * from './schemas/glossary.ts';
export { readBody, withoutReasonLabel, writingLines } from './read-body.ts';
export * from './views/index.ts';
export { AUDIENCE_LABEL, LEVEL_LABEL, METHOD_LABEL } from './views/labels.ts';
export { renderView, type RenderedModule, type RenderOptions, type SegmentSummary } from './serialise/html.ts';
export * from './json-schema.ts';
export { rules } from './rules/index.ts';
export {
  catalogue,
  catalogueEntry,
  AUDIENCE_GUARDS,
  SECURITY_GUARDS,
  type CatalogueEntry,
  type CheckKind,
} from './catalogue.ts';
export { NESTING_LIMIT } from './rules/nesting-depth.ts';
export { PRINTABLE_SCRIPTS } from './rules/no-unsupported-script.ts';
export { termKey } from './rules/glossary-term-defined.ts';
export * from './schemas/plan.ts';
export * from './schedule.ts';
export { checkPlans, PLAN_RULES, type CheckedPlan } from './plans.ts';
export type { Rule, RuleContext, Corpus, ModuleFile } from './rule.ts';
export { SCAFFOLD_PROMPTS } from './scaffold-prompts.ts';
export { findScaffoldPrompts } from './rules/no-scaffold-prompt.ts';
export { renderSlides } from './serialise/slides.ts';
export { PAGE_IDS } from './page-ids.ts';
export {
  checkContent,
  defaultCacheDir,
  validateRemembering,
  ValidationMemory,
  type CheckOptions,
  type CheckResult,
} from './check-cache.ts';
export { factsOf, idOf, type ModuleFacts, type PlanFacts } from './facts.ts';
