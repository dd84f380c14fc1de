// Progress is kept in this browser only (localStorage): no account, nothing sent anywhere.
const KEY = 'frontline-progress';

function load(): Set<string> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}
function save(done: Set<string>) {
  try {
    localStorage.setItem(KEY, JSON.stringify([...done]));
  } catch {
    /* storage blocked or full: progress lasts for this page only */
  }
}

function render() {
  const done = load();
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
  for (const line of document.querySelectorAll<HTMLElement>('[data-progress-for]')) {
    const holder = line.dataset.pathModules ? line : line.closest<HTMLElement>('[data-path-modules]');
    const ids = (holder?.dataset.pathModules ?? '').split(' ').filter(Boolean);
    const count = ids.filter((id) => done.has(id)).length;
    line.hidden = false;
    line.textContent = `Your progress: ${count} of ${ids.length} modules done`;
  }
  const reset = document.getElementById('progress-reset');
  if (reset) reset.hidden = done.size === 0;
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const button = target.closest<HTMLButtonElement>('button.mark-done');
  if (button?.dataset.module) {
    const done = load();
    if (done.has(button.dataset.module)) done.delete(button.dataset.module);
    else done.add(button.dataset.module);
    save(done);
    render();
  }
  if (target.id === 'progress-reset' && confirm('Clear your progress on every module?')) {
    save(new Set());
    render();
  }
});
render();
