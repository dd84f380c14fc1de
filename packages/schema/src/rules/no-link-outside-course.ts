import { posix } from 'node:path';
import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

/** A relative image or link target as a path under the content folder, or undefined for a web address. */
function targetOf(url: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined; // a malformed escape: image-exists and links-resolve report it
  }
  return posix.normalize(posix.join('modules', decoded));
}

export const rule: Rule = {
  id: 'no-link-outside-course',
  severity: 'error',
  summary: 'No file of the course, folder or image, is a symbolic link to a place outside the content folder.',
  why: 'Builds copy and print what a module points at: a link out of the course could publish any file on the machine that builds it.',
  check({ module, corpus, report }) {
    for (const type of ['image', 'link'] as const)
      for (const { node } of nodesOfType(module.parsed.tree, type)) {
        const target = targetOf(node.url);
        if (target === undefined || target.startsWith('..') || !corpus.outside(target)) continue;
        report(
          node,
          `Unexpected ${type} \`${node.url}\` that links outside the course folder, expected a file of the course`,
          { hint: 'Copy the file into content/images/ instead of linking to it: nothing outside the course is read.' },
        );
      }
  },
};
