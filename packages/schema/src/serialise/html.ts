import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import GithubSlugger from 'github-slugger';
import { toHast, type State } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import { termKey } from '../rules/glossary-term-defined.ts';
import type { ModuleView, ViewCheck, ViewContainer, ViewElement, ViewQuestion } from '../views/project.ts';
import { METHOD_LABEL } from '../views/labels.ts';
import { SANITIZE_SCHEMA } from './html-schema.ts';

/**
 * Writes a view as HTML for the course site. It decides nothing about audience: whatever the
 * view holds is written, each kind of element by its own handler. The result is sanitised as a
 * second line of defence behind the validator.
 */

export interface RenderOptions {
  /** Base path of the site, for glossary links (default `/`). */
  base?: string;
  /** Maps a term id to its glossary id, when the glossary knows it. */
  glossary?: ReadonlyMap<string, string>;
}

export interface SegmentSummary {
  id: string;
  title: string;
  minutes: number;
  method: string;
}

export interface RenderedModule {
  html: string;
  /** The agenda, for overviews. */
  segments: SegmentSummary[];
  /** Headings for an on-page table of contents. */
  toc: { depth: number; id: string; text: string }[];
  /** Glossary ids used, in first-use order. */
  terms: string[];
}

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

/** What one serialisation keeps track of: heading ids, the contents, glossary terms used (slides.ts writes with it too). */
export class Writer {
  readonly slugger = new GithubSlugger();
  readonly toc: RenderedModule['toc'] = [];
  readonly terms: string[] = [];
  readonly moduleId: string;
  readonly options: RenderOptions;
  /** The view's reader works alone (ModuleView.alone): times are said to be the workshop's. */
  readonly alone: boolean;

  constructor(moduleId: string, options: RenderOptions, alone = false) {
    this.moduleId = moduleId;
    this.options = options;
    this.alone = alone;
  }

  heading(depth: number, value: string, classes?: string[]): Element {
    const id = this.slugger.slug(value);
    this.toc.push({ depth, id, text: value });
    return el(`h${depth}`, { id, ...(classes ? { className: classes } : {}) }, [text(value)]);
  }

  /** Markdown prose (paragraphs, lists, tables…) as HTML, glossary terms linked. */
  prose(nodes: readonly RootContent[]): ElementContent[] {
    if (nodes.length === 0) return [];
    const term = (state: State, node: TextDirective): ElementContent | ElementContent[] => {
      if (node.name !== 'term') return state.all(node);
      const value = toString(node);
      const key = termKey(node, value);
      const glossary = this.options.glossary;
      const id = glossary?.get(key) ?? glossary?.get(value.toLowerCase()) ?? key;
      if (!this.terms.includes(id)) this.terms.push(id);
      const base = (this.options.base ?? '/').replace(/\/?$/, '/');
      return el('a', { href: `${base}glossary/#${id}`, className: ['term'] }, state.all(node));
    };
    const root = toHast(
      { type: 'root', children: [...nodes] },
      {
        handlers: { textDirective: term, containerDirective: () => [], leafDirective: () => [] } as never,
        allowDangerousHtml: false,
      },
    ) as HastRoot;
    this.labelTaskItems(root);
    for (const node of root.children)
      if (node.type === 'element' && /^h[2-6]$/.test(node.tagName)) {
        const value = hastText(node);
        node.properties.id = this.slugger.slug(value);
        this.toc.push({ depth: Number(node.tagName[1]), id: node.properties.id, text: value });
      }
    return root.children as ElementContent[];
  }

