/**
 * How many cases each property and mutation test runs. The suite runs 1000 with a fixed seed, so
 * CI sees the same cases every time; `pnpm fuzz` sets FRONTLINE_FUZZ_RUNS for many more, from a
 * new seed each run unless FRONTLINE_FUZZ_SEED fixes one (fast-check prints the seed of a failure).
 */
const requested = Number(process.env.FRONTLINE_FUZZ_RUNS);
export const FUZZING = Number.isInteger(requested) && requested > 0;

export function fuzzParams(seed: number, runs = 1000): { seed: number; numRuns: number } {
  if (!FUZZING) return { seed, numRuns: runs };
  const fixed = Number(process.env.FRONTLINE_FUZZ_SEED);
  return {
    seed: Number.isInteger(fixed) ? fixed : Math.floor(Math.random() * 2 ** 31),
    numRuns: requested,
  };
}

/** A test's time limit: unlimited in practice while fuzzing, when runs can take many minutes. */
export const fuzzTimeout = (ms: number): number => (FUZZING ? 24 * 60 * 60 * 1000 : ms);
