import type { Module } from '../model.ts';
import { viewFor, type ModuleView } from './project.ts';

/**
 * The learner's view, for the course site and LMS packages: everything but facilitator
 * material; answers are in it (a learner checks their own answer, then sees why), and so are
 * role briefs (each shown behind its own disclosure by the page).
 */
export function learnerView(module: Module): ModuleView {
  return viewFor(module, 'learner');
}
