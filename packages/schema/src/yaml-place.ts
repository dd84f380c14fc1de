import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Place } from './diagnostic.ts';
import type { FrontmatterBlock } from './parse.ts';

/** What a path resolved to: the exact node, or the closest existing ancestor. */
export interface ResolvedPlace extends Place {
  /** True when the whole path exists in the YAML (false: we point at an ancestor). */
  exact: boolean;
}

type Range = readonly [number, number, ...number[]];
const rangeOf = (node: unknown): Range | undefined =>
  (node as { range?: Range | null } | null | undefined)?.range ?? undefined;

/** `placeOf` as a diagnostic's place: where the node, or its closest ancestor, is. */
export function placeWithin(fm: FrontmatterBlock, path: readonly PropertyKey[], asKey = false): Place {
  const { exact: _exact, ...place } = placeOf(fm, path, asKey);
  return place;
}

/**
 * Finds the place in the file of the YAML node at `path` (a zod issue path). A missing
 * key resolves to its parent mapping; an empty value (`audience:`) to its key; `asKey`
 * points at the key of a mapping entry rather than its value (unknown keys).
 */
export function placeOf(fm: FrontmatterBlock, path: readonly PropertyKey[], asKey = false): ResolvedPlace {
  let node: unknown = fm.doc.contents;
  let best = rangeOf(node);
  let exact = path.length === 0;

  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const last = i === path.length - 1;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (!pair) break;
      next = pair.value;
      if ((asKey && last) || next == null) {
        best = rangeOf(pair.key) ?? best;
        exact = last;
        break;
      }
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    const range = rangeOf(next);
    if (next == null || !range) break;
    best = range;
    exact = last;
    node = next;
  }

  const toPlace = (offset: number) => {
    const { line, col } = fm.lines.linePos(offset);
    return { line: line + fm.firstLine - 1, column: col };
  };
  if (!best) return { line: fm.firstLine, column: 1, endLine: fm.firstLine, endColumn: 1, exact: false };
  const start = toPlace(best[0]);
  let end = toPlace(Math.max(best[0], best[1]));
  // A missing key is reported at its parent mapping: keep that to the mapping's first line.
  if (!exact && end.line > start.line) {
    end = { line: start.line, column: start.column + 1 };
  }
  return { ...start, endLine: end.line, endColumn: end.column, exact };
}
