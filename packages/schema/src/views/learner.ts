import type { Module } from '../model.ts';
import { viewFor, type ModuleView } from './project.ts';
import { withSelfStudy } from './self-study.ts';

/**
 * The learner's view, for the course site: everything but facilitator material; answers are in
 * it (a learner checks their own answer, then sees why), and so are role briefs (each shown
 * behind its own disclosure by the page). A learner studies alone, so every role-play and
 * discussion carries how to do it on your own: the author's `:::self-study`, or a plain line
 * made from the activity (self-study.ts).
 */
export function learnerView(module: Module): ModuleView {
  const view = viewFor(module, 'learner');
  const hasTakeaways = module.body.takeaways.length > 0;
  return {
    ...view,
    intro: withSelfStudy(view.intro, hasTakeaways),
    segments: view.segments.map((s) => ({ ...s, elements: withSelfStudy(s.elements, hasTakeaways) })),
  };
}
