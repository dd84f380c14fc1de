export { buildGuides, documentName, writeAtomic, type BuildOptions, type BuildResult } from './build.ts';
export { compilePdf, FONT_DIR, TEMPLATES, type Template } from './compile.ts';
export {
  guideData,
  handoutData,
  clock,
  type GuideData,
  type HandoutData,
  type Paper,
  type QuestionData,
  type AgendaRow,
} from './data.ts';
export { blocks, inlines, type Block, type Inline } from './blocks.ts';
export { planData, leadMinutes, clockDays, type ClockDay, type PlanDocumentData } from './plan-data.ts';
