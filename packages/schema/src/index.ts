export * from './diagnostic.ts';
export * from './model.ts';
export * from './parse.ts';
export * from './report.ts';
export * from './validate.ts';
export * from './config.ts';
export * from './schemas/module.ts';
export * from './schemas/path.ts';
export * from './schemas/glossary.ts';
export {
  renderModule,
  stripFacilitatorOnly,
  type RenderedModule,
  type RenderOptions,
  type SegmentSummary,
} from './views/html.ts';
export type { Audience as ViewAudience } from './views/html.ts';
export * from './json-schema.ts';
export { rules } from './rules/index.ts';
export { termKey } from './rules/glossary-term-defined.ts';
export * from './schemas/plan.ts';
export * from './schedule.ts';
export { checkPlans, PLAN_RULES, type CheckedPlan } from './plans.ts';
export type { Rule, RuleContext, Corpus, ModuleFile } from './rule.ts';
export { SCAFFOLD_PROMPTS } from './scaffold-prompts.ts';
export { findScaffoldPrompts } from './rules/no-scaffold-prompt.ts';
