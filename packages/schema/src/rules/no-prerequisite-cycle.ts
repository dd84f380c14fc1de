import { indexOf, type Corpus, type Rule } from '../rule.ts';

/** Modules named in full when a loop is shown; longer loops name the first and say how many more. */
const SHOWN = 6;

/** For each module on a prerequisite loop: the next module on that loop, and the loop from it. */
interface Loops {
  /** Module id to the traced loop through it (shared by its modules) and its place on it. */
  traced: Map<string, { loop: readonly string[]; at: number }>;
  /** Every module on a loop, with the number of its component (modules that reach each other). */
  looping: Map<string, number>;
}

const cache = new WeakMap<Corpus, Loops>();

/**
 * The strongly connected components of the prerequisite graph (Tarjan's algorithm, written
 * with an explicit stack so that a 10,000-module chain does not overflow the call stack).
 * Linear in modules plus prerequisites.
 */
function components(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (order.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!graph.has(to)) continue; // unknown modules are another rule's concern
        if (!order.has(to)) {
          order.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, order.get(to)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === order.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        found.push(component);
      }
    }
  }
  return found;
}

/**
 * Every module on a loop, computed once per corpus. In each looping component one loop is traced
 * (breadth-first, inside the component) from its first module; its modules show that loop, the
 * others of the component are told they loop without the full trail.
 */
function loopsOf(corpus: Corpus): Loops {
  const cached = cache.get(corpus);
  if (cached) return cached;
  const graph = indexOf(corpus).prerequisites;
  const loops: Loops = { traced: new Map(), looping: new Map() };
  for (const [number, component] of components(graph).entries()) {
    const start = component[0]!;
    const self = (graph.get(start) ?? []).includes(start);
    if (component.length === 1 && !self) continue;
    const members = new Set(component);
    for (const id of component) loops.looping.set(id, number);
    // Shortest way back to `start`, through members only.
    const parent = new Map<string, string>();
    const queue = [start];
    let end: string | undefined;
    for (let i = 0; i < queue.length && end === undefined; i++) {
      const at = queue[i]!;
      for (const to of graph.get(at) ?? []) {
        if (to === start) {
          end = at;
          break;
        }
        if (!members.has(to) || parent.has(to)) continue;
        parent.set(to, at);
        queue.push(to);
      }
    }
    const cycle = [start];
    for (let at = end; at !== undefined && at !== start; at = parent.get(at)) cycle.push(at);
    const path = [start, ...cycle.slice(1).reverse()];
    // The same loop, read from each of its modules (one array, not one copy per module).
    path.forEach((id, at) => loops.traced.set(id, { loop: path, at }));
  }
  cache.set(corpus, loops);
  return loops;
}

/** The loop read from its module at `at`: `a` → `b` → … → `a`, at most `SHOWN` modules and a count of the rest. */
function showLoop({ loop, at }: { loop: readonly string[]; at: number }): string {
  const name = (i: number) => `\`${loop[(at + i) % loop.length]!}\``;
  const back = name(0);
  if (loop.length <= SHOWN) return [...loop.map((_, i) => name(i)), back].join(' → ');
  const first = Array.from({ length: SHOWN - 1 }, (_, i) => name(i));
  return [...first, `… ${loop.length - (SHOWN - 1)} more …`, back].join(' → ');
}

export const rule: Rule = {
  id: 'no-prerequisite-cycle',
  severity: 'error',
  summary: 'Prerequisites never loop back to the module that needs them.',
  why: 'A loop (A needs B, B needs A) makes both modules impossible to start.',
  check({ module, corpus, reportAt }) {
    const start = module.raw?.id;
    if (typeof start !== 'string') return;
    const loops = loopsOf(corpus);
    if (!loops.looping.has(start)) return;
    const direct = indexOf(corpus).prerequisites.get(start) ?? [];
    const loop = loops.traced.get(start);
    // The prerequisite that leads round the loop: the traced one, else the first that loops too.
    const index = loop
      ? direct.indexOf(loop.loop[(loop.at + 1) % loop.loop.length]!)
      : direct.findIndex((id) => loops.looping.get(id) === loops.looping.get(start));
    const first = direct[index]!;
    reportAt(
      ['prerequisites', index],
      loop
        ? `Unexpected prerequisite loop ${showLoop(loop)}, expected no module to depend on itself`
        : `Unexpected prerequisite \`${first}\`, which leads back to \`${start}\` through other prerequisites, expected no module to depend on itself`,
      { hint: `Remove \`${first}\` from the prerequisites, or break the loop in one of the other modules.` },
    );
  },
};
