import { defaultSchema, type Schema } from 'hast-util-sanitize';

/** The sanitiser schema: GitHub's defaults plus the classes and data attributes our pages use. */
export const SANITIZE_SCHEMA: Schema = {
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
    ul: ['className', 'dataPagefindIgnore'],
    // GitHub's schema keeps only its own classes on these; ours carry the block styles.
    section: ['className', 'ariaLabelledBy', 'dataKind'],
    div: ['className', 'dataLines', 'role', 'ariaLabel'],
    p: ['className', 'ariaLive'],
    ol: ['className', 'start'],
    li: ['className'],
    // An answer disclosure stays out of the search index.
    details: ['className', 'dataPagefindIgnore'],
    button: ['type', 'className', 'dataCheck', 'dataReset'],
    label: ['htmlFor', 'className'],
    abbr: ['title'],
    a: [...(defaultSchema.attributes?.a ?? []), 'className', 'rel'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  required: {},
};
