import { nodesOfType } from '../model.ts';
import type { Rule } from '../rule.ts';

/** A URL with a scheme (`https:`, `ftp:` …) or a protocol-relative one (`//host/…`). */
const EXTERNAL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

export const rule: Rule = {
  id: 'no-external-image',
  severity: 'error',
  summary: 'Images are files in the course (`content/images/`), never addresses on another site.',
  why: 'The site’s content security policy blocks images from other sites, so learners would see a broken image; an outside image can also change or track readers after review.',
  check({ module, report }) {
    const tree = module.parsed.tree;
    const definitions = new Map(
      [...nodesOfType(tree, 'definition')].map(({ node }) => [node.identifier.toLowerCase(), node.url]),
    );
    const images = [
      ...[...nodesOfType(tree, 'image')].map(({ node }) => ({ node, url: node.url })),
      ...[...nodesOfType(tree, 'imageReference')].map(({ node }) => ({
        node,
        url: definitions.get(node.identifier.toLowerCase()) ?? '',
      })),
    ];
    for (const { node, url } of images) {
      if (!EXTERNAL.test(url)) continue;
      // Unsafe schemes (`data:`, `javascript:` …) have their own rule, no-unsafe-url.
      if (/^\s*(?:javascript|vbscript|data|file)\s*:/i.test(url)) continue;
      report(node, `Unexpected image from \`${url.trim()}\`, expected an image file in the course`, {
        hint: 'Save the image under content/images/ and write its path instead, for example `![A chart](../images/chart.png)`.',
      });
    }
  },
};
