// Worksheets and reflections typed on screen: each ruled writing space, and each blank cell of a
// worksheet table, becomes a labelled text area whose text is kept in this browser (answers.ts).
// Without JavaScript the page keeps its ruled spaces and blank cells, and prints as before.
import { clearNotes, loadNotes, saveNote } from './answers.ts';
import { summarySection } from './summary.ts';

const page = document.querySelector<HTMLElement>('[data-module-page]');
const module = page?.dataset.modulePage;
const fields: HTMLTextAreaElement[] = [];

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function field(id: string, label: string, rows: number): HTMLElement[] {
  const title = document.createElement('label');
  title.htmlFor = id;
  title.className = 'visually-hidden';
  title.textContent = label;
  const area = document.createElement('textarea');
  area.id = id;
  area.className = 'writing';
  area.rows = rows;
  fields.push(area);
  return [title, area];
}

if (page && module) {
  const blocks = page.querySelectorAll<HTMLElement>('.module-body .block');
  let n = 0;
  for (const block of blocks) {
    const heading = clean(block.querySelector('h3')?.textContent);
    for (const space of block.querySelectorAll<HTMLElement>(':scope > .writing-space')) {
      n += 1;
      space.replaceWith(...field(`${module}-w${n}`, `Your writing for “${heading}”`, Number(space.dataset.lines) || 3));
    }
    if (!block.matches('.handout, .reflection')) continue;
    for (const table of block.querySelectorAll('table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => clean(th.textContent));
      for (const row of table.querySelectorAll('tbody tr')) {
        const cells = [...row.children];
        const rowName = clean(cells[0]?.textContent);
        cells.forEach((cell, i) => {
          if (cell.tagName !== 'TD' || clean(cell.textContent) !== '' || cell.children.length > 0) return;
          n += 1;
          cell.classList.add('typed');
          cell.append(...field(`${module}-w${n}`, `${heads[i] ?? 'Your words'}: ${rowName}`, 2));
        });
      }
    }
  }
}

/** How many spaces the learner has written in, and "Clear my writing", after the score if any. */
function writingSummary(): HTMLElement {
  const section = summarySection({
    label: 'Your writing',
    section: 'writingSummary',
    line: 'writingCount',
    clearId: 'writing-clear',
    clearText: 'Clear my writing',
  });
  (document.querySelector('[data-check-summary]') ?? document.querySelector('.module-body'))?.after(section);
  return section;
}
const summary = module && fields.length > 0 ? writingSummary() : undefined;

function count() {
  if (!summary) return;
  const written = fields.filter((f) => f.value.trim() !== '').length;
  const line = summary.querySelector<HTMLElement>('[data-writing-count]');
  if (line)
    line.textContent = `You have written in ${written} of ${fields.length} ${fields.length === 1 ? 'space' : 'spaces'}.`;
  const clear = summary.querySelector<HTMLButtonElement>('#writing-clear');
  if (clear) clear.hidden = written === 0;
}

if (module && summary && fields.length > 0) {
  const saved = loadNotes(module);
  for (const f of fields) {
    f.value = saved[f.id] ?? '';
    f.addEventListener('input', () => {
      saveNote(module, f.id, f.value);
      count();
    });
  }
  summary.querySelector('#writing-clear')?.addEventListener('click', () => {
    if (!confirm('Clear everything you wrote on this page?')) return;
    clearNotes(module);
    for (const f of fields) f.value = '';
    count();
  });
  count();
}
