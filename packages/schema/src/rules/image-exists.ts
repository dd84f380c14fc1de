import { posix } from 'node:path';
import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

export const rule: Rule = {
  id: 'image-exists',
  severity: 'error',
  summary: 'Every image points at a file that exists under `content/`.',
  why: 'A missing image leaves a hole in the page and in every printed copy.',
  check({ module, corpus, report }) {
    for (const { node } of nodesOfType(module.parsed.tree, 'image')) {
      const url = node.url.split(/[?#]/)[0] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue; // external: the link checker's job
      const target = posix.normalize(posix.join('modules', decodeURI(url)));
      if (target.startsWith('..') || !corpus.exists(target))
        report(node, `Unexpected image path \`${node.url}\`, expected a file under content/`, {
          hint: 'Put images in content/images/ and link them as `../images/<file>`.',
        });
    }
  },
};
