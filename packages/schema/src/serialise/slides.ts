import type { Element, ElementContent } from 'hast';
import type { PhrasingContent } from 'mdast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { planned, type PresenterView, type Slide, type SlideQuestion } from '../views/presenter.ts';
import { Writer, type RenderOptions } from './html.ts';
import { SANITIZE_SCHEMA } from './html-schema.ts';

/**
 * Writes a presenter view as reveal.js markup: one top-level `<section>` per slide, speaker notes
 * in `<aside class="notes">`, a question's answer in a `fragment` (its own step). It decides
 * nothing: the view chose what is on each slide and what is in the notes. Author text goes
 * through the same Markdown-to-HTML handlers and sanitiser as the site's pages.
 */

const SLIDES_SCHEMA = {
  ...SANITIZE_SCHEMA,
  attributes: {
    ...SANITIZE_SCHEMA.attributes,
    section: [...(SANITIZE_SCHEMA.attributes?.section ?? []), 'dataItem'],
    aside: ['className'],
    ol: [...(SANITIZE_SCHEMA.attributes?.ol ?? []), 'type'],
  },
};

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

function phrasing(writer: Writer, content: readonly PhrasingContent[]): ElementContent[] {
  return writer
    .prose([{ type: 'paragraph', children: [...content] }])
    .flatMap((p) => (p.type === 'element' ? p.children : []));
}

function question(writer: Writer, q: SlideQuestion): ElementContent[] {
  const answer = q.answer.options.map((o) => phrasing(writer, o));
  return [
    el('p', { className: ['stem'] }, [text(`${q.number}. `), ...phrasing(writer, q.stem)]),
    el(
      'ol',
      { className: ['options'], type: 'A' },
      q.options.map((o) => el('li', {}, phrasing(writer, o))),
    ),
    el('div', { className: ['fragment', 'answer'] }, [
      el('p', {}, [
        el('strong', {}, [text(answer.length > 1 ? 'Answers: ' : 'Answer: ')]),
        ...answer.flatMap((a, i) => (i ? [text('; '), ...a] : a)),
      ]),
      ...(q.answer.reason ? [el('p', { className: ['reason'] }, phrasing(writer, q.answer.reason))] : []),
    ]),
  ];
}

function notes(writer: Writer, view: PresenterView, slide: Slide, first: boolean): Element {
  const item = view.items[slide.item];
  const children: ElementContent[] = [];
  if (item && first && item.kind !== 'module')
    children.push(
      el('p', { className: ['notes-time'] }, [
        text(`${planned(view, item.start)}–${planned(view, item.end)} (${item.minutes} min): ${item.title}`),
      ]),
    );
  if (slide.notes.steps.length)
    children.push(
      el(
        'ol',
        { className: ['notes-steps'] },
        slide.notes.steps.map((s) =>
          el('li', {}, [text(`${planned(view, s.start)}–${planned(view, s.end)} · ${s.text}`)]),
        ),
      ),
    );
  children.push(...writer.elements(slide.notes.elements));
  return el('aside', { className: ['notes'] }, children);
}

/** Writes a presenter view as reveal.js slides (the content of `<div class="slides">`). */
export function renderSlides(view: PresenterView, options: RenderOptions = {}): string {
  const writer = new Writer(view.id, options);
  const sections: ElementContent[] = view.slides.map((slide, i) => {
    const first = i === 0 || view.slides[i - 1]?.item !== slide.item;
    return el('section', { dataItem: String(slide.item), className: ['slide'] }, [
      el(i === 0 ? 'h1' : 'h2', {}, [text(slide.title)]),
      ...(slide.subtitle ? [el('p', { className: ['slide-subtitle'] }, [text(slide.subtitle)])] : []),
      ...writer.elements(slide.screen),
      ...(slide.question ? question(writer, slide.question) : []),
      notes(writer, view, slide, first),
    ]);
  });
  return toHtml(sanitize({ type: 'root', children: sections }, SLIDES_SCHEMA));
}
