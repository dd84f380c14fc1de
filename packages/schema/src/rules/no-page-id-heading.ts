import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { walk } from '../model.ts';
import { PAGE_IDS } from '../page-ids.ts';
import type { Rule } from '../rule.ts';

const taken = new Set(PAGE_IDS);

export const rule: Rule = {
  id: 'no-page-id-heading',
  severity: 'error',
  summary:
    'No heading or segment title whose anchor is an id the page itself uses (`## Main` becomes `#main`, the skip link’s target).',
  why: 'Two elements with one id break the page: the skip link, the search box or the presenter’s controls would jump to or act on the author’s heading instead.',
  check({ module, report }) {
    // Slugged in page order, the way the site does, so that a repeated title gets its `-1` too.
    const slugger = new GithubSlugger();
    walk(module.parsed.tree, (node) => {
      const isHeading = node.type === 'heading' || (node.type === 'leafDirective' && node.name === 'segment');
      if (!isHeading) return;
      const title = toString(node);
      const id = slugger.slug(title);
      if (!taken.has(id)) return;
      report(
        node,
        `Unexpected ${node.type === 'heading' ? 'heading' : 'segment title'} \`${title}\` with the anchor \`#${id}\`, expected an anchor the page does not already use`,
        {
          hint: `Reword it, for example \`${title} in practice\` or \`About ${title.toLowerCase()}\`: the page already has an element with the id \`${id}\`.`,
        },
      );
    });
  },
};
