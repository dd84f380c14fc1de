export * from './project.ts';
export { learnerView } from './learner.ts';
export { participantView } from './participant.ts';
export { lmsView, type LmsView } from './lms.ts';
export { facilitatorView } from './facilitator.ts';
export { roleCardsView, type RoleCardsView, type RolePlayCards } from './role-cards.ts';
export {
  presenterView,
  planPresenterView,
  planned,
  type PresenterView,
  type PresenterItem,
  type Slide,
  type SlideNotes,
  type SlideQuestion,
  type TimedStep,
} from './presenter.ts';
