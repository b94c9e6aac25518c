import { DESTINATION_BUILT_ON, DESTINATION_FACTORY, DESTINATION_TARGETS, LAYERS, PENDING } from './stack.js';
import type { ImportEdge } from './import-graph.js';

/** An import that breaks the stack, with the rule it breaks in words a maintainer can act on. */
export type BackwardImport = ImportEdge & { rule: string };

/** The most specific folder of the stack a path belongs to (engine/spec/generated before engine/spec). */
export function folderOf(path: string): string | undefined {
  const folders = LAYERS.flat().filter((folder) => path === folder || path.startsWith(`${folder}/`));
  return folders.sort((a, b) => b.length - a.length)[0];
}

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

const targetOf = (path: string) => DESTINATION_TARGETS.find((target) => path.startsWith(`${target}/`));

/** Why `edge` breaks the stack, or undefined when it follows it. */
export function brokenRule(edge: ImportEdge): string | undefined {
  const from = folderOf(edge.from);
  const to = folderOf(edge.to);
  if (!from || !to) return undefined;
  if (from !== to) {
    const [fromLayer, toLayer] = [layerOf(from), layerOf(to)];
    if (toLayer < fromLayer) return `${from} (layer ${fromLayer + 1}) may not import upward into ${to} (layer ${toLayer + 1})`;
    if (toLayer === fromLayer) return `${from} may not import sideways into ${to}: they share layer ${fromLayer + 1}`;
  }
  const [fromTarget, toTarget] = [targetOf(edge.from), targetOf(edge.to)];
  const fromDestinations = edge.from.startsWith('engine/destinations/');
  const builtOn = fromTarget !== undefined && DESTINATION_BUILT_ON[fromTarget] === toTarget;
  if (fromDestinations && toTarget && fromTarget !== toTarget && !builtOn && edge.from !== DESTINATION_FACTORY) {
    return `${fromTarget ?? edge.from} may not import the ${toTarget} target: destinations share code only through ` +
      'destinations/model and the other shared destination files';
  }
  return undefined;
}

/** Every import of `edges` that goes upward or sideways, in file order. */
export function backwardImports(edges: readonly ImportEdge[]): BackwardImport[] {
  return edges.flatMap((edge) => {
    const rule = brokenRule(edge);
    return rule ? [{ ...edge, rule }] : [];
  });
}

/** True when `edge` is one of the backward imports PENDING still allows. */
export function isPending(edge: ImportEdge): boolean {
  return PENDING.some((pending) => pending.from === edge.from && pending.to === edge.to);
}
