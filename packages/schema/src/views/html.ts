import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { ListItem, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import GithubSlugger from 'github-slugger';
import { toHast, type State } from 'mdast-util-to-hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import { contentOf, FACILITATOR_ONLY, labelOf, listAttribute, type Module } from '../model.ts';
import { termKey } from '../rules/glossary-term-defined.ts';

/** Who a rendered view is for. Facilitator-only material exists only in the facilitator view. */
export type Audience = 'learner' | 'facilitator';

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

type AnyNode = RootContent | Root;

/** Drops every facilitator-only block (notes, expected answers, debriefs) from a tree, returning a copy. */
export function stripFacilitatorOnly<T extends AnyNode>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[])
    .filter((c) => !(c.type === 'containerDirective' && FACILITATOR_ONLY.has(c.name)))
    .map((c) => stripFacilitatorOnly(c));
  return { ...node, children };
}

const METHOD_LABEL: Record<string, string> = {
  presentation: 'Presentation',
  discussion: 'Discussion',
  'role-play': 'Role-play',
  exercise: 'Exercise',
  'case-study': 'Case study',
  reflection: 'Reflection',
  check: 'Knowledge check',
  demonstration: 'Demonstration',
  break: 'Break',
};

function el(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The sanitiser schema: GitHub's defaults plus the classes and data attributes our views use. */
const SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'section',
    'aside',
    'fieldset',
    'legend',
    'form',
    'button',
    'label',
    'abbr',
    'kbd',
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []),
      'className',
      'id',
      'dataLines',
      'dataKind',
      'dataQuestion',
      'dataCorrect',
      'dataMultiple',
      'ariaLabelledBy',
      'ariaLabel',
      'ariaLive',
      'hidden',
      'role',
    ],
    // GitHub's schema only allows disabled checkboxes (task lists); our checks need live
    // radios and checkboxes, and classes on lists.
    input: [['type', 'radio', 'checkbox'], 'name', 'value', 'id', 'dataCorrect'],
    ul: ['className'],
    // GitHub's schema keeps only its own classes on these; ours carry the block styles.
    section: ['className', 'ariaLabelledBy', 'dataKind'],
    div: ['className', 'dataLines', 'role', 'ariaLabel'],
    p: ['className', 'ariaLive'],
    ol: ['className', 'start'],
    li: ['className'],
    button: ['type', 'className', 'dataCheck', 'dataReset'],
    label: ['htmlFor', 'className'],
    abbr: ['title'],
    a: [...(defaultSchema.attributes?.a ?? []), 'className', 'rel'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  required: {},
};

/**
 * Renders a module to HTML for one audience. The learner view is built without any
 * facilitator-only block (not hidden with CSS); the result is sanitised as a second line
 * of defence behind the validator.
 */
