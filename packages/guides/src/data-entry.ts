// The print data alone, without the Typst compiler: what the course site imports to render
// the print pages, so its bundle never reaches the compiler's native binary.
export {
  guideData,
  handoutData,
  roleCardsData,
  clock,
  type GuideData,
  type HandoutData,
  type RoleCardsData,
  type Paper,
  type QuestionData,
  type AgendaRow,
} from './data.ts';
export { blocks, inlines, type Block, type Inline, type TableColumn } from './blocks.ts';
export { planData, leadMinutes, clockDays, type ClockDay, type PlanDocumentData } from './plan-data.ts';
