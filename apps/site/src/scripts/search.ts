// Search loads nothing until the first query; then Pagefind fetches only the index chunks it needs.
interface PagefindResult {
  data(): Promise<{
    url: string;
    meta: { title?: string };
    excerpt: string;
    /** The sections (headings with an id) the match falls in. */
    sub_results?: { title: string; url: string; excerpt: string }[];
  }>;
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const form = document.getElementById('search-form') as HTMLFormElement | null;
const input = document.getElementById('search-input') as HTMLInputElement | null;
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more') as HTMLButtonElement | null;
more?.addEventListener('click', () => void showMore());
let pagefind: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  const path = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/pagefind.js`;
  pagefind ??= (import(/* @vite-ignore */ path) as Promise<Pagefind>).then(async (p) => {
    // Result URLs below the site's base path (a site served at /<repository>/ on GitHub Pages).
    await p.options({ baseUrl: import.meta.env.BASE_URL });
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
  // Typing, Enter and filter changes can start overlapping searches: only the latest one
  // may touch the list.
  const mine = ++generation;
  const p = await load();
  const { results } = await p.search(term, { filters });
  if (mine !== generation) return;
  shown = results;
  list.replaceChildren();
  await showMore();
  if (mine !== generation) return;
  status.textContent = `${results.length} result${results.length === 1 ? '' : 's'} for “${term}”`;
}

/** The current search's results. Their fragments are fetched ten at a time (one request each). */
let shown: PagefindResult[] = [];
let generation = 0;
const PAGE = 10;

async function showMore() {
  if (!list || !more) return;
  const mine = generation;
  const next = shown.slice(list.children.length, list.children.length + PAGE);
  const items = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return;
  list.append(
    ...items.map((item) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      const excerpt = document.createElement('p');
      // Pagefind's excerpt marks matches with <mark>; keep only the text and rebuild the marks.
      excerpt.append(...excerptNodes(item.excerpt));
      li.append(a, excerpt);
      // Up to three sections of the page that match, each linked at its heading.
      const sections = (item.sub_results ?? []).filter((sub) => sub.url.includes('#')).slice(0, 3);
      if (sections.length > 0) {
        const nested = document.createElement('ul');
        nested.className = 'search-sections';
        nested.setAttribute('aria-label', `Matching sections of ${a.textContent}`);
        for (const sub of sections) {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = sub.url;
          link.textContent = sub.title;
          const text = document.createElement('p');
          text.append(...excerptNodes(sub.excerpt));
          item.append(link, text);
          nested.append(item);
        }
        li.append(nested);
      }
      return li;
    }),
  );
  more.hidden = list.children.length >= shown.length;
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