export function renderModule(
  module: Pick<Module, 'id' | 'tree'>,
  audience: Audience,
  options: RenderOptions = {},
): RenderedModule {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const tree = audience === 'learner' ? stripFacilitatorOnly(module.tree) : module.tree;
  const slugger = new GithubSlugger();
  const segments: SegmentSummary[] = [];
  const toc: RenderedModule['toc'] = [];
  const terms: string[] = [];
  let questionCount = 0;
  let taskCount = 0;

  // Group the flat tree into sections: the intro, then one per segment.
  const groups: { marker?: LeafDirective; children: RootContent[] }[] = [{ children: [] }];
  for (const child of tree.children) {
    if (child.type === 'leafDirective' && child.name === 'segment') groups.push({ marker: child, children: [] });
    else groups.at(-1)!.children.push(child);
  }

  const handlers = {
    containerDirective(state: State, node: ContainerDirective): Element | ElementContent[] {
      const label = labelOf(node);
      const inner = (): ElementContent[] => state.all({ type: 'root', children: contentOf(node) } as never);
      const heading = (depth: number, value: string, cls?: string): Element => {
        const id = slugger.slug(value);
        toc.push({ depth, id, text: value });
        return el(`h${depth}`, { id, ...(cls ? { className: [cls] } : {}) }, [text(value)]);
      };
      switch (node.name) {
        case 'facilitator':
          return el(
            'aside',
            { className: ['facilitator-note'], ariaLabel: label ? `Facilitator note: ${label}` : 'Facilitator note' },
            [
              el('p', { className: ['note-label'] }, [text(label ? `Facilitator · ${label}` : 'Facilitator note')]),
              ...inner(),
            ],
          );
        case 'expected':
          return el('aside', { className: ['facilitator-note', 'expected'], ariaLabel: 'What good answers contain' }, [
            el('p', { className: ['note-label'] }, [text('What good answers contain')]),
            ...inner(),
          ]);
        case 'debrief':
          return el('aside', { className: ['facilitator-note', 'debrief'], ariaLabel: 'Debrief' }, [
            el('p', { className: ['note-label'] }, [text('Debrief')]),
            ...inner(),
          ]);
        case 'case':
          return el('section', { className: ['block', 'case'], dataKind: 'case' }, [
            heading(3, label ? `Case: ${label}` : 'Case'),
            ...inner(),
          ]);
        case 'discussion':
          return el('section', { className: ['block', 'discussion'], dataKind: 'discussion' }, [
            heading(3, label ? `Discussion: ${label}` : 'Discussion'),
            ...inner(),
          ]);
        case 'roleplay': {
          const minutes = node.attributes?.minutes;
          return el('section', { className: ['block', 'roleplay'], dataKind: 'roleplay' }, [
            heading(3, label ? `Role-play: ${label}` : 'Role-play'),
            ...(minutes ? [el('p', { className: ['meta'] }, [text(`${minutes} minutes per round`)])] : []),
            ...inner(),
          ]);
        }
        case 'role':
          return el('div', { className: ['role-card'] }, [
            heading(4, label ? `Role card: ${label}` : 'Role card'),
            ...inner(),
          ]);
        case 'observer':
          return el('div', { className: ['observer'] }, [heading(4, 'Observer checklist'), ...inner()]);
        case 'reflection':
          return el('section', { className: ['block', 'reflection'], dataKind: 'reflection' }, [
            heading(3, label ? `Reflection: ${label}` : 'Reflection'),
            ...inner(),
          ]);
        case 'handout':
          return el('section', { className: ['block', 'handout'], dataKind: 'handout' }, [
            heading(3, label ? `Handout: ${label}` : 'Handout'),
            ...inner(),
          ]);
        case 'takeaways':
          return el('section', { className: ['block', 'takeaways'], dataKind: 'takeaways' }, [
            heading(3, 'Key takeaways'),
            ...inner(),
          ]);
        case 'check':
          return renderCheck(state, node, heading(3, 'Knowledge check'));
        default:
          return inner();
      }
    },
    leafDirective(_state: State, node: LeafDirective): Element | ElementContent[] {
      if (node.name === 'writing-space') {
        const lines = Math.min(30, Math.max(1, Number(node.attributes?.lines) || 4));
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
      return [];
    },
    textDirective(state: State, node: TextDirective): Element | ElementContent[] {
      if (node.name !== 'term') return state.all(node);
      const value = toString(node);
      const key = termKey(node, value);
      const id = options.glossary?.get(key) ?? options.glossary?.get(value.toLowerCase()) ?? key;
      if (!terms.includes(id)) terms.push(id);
      return el('a', { href: `${base}glossary/#${id}`, className: ['term'] }, state.all(node));
    },
  };

  function renderCheck(state: State, node: ContainerDirective, title: Element): Element {
    const children: ElementContent[] = [title];
    let fieldset: Element | undefined;
    let options: { item: ListItem; correct: boolean }[] = [];
    let reason: ElementContent[] = [];
    const flush = () => {
      if (!fieldset) return;
      const q = fieldset.properties.dataQuestion as string;
      const multiple = options.filter((o) => o.correct).length > 1;
      const list = el(
        'ul',
        { className: ['options'] },
        options.map((o, i) => {
          const id = `${q}-o${i + 1}`;
          return el('li', {}, [
            el(
              'input',
              {
                type: multiple ? 'checkbox' : 'radio',
                name: q,
                id,
                value: String(i + 1),
                dataCorrect: o.correct ? 'true' : 'false',
              },
              [],
            ),
            el(
              'label',
              { htmlFor: [id] },
              state.all({
                type: 'paragraph',
                children: o.item.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [])),
              }),
            ),
          ]);
        }),
      );
      const answers = options.filter((o) => o.correct).map((o) => toString(o.item).trim());
      fieldset.properties.dataMultiple = String(multiple);
      fieldset.children.push(
        ...(multiple ? [el('p', { className: ['hint'] }, [text('Choose all that apply.')])] : []),
        list,
        el('button', { type: 'button', className: ['check-answer'], dataCheck: 'true', hidden: true }, [
          text('Check answer'),
        ]),
        el('p', { className: ['feedback'], ariaLive: 'polite' }, []),
        el('details', { className: ['answer'] }, [
          el('summary', {}, [text('Show the answer')]),
          el('p', {}, [
            el('strong', {}, [text(answers.length > 1 ? 'Correct answers: ' : 'Correct answer: ')]),
            text(answers.join('; ')),
          ]),
          ...reason,
        ]),
      );
      children.push(fieldset);
      fieldset = undefined;
      options = [];
      reason = [];
    };
    for (const child of contentOf(node)) {
      if (child.type === 'leafDirective' && child.name === 'question') {
        flush();
        questionCount += 1;
        const q = `${module.id}-q${questionCount}`;
        fieldset = el('fieldset', { className: ['question'], dataQuestion: q }, [
          el('legend', {}, [text(`${questionCount}. `), ...state.all(child)]),
        ]);
      } else if (!fieldset) continue;
      else if (child.type === 'list' && child.children.some((i) => typeof i.checked === 'boolean'))
        options.push(...child.children.map((item) => ({ item, correct: item.checked === true })));
      else if (child.type === 'paragraph' && /^\s*reason\s*:/i.test(toString(child))) {
        const rendered = state.one(child, undefined) as Element;
        reason.push(el('div', { className: ['reason'] }, [rendered]));
      } else fieldset.children.push(...state.all({ type: 'root', children: [child] } as never));
    }
    flush();
    return el('section', { className: ['block', 'check'], dataKind: 'check' }, children);
  }

  /** Task-list items (observer checklists) get a real label for their checkbox. */
  function labelTaskItems(node: HastRoot | Element): void {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const classes = child.properties.className;
      if (child.tagName === 'li' && Array.isArray(classes) && classes.includes('task-list-item')) {
        const input = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
        if (input) {
          taskCount += 1;
          const id = `${module.id}-task-${taskCount}`;
          input.properties = { type: 'checkbox', id };
          const rest = child.children.filter((c) => c !== input);
          // A loose item wraps its text in a paragraph: label the paragraph's content.
          const inner =
            rest.length === 1 && rest[0]?.type === 'element' && rest[0].tagName === 'p' ? rest[0].children : rest;
          child.children = [input, el('label', { htmlFor: [id] }, inner)];
        }
        continue;
      }
      labelTaskItems(child);
    }
  }

  const out: ElementContent[] = [];
  for (const group of groups) {
    const body = toHast(
      { type: 'root', children: group.children },
      { handlers: handlers as never, allowDangerousHtml: false },
    ) as HastRoot;
    labelTaskItems(body);
    // Heading ids for author headings.
    for (const node of body.children) {
      if (node.type === 'element' && /^h[2-6]$/.test(node.tagName) && !node.properties.id) {
        const value = hastText(node);
        node.properties.id = slugger.slug(value);
        toc.push({ depth: Number(node.tagName[1]), id: node.properties.id, text: value });
      }
    }
    if (!group.marker) {
      if (body.children.length) out.push(el('div', { className: ['intro'] }, body.children as ElementContent[]));
      continue;
    }
    const title = labelOf(group.marker);
    const id = slugger.slug(title);
    const minutes = Number(group.marker.attributes?.minutes) || 0;
    const method = group.marker.attributes?.method ?? '';
    segments.push({ id, title, minutes, method });
    toc.push({ depth: 2, id, text: title });
    out.push(
      el('section', { className: ['segment'], ariaLabelledBy: [id], dataKind: method }, [
        el('h2', { id }, [text(title)]),
        el('p', { className: ['segment-meta'] }, [text(`${minutes} min · ${METHOD_LABEL[method] ?? method}`)]),
        ...(body.children as ElementContent[]),
      ]),
    );
  }
  const safe = sanitize({ type: 'root', children: out }, SCHEMA) as HastRoot;
  return { html: toHtml(safe), segments, toc, terms };
}

function hastText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastText).join('');
  return '';
}

/** Objective ids each activity serves, for overviews. */
export { listAttribute };
