import type { ImportEdge } from './import-graph.js';

/**
 * Groups of files that import each other in a ring (strongly connected components of the import graph, Tarjan's
 * algorithm), each sorted, largest first. A ring means no file of it can be read, tested or moved without the others,
 * which is how a concept split over several files shows (run/ once had a ring of 12 around its queues and reports).
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const rings: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const ring: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      ring.push(member);
      if (member === file) break;
    }
    if (ring.length > 1) rings.push(ring.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return rings.sort((a, b) => b.length - a.length);
}
