// Dark mode toggle: system preference by default, the learner's choice kept in localStorage.
const button = document.getElementById('theme-toggle');
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
  button.hidden = false;
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
