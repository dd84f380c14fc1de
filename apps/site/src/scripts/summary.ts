/**
 * A summary line under a module's body with its "Clear" button ("Your answers", "Your writing"):
 * made by the script that fills it, since without JavaScript there is nothing to count or clear.
 */
export function summarySection(options: {
  label: string;
  /** The section's data attribute (`checkSummary` becomes `data-check-summary`). */
  section: string;
  /** The live line's data attribute. */
  line: string;
  clearId: string;
  clearText: string;
}): HTMLElement {
  const section = document.createElement('section');
  section.className = 'check-summary no-print';
  section.setAttribute('aria-label', options.label);
  section.dataset[options.section] = '';
  const line = document.createElement('p');
  line.dataset[options.line] = '';
  line.setAttribute('aria-live', 'polite');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.id = options.clearId;
  clear.hidden = true;
  clear.textContent = options.clearText;
  section.append(line, clear);
  return section;
}
