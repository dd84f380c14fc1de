import type { Module } from '../model.ts';
import { viewFor, type ModuleView, type ViewElement } from './project.ts';

const isNote = (element: ViewElement, label: string) =>
  element.kind === 'facilitator' && element.label.toLowerCase() === label;

/**
 * A segment's elements in the order a facilitator reads them: its purpose first, its transition
 * last (FORMAT.md, "Segments for the facilitator"), wherever the author put them.
 */
function purposeFirst(elements: ViewElement[]): ViewElement[] {
  const purpose = elements.filter((e) => isNote(e, 'purpose'));
  const transition = elements.filter((e) => isNote(e, 'transition'));
  const rest = elements.filter((e) => !isNote(e, 'purpose') && !isNote(e, 'transition'));
  return [...purpose, ...rest, ...transition];
}

/** The facilitator's view, for guides, manuals and the trainers' pages: everything. */
export function facilitatorView(module: Module): ModuleView {
  return viewFor(module, 'facilitator', purposeFirst);
}
