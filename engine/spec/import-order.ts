/**
 * Orders loads so that every record a lookup points at exists before the rows that point at it. A dependency that
 * may be filled in later (an optional lookup) can be deferred to a second pass; that is how a self-reference such as
 * a parent account, or a cycle of optional lookups, is broken. A cycle made only of hard dependencies cannot be broken.
 */
export interface Dependency {
  /** The load that must exist first. */
  from: string;
  /** The load that needs it. */
  to: string;
  /** True when the dependent rows can be written first and the reference set in a second pass. */
  deferrable: boolean;
  /** What causes the dependency, for messages (e.g. a lookup attribute or an ordering constraint). */
  via: string;
}

export interface ImportOrder {
  /** Load ids, dependencies first. */
  order: string[];
  /** Dependencies broken into a second pass. */
  deferred: Dependency[];
  /** Groups of loads joined by hard dependencies only, which no order satisfies. */
  cycles: string[][];
}

export function importOrder(loads: readonly string[], dependencies: readonly Dependency[]): ImportOrder {
  const known = new Set(loads);
  const deps = dependencies.filter((d) => known.has(d.from) && known.has(d.to));
  const cycles = stronglyConnected(loads, deps.filter((d) => !d.deferrable)).filter(
    (group) => group.length > 1 || deps.some((d) => !d.deferrable && d.from === group[0] && d.to === group[0]),
  );

  // Defer only what must be deferred: soft edges that close a cycle (self-references included).
  const deferred: Dependency[] = [];
  const kept: Dependency[] = [];
  for (const d of deps) {
    if (d.from === d.to) (d.deferrable ? deferred : kept).push(d);
  }
  const active = deps.filter((d) => d.from !== d.to);
  const soft = active.filter((d) => d.deferrable);
  const hard = active.filter((d) => !d.deferrable);
  const acyclic: Dependency[] = [...hard];
  for (const d of soft) {
    if (reaches(d.to, d.from, acyclic)) deferred.push(d);
    else acyclic.push(d);
  }
  return { order: topological(loads, acyclic), deferred, cycles };
}

function reaches(start: string, goal: string, edges: readonly Dependency[]): boolean {
  const stack = [start];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === goal) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const e of edges) if (e.from === node) stack.push(e.to);
  }
  return false;
}

/** Kahn's algorithm, stable: among loads ready at the same time, the spec's own order wins. */
function topological(loads: readonly string[], edges: readonly Dependency[]): string[] {
  const indegree = new Map(loads.map((l) => [l, 0]));
  for (const e of edges) if (e.from !== e.to) indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < loads.length) {
    const next = loads.find((l) => !done.has(l) && indegree.get(l) === 0);
    if (next === undefined) {
      // Only reachable with a hard cycle; keep the remaining loads in spec order so callers still get every load.
      for (const l of loads) if (!done.has(l)) order.push(l);
      break;
    }
    done.add(next);
    order.push(next);
    for (const e of edges) if (e.from === next && e.to !== next) indegree.set(e.to, (indegree.get(e.to) ?? 0) - 1);
  }
  return order;
}

/** Tarjan's strongly connected components. */
function stronglyConnected(nodes: readonly string[], edges: readonly Dependency[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const e of edges) {
      if (e.from !== node) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(node, Math.min(low.get(node) as number, low.get(e.to) as number));
      } else if (onStack.has(e.to)) {
        low.set(node, Math.min(low.get(node) as number, index.get(e.to) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group.reverse());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return groups;
}
