import { closest, distance } from 'fastest-levenshtein';

/** The nearest command name to a typo, if it is close. */
export function suggestCommand(name: string, names: string[]): string | undefined {
  const best = closest(name, names);
  return distance(name, best) <= 2 ? best : undefined;
}
