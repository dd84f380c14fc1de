/**
 * The one place that turns the course model into what a package shows: the LMS view of a
 * module (@frontline/schema: no facilitator material, no role briefs, no answers as text),
 * rendered as HTML and fitted to a self-contained page. Audience is decided by the view; this
 * file only adds what the runtime needs and points links and images into the package.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { lmsView, renderView, type LmsView, type Module } from '@frontline/schema';

/** A knowledge-check question as the runtime reports it. */
export interface PackageQuestion {
  /** Interaction id (`<module>-q<n>`), unique in a course. */
  id: string;
}

/** A module's learner content, ready to place in a package page. */
export interface PackageContent {
  id: string;
  title: string;
  summary: string;
  /** Body HTML (the LMS view, sanitised by the serialiser, then fitted to the package here). */
  html: string;
  questions: PackageQuestion[];
  /** Glossary ids the body links to, in first-use order. */
  terms: string[];
  /** Images the body shows: where each is in the package (`images/<file>`) and in the content folder. */
  images: PackageImage[];
}

/** An image of a module, copied into the package. */
export interface PackageImage {
  /** Path in the package. */
  path: string;
  /** The module's own link to it, relative to the module file (`../images/<file>`). */
  source: string;
}

/**
 * A short, fixed-width digest of a question's correct answer: the runtime compares the
 * learner's choice with it, so the page never carries the answer key as text. Anyone with the
 * script can still try every choice (a page that marks answers without a server can always be
 * read this way); the point is that no answer is readable in the package.
 */
export function answerDigest(questionId: string, values: readonly string[]): string {
  // FNV-1a, 32 bits, over `<id>:<sorted values>`; the runtime computes the same.
  const text = `${questionId}:${[...values].sort().join(',')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Replaces every element in `targets` (anywhere under `tree`) with what `by` returns. */
function replace(
  tree: Root | Element,
  targets: ReadonlySet<Element>,
  by: (element: Element) => ElementContent[],
): void {
  const children: RootContent[] = [];
  for (const child of tree.children) {
    if (child.type === 'element' && targets.has(child)) children.push(...by(child));
    else {
      if (child.type === 'element') replace(child, targets, by);
      children.push(child);
    }
  }
  tree.children = children;
}

const element = (tagName: string, properties: Element['properties'], value?: string): Element => ({
  type: 'element',
  tagName,
  properties,
  children: value === undefined ? [] : [{ type: 'text', value }],
});

/** A module's image link (`../images/<file>`, as the format asks) as a path in the package, or nothing. */
function packagedImage(src: string): string | undefined {
  const file = /^(?:\.\.\/)?images\/([^?#]+)$/.exec(src)?.[1];
  if (!file || file.split('/').some((part) => part === '..' || part === '')) return undefined;
  return `images/${file}`;
}

/**
 * Fits the LMS view's HTML to a package page:
 * - each question gets the digest of its correct options (from the view's answer key), a
 *   "Check answer" button and a live feedback line, and its options a name unique in the
 *   course and their numbers;
 * - glossary links point at the glossary on the same page;
 * - links out of the package open in a new window, so the learner's session is not left;
 * - images point at their copy in the package (an image from elsewhere becomes its alt text:
 *   a package makes no request outside itself);
 * - headings move down `shift` levels (a path page puts each module under its own heading).
 */
function adapt(html: string, view: LmsView, shift: number) {
  const tree = fromHtml(html, { fragment: true });
  const questions: PackageQuestion[] = [];
  for (const fieldset of selectAll('fieldset.question', tree)) {
    const id = String(fieldset.properties.dataQuestion ?? '');
    fieldset.properties.dataKey = answerDigest(id, (view.answers.get(id) ?? []).map(String));
    // The serialiser names a question's options for one module's page (`q1`); a path's page
    // holds several modules, so each group is named by its question's id, unique in a course.
    // Its runtime reports and digests the options chosen by number (`value`, from 1).
    for (const [i, input] of selectAll('ul.options input', fieldset).entries()) {
      input.properties.name = id;
      input.properties.value = String(i + 1);
    }
    fieldset.children.push(
      element('button', { type: 'button', className: ['check-answer'], dataCheck: 'true' }, 'Check answer'),
      element('p', { className: ['feedback'], ariaLive: 'polite' }),
    );
    questions.push({ id });
  }
  for (const link of selectAll('a[href]', tree)) {
    const href = String(link.properties.href);
    const term = /^\/glossary\/#(.+)$/.exec(href);
    if (term) link.properties.href = `#glossary-${term[1]}`;
    else if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      link.properties.target = '_blank';
      link.properties.rel = ['noopener', 'noreferrer'];
    }
  }
  const images: PackageImage[] = [];
  const outside = new Set<Element>();
  for (const img of selectAll('img', tree)) {
    const source = String(img.properties.src ?? '');
    const path = packagedImage(source);
    if (!path) outside.add(img);
    else {
      img.properties.src = path;
      if (!images.some((i) => i.path === path)) images.push({ path, source });
    }
  }
  replace(tree, outside, (img) => [{ type: 'text', value: String(img.properties.alt ?? '') }]);
  if (shift > 0)
    for (const heading of selectAll('h1, h2, h3, h4, h5, h6', tree)) {
      const level = Math.min(6, Number(heading.tagName[1]) + shift);
      heading.tagName = `h${level}`;
    }
  return { html: toHtml(tree), questions, images };
}

/**
 * The learner content of a module for a package. `glossary` maps a term as written (and its
 * aliases) to its glossary id, as `Corpus.glossaryIndex` does; `shift` moves headings down.
 */
export function packageContent(module: Module, glossary: ReadonlyMap<string, string>, shift = 0): PackageContent {
  const view = lmsView(module);
  const rendered = renderView(view, { glossary });
  const { html, questions, images } = adapt(rendered.html, view, shift);
  return {
    id: module.id,
    title: module.frontmatter.title,
    summary: module.frontmatter.summary,
    html,
    questions,
    terms: rendered.terms,
    images,
  };
}
