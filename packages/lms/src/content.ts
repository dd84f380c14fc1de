/**
 * The one place that turns the course model into what a package shows: the learner view's
 * HTML, adapted for a self-contained page. When the schema package grows an LMS view, this
 * file is the only one to switch over.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { learnerView, renderView, type Module } from '@frontline/schema';

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
  /** Body HTML (sanitised by the learner view, then adapted here). */
  html: string;
  questions: PackageQuestion[];
  /** Glossary ids the body links to, in first-use order. */
  terms: string[];
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

/**
 * Adapts the learner HTML of one module for a package:
 * - each check loses its answer disclosure (`details.answer`: correct options and reasons) and
 *   its options' `data-correct` flags; the fieldset carries a digest of the correct answer
 *   instead, and its "Check answer" button is shown;
 * - role cards (`.role-card`, each brief behind a disclosure) are left out: a package holds no role brief;
 * - glossary links point at the glossary on the same page;
 * - links out of the package open in a new window, so the learner's session is not left;
 * - images become their alternative text (a package makes no request outside itself);
 * - headings move down `shift` levels (a path page puts each module under its own heading).
 */
function adapt(html: string, shift: number): { html: string; questions: PackageQuestion[] } {
  const tree = fromHtml(html, { fragment: true });
  const questions: PackageQuestion[] = [];
  for (const fieldset of selectAll('fieldset.question', tree)) {
    const id = String(fieldset.properties.dataQuestion ?? '');
    const inputs = selectAll('input[data-correct]', fieldset);
    const correct = inputs
      .filter((input) => input.properties.dataCorrect === 'true')
      .map((i) => String(i.properties.value));
    for (const input of inputs) delete input.properties.dataCorrect;
    fieldset.properties.dataKey = answerDigest(id, correct);
    for (const button of selectAll('button.check-answer', fieldset)) delete button.properties.hidden;
    questions.push({ id });
  }
  replace(tree, new Set(selectAll('details.answer, .role-card', tree)), () => []);
  for (const link of selectAll('a[href]', tree)) {
    const href = String(link.properties.href);
    const term = /^\/glossary\/#(.+)$/.exec(href);
    if (term) link.properties.href = `#glossary-${term[1]}`;
    else if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      link.properties.target = '_blank';
      link.properties.rel = ['noopener', 'noreferrer'];
    }
  }
  replace(tree, new Set(selectAll('img', tree)), (img) => [{ type: 'text', value: String(img.properties.alt ?? '') }]);
  if (shift > 0)
    for (const heading of selectAll('h1, h2, h3, h4, h5, h6', tree)) {
      const level = Math.min(6, Number(heading.tagName[1]) + shift);
      heading.tagName = `h${level}`;
    }
  return { html: toHtml(tree), questions };
}

/**
 * The learner content of a module for a package. `glossary` maps a term as written (and its
 * aliases) to its glossary id, as `Corpus.glossaryIndex` does; `shift` moves headings down.
 */
export function packageContent(module: Module, glossary: ReadonlyMap<string, string>, shift = 0): PackageContent {
  const rendered = renderView(learnerView(module), { glossary });
  const { html, questions } = adapt(rendered.html, shift);
  return {
    id: module.id,
    title: module.frontmatter.title,
    summary: module.frontmatter.summary,
    html,
    questions,
    terms: rendered.terms,
  };
}
