// Side panels (course contents, on this page): on a small screen each folds behind its button
// (site.css shows the button only there); on a wide screen, and without JavaScript, they stay open.
// The button is this script's to add (the page has no use for it without JavaScript): named as
// the panel's title, before it.
for (const panel of document.querySelectorAll<HTMLElement>('[data-panel]')) {
  const title = panel.querySelector<HTMLElement>('.panel-title');
  const body = panel.querySelector<HTMLElement>('.panel-body');
  if (!title || !body) continue;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'panel-toggle';
  button.textContent = title.textContent?.trim() ?? '';
  button.setAttribute('aria-controls', body.id);
  button.setAttribute('aria-expanded', 'false');
  title.before(button);
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', String(button.getAttribute('aria-expanded') !== 'true'));
  });
  // Following a link in a folded panel (a heading on this page) folds it again.
  panel.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('a')) button.setAttribute('aria-expanded', 'false');
  });
}
