// Dark mode toggle: system preference by default, the learner's choice kept in localStorage.
// The button is this script's to add, at the end of the header: without JavaScript it does nothing.
const header = document.querySelector('.site-header');
const button = header ? document.createElement('button') : undefined;
if (button && header) {
  button.type = 'button';
  button.className = 'theme-toggle';
  button.id = 'theme-toggle';
  header.append(button);
}
const root = document.documentElement;
const systemDark = matchMedia('(prefers-color-scheme: dark)');

function current(): 'dark' | 'light' {
  const chosen = root.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}
function sync() {
  if (!button) return;
  const dark = current() === 'dark';
  button.setAttribute('aria-pressed', String(dark));
  button.textContent = 'Dark mode';
}
if (button) {
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('frontline-theme', next);
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
    sync();
  });
  systemDark.addEventListener('change', sync);
  sync();
}
