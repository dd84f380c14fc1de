// Search loads nothing until the first query; then Pagefind fetches only the index chunks it needs.
interface PagefindResult {
  data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
const input = document.getElementById('search-input') as HTMLInputElement | null;
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
let pagefind: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  const path = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`;
  pagefind ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (p) => {
    await p.init();
    return p;
  });
  return pagefind;
}

async function run() {
  if (!form || !input || !status || !list) return;
  const term = input.value.trim();
  const data = new FormData(form);
  const filters: Record<string, string> = {};
  for (const key of ['audience', 'level', 'path']) {
    const raw = data.get(key);
    const value = typeof raw === 'string' ? raw : '';
    if (value) filters[key] = value;
  }
  const params = new URLSearchParams({ q: term, ...filters });
  history.replaceState(null, '', `?${params}`);
  if (!term) return;
  status.textContent = 'Searching…';
  const p = await load();
  const { results } = await p.search(term, { filters });
  const items = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      const excerpt = document.createElement('p');
      // Pagefind's excerpt marks matches with <mark>; keep only the text and rebuild the marks.
      excerpt.append(...excerptNodes(item.excerpt));
      li.append(a, excerpt);
      return li;
    }),
  );
  status.textContent = `${results.length} result${results.length === 1 ? '' : 's'} for “${term}”`;
}

function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...(doc.body.firstElementChild?.childNodes ?? [])].map((n) => {
    if (n.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      return mark;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
form?.addEventListener('change', () => void run());
const initial = new URLSearchParams(location.search);
if (form && input && initial.get('q')) {
  input.value = initial.get('q') ?? '';
  for (const key of ['audience', 'level', 'path']) {
    const select = form.elements.namedItem(key) as HTMLSelectElement | null;
    if (select && initial.get(key)) select.value = initial.get(key) ?? '';
  }
  void run();
}
