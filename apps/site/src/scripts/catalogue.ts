// Progressive enhancement for the catalogue filter (CSS already filters without JS):
// announce how many modules match.
const catalogue = document.querySelector<HTMLElement>('.catalogue');
const count = document.getElementById('catalogue-count');
function update() {
  if (!catalogue || !count) return;
  const cards = [...catalogue.querySelectorAll<HTMLElement>('.card')];
  const shown = cards.filter((c) => getComputedStyle(c).display !== 'none').length;
  count.textContent = `${shown} of ${cards.length} modules shown`;
}
catalogue?.addEventListener('change', update);