  /**
   * Task-list items (observer checklists) get a real label for their checkbox: the label holds
   * the box, so it needs no id to point at it.
   */
  private labelTaskItems(node: HastRoot | Element): void {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const classes = child.properties.className;
      if (child.tagName === 'li' && Array.isArray(classes) && classes.includes('task-list-item')) {
        const input = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
        if (input) {
          input.properties = { type: 'checkbox' };
          const rest = child.children.filter((c) => c !== input);
          // A loose item wraps its text in a paragraph: label the paragraph's content.
          const inner =
            rest.length === 1 && rest[0]?.type === 'element' && rest[0].tagName === 'p' ? rest[0].children : rest;
          child.children = [el('label', {}, [input, ...inner])];
        }
        continue;
      }
      this.labelTaskItems(child);
    }
  }

  elements(elements: readonly ViewElement[]): ElementContent[] {
    const out: ElementContent[] = [];
    let prose: RootContent[] = [];
    const flush = () => {
      out.push(...this.prose(prose));
      prose = [];
    };
    for (const element of elements) {
      // Consecutive prose goes through one conversion, so footnotes and lists behave as in Markdown.
      if (element.kind === 'prose') prose.push(element.node);
      else {
        flush();
        out.push(...this.element(element));
      }
    }
    flush();
    return out;
  }

  element(element: Exclude<ViewElement, { kind: 'prose' }>): ElementContent[] {
    if (element.kind === 'writing-space') return [writingSpace(element.lines)];
    if (element.kind === 'check') return [this.check(element)];
    return this.container(element);
  }

  container(element: ViewContainer): ElementContent[] {
    const label = element.label;
    const inner = () => this.elements(element.children);
    const block = (kind: string, title: string) =>
      el('section', { className: ['block', kind] }, [this.heading(3, title), ...inner()]);
    switch (element.kind) {
      case 'facilitator':
        return [note(label ? `Facilitator · ${label}` : 'Facilitator note', [], inner())];
      case 'expected':
        return [note('What good answers contain', ['expected'], inner())];
      case 'debrief':
        return [note('Debrief', ['debrief'], inner())];
      case 'case':
        return [block('case', label ? `Case: ${label}` : 'Case')];
      case 'discussion':
        return [block('discussion', label ? `Discussion: ${label}` : 'Discussion')];
      case 'reflection':
        return [block('reflection', label ? `Reflection: ${label}` : 'Reflection')];
      case 'handout':
        return [block('handout', label ? `Handout: ${label}` : 'Handout')];
      case 'takeaways':
        return [block('takeaways', 'Key takeaways')];
      case 'roleplay':
        return [this.roleplay(element)];
      case 'role':
        return [this.role(element)];
      case 'observer':
        return [el('div', { className: ['observer'] }, [this.heading(4, 'Observer checklist'), ...inner()])];
      case 'self-study':
        return [el('section', { className: ['self-study'] }, [this.heading(4, 'On your own'), ...inner()])];
      default:
        return inner();
    }
  }

  roleplay(element: ViewContainer): Element {
    const roles = element.children.filter((c) => c.kind === 'role');
    const minutes = element.minutes;
    const round = `${minutes} minutes per round`;
    const apart = (c: ViewElement) => c.kind === 'role' || c.kind === 'observer' || c.kind === 'self-study';
    return el('section', { className: ['block', 'roleplay'] }, [
      this.heading(3, element.label ? `Role-play: ${element.label}` : 'Role-play'),
      ...(minutes ? [el('p', { className: ['meta'] }, [text(this.alone ? `In the workshop: ${round}` : round)])] : []),
      ...this.elements(element.children.filter((c) => !apart(c))),
      // How to do it alone comes before the cards it tells the learner to read.
      ...this.elements(element.children.filter((c) => c.kind === 'self-study')),
      ...(roles.length
        ? [
            el('p', { className: ['role-note'] }, [
              text('In a workshop, open only the card of the role you play; in self-study, read them all.'),
            ]),
            ...this.elements(roles),
          ]
        : []),
      ...this.elements(element.children.filter((c) => c.kind === 'observer')),
    ]);
  }

  /** A role brief behind its own disclosure, so nobody reads another role's card by accident. */
  role(element: ViewContainer): Element {
    const title = element.label ? `Role card: ${element.label}` : 'Role card';
    return el('details', { className: ['role-card'] }, [
      el('summary', {}, [text(title)]),
      ...this.elements(element.children),
    ]);
  }

  check(check: ViewCheck): Element {
    const children: ElementContent[] = [this.heading(3, 'Knowledge check')];
    for (const question of check.questions) children.push(this.question(question));
    return el('section', { className: ['block', 'check'] }, children);
  }

  /**
   * A question as a fieldset of options. Each option's label holds its input (no ids to point
   * from one to the other); the radio group's name only has to be unique in the module's page
   * (`q<n>`; the LMS export, which puts several modules on one page, qualifies it, and numbers
   * the options for its answer digest). Only a correct option is marked (`data-correct`); the
   * site's script keeps answers by `data-question` and option position.
   */
  question(q: ViewQuestion): Element {
    const phrasing = (content: ViewQuestion['stemContent']) =>
      this.prose([{ type: 'paragraph', children: content }]).flatMap((p) => (p.type === 'element' ? p.children : []));
    const prefix = `${this.moduleId}-`;
    const name = q.id.startsWith(prefix) ? q.id.slice(prefix.length) : q.id;
    const options = el(
      'ul',
      { className: ['options'], dataPagefindIgnore: true },
      q.options.map((o) => {
        const input = el(
          'input',
          {
            type: q.multiple ? 'checkbox' : 'radio',
            name,
            ...(o.correct ? { dataCorrect: 'true' } : {}),
          },
          [],
        );
        return el('li', {}, [el('label', {}, [input, ...phrasing(o.content)])]);
      }),
    );
    const fieldset = el(
      'fieldset',
      { className: ['question'], dataQuestion: q.id, ...(q.multiple ? { dataMultiple: 'true' } : {}) },
      [
        el('legend', {}, [text(`${q.number}. `), ...phrasing(q.stemContent)]),
        ...this.elements(q.more),
        ...(q.multiple ? [el('p', { className: ['hint'] }, [text('Choose all that apply.')])] : []),
        options,
      ],
    );
    if (q.answered) fieldset.children.push(this.answer(q, phrasing));
    return fieldset;
  }

  /**
   * The answer disclosure, kept out of the search index: the correct option in words, then the
   * reason. It works without JavaScript; the page's script adds the check button and the live
   * feedback line, which only work with it.
   */
  answer(q: ViewQuestion, phrasing: (c: ViewQuestion['stemContent']) => ElementContent[]): Element {
    const correct = q.options.filter((o) => o.correct);
    return el('details', { className: ['answer'], dataPagefindIgnore: true }, [
      el('summary', {}, [text('Show the answer')]),
      el('p', {}, [
        el('strong', {}, [text(correct.length > 1 ? 'Correct answers: ' : 'Correct answer: ')]),
        text(correct.map((o) => o.text).join('; ')),
      ]),
      ...(q.reason
        ? [el('p', { className: ['reason'] }, [el('strong', {}, [text('Reason:')]), text(' '), ...phrasing(q.reason)])]
        : []),
    ]);
  }
}

