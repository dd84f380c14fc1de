import { factsOf, type ModuleFacts } from '../facts.ts';
import { nodesOfType } from '../model.ts';
import { indexOf, type Rule } from '../rule.ts';
import { suggest } from '../suggest.ts';

const anchorSets = new WeakMap<ModuleFacts, Set<string>>();

/** A module's anchors as a set, made once per module. */
function anchorsOf(facts: ModuleFacts): Set<string> {
  let set = anchorSets.get(facts);
  if (!set) anchorSets.set(facts, (set = new Set(facts.anchors)));
  return set;
}

export const rule: Rule = {
  id: 'links-resolve',
  severity: 'error',
  summary: 'Links inside the course point at modules and anchors that exist (`../<module-id>/`, `#anchor`).',
  why: 'A broken internal link strands a learner mid-module; it is always a typo or a renamed module.',
  check({ module, corpus, report }) {
    const byId = indexOf(corpus).byName;
    for (const { node } of nodesOfType(module.parsed.tree, 'link')) {
      const url = node.url.trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue; // external
      const [pathPart = '', anchor] = url.split('#');
      let target: ModuleFacts | undefined = factsOf(module);
      if (pathPart !== '') {
        const match =
          /^(?:\.\.\/|\/modules\/)([a-z0-9-]+)\/?$/.exec(pathPart) ?? /^(?:\.\/)?([a-z0-9-]+)\.md$/.exec(pathPart);
        if (!match) {
          if (/^(?:\/|\.\.\/)(?:glossary|paths\/[a-z0-9-]+)\/?$/.test(pathPart)) continue;
          report(
            node,
            `Unexpected link target \`${url}\`, expected \`../<module-id>/\`, \`#anchor\` or an http(s) address`,
            {
              hint: 'Link another module as `[its title](../module-id/)`.',
            },
          );
          continue;
        }
        target = byId.get(match[1]!);
        if (!target) {
          const close = suggest(match[1]!, [...byId.keys()]);
          report(node, `Unexpected link to module \`${match[1]}\`, expected an existing module id`, {
            hint: close ? `Did you mean \`${close}\`?` : 'Check the id in content/modules/.',
          });
          continue;
        }
      }
      if (anchor) {
        const anchors = anchorsOf(target);
        if (!anchors.has(anchor)) {
          const close = suggest(anchor, [...anchors]);
          report(node, `Unexpected anchor \`#${anchor}\`, expected a heading or segment in \`${target.name}\``, {
            hint: close
              ? `Did you mean \`#${close}\`?`
              : 'Anchors are heading titles in lower case, with hyphens for spaces.',
          });
        }
      }
    }
  },
};
