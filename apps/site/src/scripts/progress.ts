// Progress, kept in this browser only (see answers.ts): "Mark as done" on module pages, done
// badges and per-path lines on cards, and on the home page the course-wide figure, "continue
// where you left off", and export, import and reset of the learner's own record.
import {
  exportProgress,
  importProgress,
  loadAllAnswers,
  loadDone,
  loadLast,
  saveDone,
  saveLast,
  clearAnswers,
  clearNotes,
  loadAllNotes,
} from './answers.ts';

const page = document.querySelector<HTMLElement>('[data-module-page]');
if (page?.dataset.modulePage) {
  saveLast({ id: page.dataset.modulePage, title: document.querySelector('h1')?.textContent?.trim() ?? '' });
}

/** A done badge for a module of the side panel (known by its link): the page leaves it to this script. */
function sidebarBadge(item: HTMLElement): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'done-badge';
  badge.append(' ✓');
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ' done';
  badge.append(words);
  item.append(badge);
  return badge;
}
const sidebar = [...document.querySelectorAll<HTMLElement>('.sidebar-modules li')].flatMap((item) => {
  const id = /\/modules\/([^/]+)\/$/.exec(item.querySelector('a')?.getAttribute('href') ?? '')?.[1];
  return id ? [{ id, badge: sidebarBadge(item) }] : [];
});

function render() {
  const done = loadDone();
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.mark-done')) {
    const isDone = done.has(button.dataset.module ?? '');
    button.hidden = false;
    button.setAttribute('aria-pressed', String(isDone));
    button.textContent = isDone ? 'Done ✓ (select to undo)' : 'Mark as done';
  }
  for (const card of document.querySelectorAll<HTMLElement>('[data-module]')) {
    const badge = card.querySelector<HTMLElement>('.done-badge');
    if (badge) badge.hidden = !done.has(card.dataset.module ?? '');
  }
  for (const { id, badge } of sidebar) badge.hidden = !done.has(id);
  for (const line of document.querySelectorAll<HTMLElement>('[data-progress-for]')) {
    const holder = line.dataset.pathModules ? line : line.closest<HTMLElement>('[data-path-modules]');
    const ids = (holder?.dataset.pathModules ?? '').split(' ').filter(Boolean);
    const count = ids.filter((id) => done.has(id)).length;
    line.hidden = false;
    line.textContent =
      count === ids.length && ids.length > 0
        ? `Path complete: all ${ids.length} modules done`
        : `Your progress: ${count} of ${ids.length} modules done`;
  }
  const course = document.querySelector<HTMLElement>('[data-course-progress]');
  if (course) {
    const ids = (course.dataset.courseModules ?? '').split(' ').filter(Boolean);
    const count = ids.filter((id) => done.has(id)).length;
    const right = Object.values(loadAllAnswers())
      .flatMap((questions) => Object.values(questions))
      .filter((a) => a.right).length;
    course.textContent =
      count === 0 && right === 0
        ? `You have not started yet: ${ids.length} modules are waiting.`
        : `You have done ${count} of ${ids.length} modules and answered ${right} ${right === 1 ? 'question' : 'questions'} right.`;
    const meter = document.querySelector<HTMLProgressElement>('progress[data-course-meter]');
    if (meter) {
      meter.max = ids.length;
      meter.value = count;
      meter.hidden = false;
    }
  }
  const last = loadLast();
  const resume = document.querySelector<HTMLAnchorElement>('a[data-continue]');
  if (resume && last && /^[a-z0-9-]+$/.test(last.id)) {
    resume.href = `${resume.dataset.base ?? '/'}modules/${last.id}/`;
    resume.textContent = `Continue where you left off: ${last.title || last.id}`;
    resume.closest<HTMLElement>('[data-continue-holder]')?.removeAttribute('hidden');
  }
  const reset = document.getElementById('progress-reset');
  if (reset)
    reset.hidden =
      done.size === 0 && Object.keys(loadAllAnswers()).length === 0 && Object.keys(loadAllNotes()).length === 0;
  for (const tools of document.querySelectorAll<HTMLElement>('[data-progress-tools]')) tools.hidden = false;
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const button = target.closest<HTMLButtonElement>('button.mark-done');
  if (button?.dataset.module) {
    const done = loadDone();
    if (done.has(button.dataset.module)) done.delete(button.dataset.module);
    else done.add(button.dataset.module);
    saveDone(done);
    render();
  }
  if (target.id === 'progress-reset' && confirm('Clear your progress, answers and writing on every module?')) {
    saveDone(new Set());
    clearAnswers();
    clearNotes();
    render();
  }
  if (target.id === 'progress-export') {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([exportProgress()], { type: 'application/json' }));
    link.download = `frontline-progress-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
});

async function importFile(input: HTMLInputElement) {
  const status = document.getElementById('progress-status');
  const file = input.files?.[0];
  if (!file) return;
  const result = importProgress(await file.text());
  if (status) {
    status.textContent = result.ok
      ? `Imported: ${result.modules} ${result.modules === 1 ? 'module' : 'modules'} done.`
      : result.reason;
  }
  input.value = '';
  render();
}
document.getElementById('progress-import')?.addEventListener('change', (event) => {
  void importFile(event.target as HTMLInputElement);
});

render();
