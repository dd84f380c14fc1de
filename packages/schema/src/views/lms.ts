import type { Module } from '../model.ts';
import { learnerView } from './learner.ts';
import { viewElements, viewFor, type ModuleView } from './project.ts';
import { withPackageSelfStudy } from './self-study.ts';

/**
 * The view of a module for an LMS package (SCORM, cmi5): what the participant sees in print
 * (no facilitator material, no role briefs, no answers or reasons as text), plus the answer key
 * as data for the package to mark a learner's choice with: each question's correct options,
 * by position. A package writes only a digest of each key, never the key itself. A learner in an
 * LMS studies alone: each discussion says how to do it on your own, as on the course site, and each
 * role-play that its cards are given out in the workshop (self-study.ts).
 */
export interface LmsView extends ModuleView {
  /** Question id (`<module>-q<n>`) to the 1-based positions of its correct options. */
  answers: ReadonlyMap<string, readonly number[]>;
}

export function lmsView(module: Module): LmsView {
  const printed = viewFor(module, 'participant');
  const learner = learnerView(module);
  const view: ModuleView = {
    ...printed,
    // Times and group work are the workshop's, as on the course site.
    alone: true,
    intro: withPackageSelfStudy(printed.intro, learner.intro),
    segments: printed.segments.map((s, i) => ({
      ...s,
      elements: withPackageSelfStudy(s.elements, learner.segments[i]?.elements ?? []),
    })),
  };
  const answers = new Map<string, number[]>();
  // The key comes from the one reader allowed to see answers in a page of their own (the learner).
  for (const element of viewElements(viewFor(module, 'learner')))
    if (element.kind === 'check')
      for (const q of element.questions)
        answers.set(
          q.id,
          q.options.flatMap((o, i) => (o.correct ? [i + 1] : [])),
        );
  const asked = new Set<string>();
  for (const element of viewElements(view))
    if (element.kind === 'check') for (const q of element.questions) asked.add(q.id);
  for (const id of answers.keys()) if (!asked.has(id)) answers.delete(id);
  return { ...view, answers };
}
