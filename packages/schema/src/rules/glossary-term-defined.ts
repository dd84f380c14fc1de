import { slug } from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../rule.ts';
import { suggest } from '../suggest.ts';

/** The glossary id a `:term[...]{id=…}` refers to (its `id`, else the slug of its text). */
export function termKey(
  node: { attributes?: Record<string, string | null | undefined> | null | undefined },
  text: string,
): string {
  return (node.attributes?.id ?? '').trim() || slug(text.trim());
}

export const rule: Rule = {
  id: 'glossary-term-defined',
  severity: 'error',
  summary: 'Every `:term[…]` is defined in `content/glossary/`.',
  why: 'Learners follow a term to its definition; an undefined term is a dead end.',
  check({ module, corpus, report }) {
    for (const node of module.body.terms) {
      const text = toString(node);
      const key = termKey(node, text);
      if (corpus.glossaryIndex.has(key) || corpus.glossaryIndex.has(text.trim().toLowerCase())) continue;
      const close = suggest(key, [...corpus.glossary.keys()]);
      report(node, `Unexpected term \`${text}\`, expected a term defined in content/glossary/`, {
        hint: close
          ? `Did you mean \`:term[${text}]{id=${close}}\`?`
          : `Add content/glossary/${key}.yaml with \`term:\` and \`definition:\`.`,
      });
    }
  },
};
