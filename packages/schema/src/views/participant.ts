import type { Module } from '../model.ts';
import { viewFor, type ModuleView } from './project.ts';

/**
 * The participant's view, for printed handouts and workbooks handed to everyone in a workshop:
 * no facilitator material, no answers and no role briefs (those are on the role cards).
 */
export function participantView(module: Module): ModuleView {
  return viewFor(module, 'participant');
}
