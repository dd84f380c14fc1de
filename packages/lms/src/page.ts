import type { PackageContent } from './content.ts';

/** The three package formats. */
export type Format = 'scorm12' | 'scorm2004' | 'cmi5';

/** What the runtime reads from the page (see assets/frontline-lms.js). */
export interface RuntimeConfig {
  format: Format;
  /** The module or path id. */
  id: string;
  /** Share of the score needed to pass, 0 to 1 (1: every check answered correctly). */
  mastery: number;
}

export interface PageOptions {
  config: RuntimeConfig;
  title: string;
  summary: string;
  /** One module, or a path's modules in order. */
  modules: readonly PackageContent[];
  /** Is this a path (modules under their own headings, with a contents list)? */
  path: boolean;
  glossary: readonly { id: string; term: string; definition: string }[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes author text for HTML text and quoted attributes. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** JSON that is safe inside a `<script>` element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The package's page: the learner content, a glossary of the terms it uses, a status line
 * saying whether progress is recorded, and the "Finish" button. Scripts and styles are files of
 * the package; the policy allows nothing else (cmi5 may also talk to the LMS it was launched
 * from, whose address only the launch gives).
 */
export function renderPage(options: PageOptions): string {
  const { config, title, summary, modules, path, glossary } = options;
  const connect = config.format === 'cmi5' ? '*' : "'none'";
  const policy = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${connect}; object-src 'none'; base-uri 'none'; form-action 'none'`;
  const body = path
    ? modules
        .map(
          (m, i) =>
            `<article class="module" id="module-${escapeHtml(m.id)}" aria-labelledby="module-${escapeHtml(m.id)}-title">\n<h2 id="module-${escapeHtml(m.id)}-title">${i + 1}. ${escapeHtml(m.title)}</h2>\n<p class="summary">${escapeHtml(m.summary)}</p>\n${m.html}\n</article>`,
        )
        .join('\n')
    : `<article class="module">\n${modules[0]?.html ?? ''}\n</article>`;
  const contents = path
    ? `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Modules in this path</h2><ol>${modules
        .map((m) => `<li><a href="#module-${escapeHtml(m.id)}">${escapeHtml(m.title)}</a></li>`)
        .join('')}</ol></nav>`
    : '';
  const terms = glossary.length
    ? `<section class="glossary" aria-labelledby="glossary-title">\n<h2 id="glossary-title">Glossary</h2>\n<dl>${glossary
        .map(
          (t) => `<dt id="glossary-${escapeHtml(t.id)}">${escapeHtml(t.term)}</dt><dd>${escapeHtml(t.definition)}</dd>`,
        )
        .join('')}</dl>\n</section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="frontline.css">
<script type="application/json" id="frontline-config">${scriptJson(config)}</script>
<script src="frontline-lms.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><p class="brand">Frontline</p></header>
<main id="main" tabindex="-1">
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summary)}</p>
<p class="lms-status" id="lms-status" role="status">Connecting to your learning system…</p>
${contents}
${body}
${terms}
<section class="finish" aria-labelledby="finish-title">
<h2 id="finish-title">Finish</h2>
<p>When you have worked through ${path ? 'every module' : 'the module'} and answered the checks, press Finish to send your result.</p>
<button type="button" id="finish">Finish</button>
<p class="finish-status" id="finish-status" role="status"></p>
</section>
</main>
</body>
</html>
`;
}