function note(label: string, classes: string[], children: ElementContent[]): Element {
  return el('aside', { className: ['facilitator-note', ...classes], ariaLabel: label }, [
    el('p', { className: ['note-label'] }, [text(label)]),
    ...children,
  ]);
}

function writingSpace(lines: number): Element {
  return el(
    'div',
    {
      className: ['writing-space'],
      dataLines: String(lines),
      role: 'img',
      ariaLabel: `Space to write (${lines} lines)`,
    },
    [],
  );
}

function hastText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

/** Writes a module view as HTML: the intro, then one section per timed segment. */
export function renderView(view: ModuleView, options: RenderOptions = {}): RenderedModule {
  const writer = new Writer(view.meta.id, options, view.alone);
  const out: ElementContent[] = [];
  const intro = writer.elements(view.intro);
  if (intro.length) out.push(el('div', { className: ['intro'] }, intro));
  const segments: SegmentSummary[] = [];
  for (const segment of view.segments) {
    const id = writer.slugger.slug(segment.title);
    segments.push({ id, title: segment.title, minutes: segment.minutes, method: segment.method });
    writer.toc.push({ depth: 2, id, text: segment.title });
    out.push(
      el('section', { className: ['segment'], ariaLabelledBy: [id] }, [
        el('h2', { id }, [text(segment.title)]),
        el('p', { className: ['segment-meta'] }, [
          text(
            `${segment.minutes} min${view.alone ? ' in the workshop' : ''} · ${METHOD_LABEL[segment.method] ?? segment.method}`,
          ),
        ]),
        ...writer.elements(segment.elements),
      ]),
    );
  }
  const safe = sanitize({ type: 'root', children: out }, SANITIZE_SCHEMA) as HastRoot;
  return { html: toHtml(safe), segments, toc: writer.toc, terms: writer.terms };
}
