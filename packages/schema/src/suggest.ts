import { closest, distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped value, or undefined when nothing is close enough
 * to be a plausible typo (at most a third of the word's letters differ).
 * Uses fastest-levenshtein: a small, well-kept edit-distance library (no hand-rolled DP).
 */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || value === '') return undefined;
  const lower = value.toLowerCase();
  const best = closest(lower, [...candidates]);
  const limit = Math.max(2, Math.floor(Math.max(lower.length, best.length) / 3));
  return distance(lower, best) <= limit ? best : undefined;
}

/** Formats a list of allowed values as "`a`, `b` or `c`". */
export function listValues(values: readonly string[], joiner = 'or'): string {
  const quoted = values.map((v) => `\`${v}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}
