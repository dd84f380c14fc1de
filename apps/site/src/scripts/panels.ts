// Side panels (course contents, on this page): on a small screen each folds behind its button
// (site.css shows the button only there); on a wide screen, and without JavaScript, they stay open.
for (const panel of document.querySelectorAll<HTMLElement>('[data-panel]')) {
  const button = panel.querySelector<HTMLButtonElement>('.panel-toggle');
  if (!button) continue;
  button.setAttribute('aria-expanded', 'false');
  button.hidden = false;
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
  });
  // Following a link in a folded panel (a heading on this page) folds it again.
  panel.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) button.setAttribute('aria-expanded', 'false');
  });
}
