/**
 * The engine's layers, top to bottom. A file may import its own folder or any folder in a lower layer; an import
 * into a higher layer ("upward") or into another folder of the same layer ("sideways") breaks the stack. The issue's
 * stack is cli → docs/reports → run → plan → source and destinations → spec → model/transforms/util; the layers
 * below refine it so that every engine folder has exactly one place (README, "Architecture", says why each sits
 * where it does).
 */

export const LAYERS: readonly (readonly string[])[] = [
  ['cli'],
  ['engine/docs', 'engine/reports'],
  ['engine/verify'],
  ['engine/run'],
  ['engine/propose'],
  ['engine/discover'],
  ['engine/plan', 'engine/estimate'],
  ['engine/source', 'engine/destinations', 'engine/sample'],
  ['engine/engagement'],
  ['engine/spec'],
  ['engine/model', 'engine/transforms'],
  // Data shapes and leaf helpers: the types generated from schemas/, diagnostics, the template renderer.
  ['engine/spec/generated', 'engine/diagnostics', 'engine/render'],
  ['engine/util'],
];

/**
 * Destination targets: none may import another sideways. What they share lives in the rest of engine/destinations
 * (the Destination interface, http, and destinations/model for schemas, coercion and dates).
 */
export const DESTINATION_TARGETS: readonly string[] = [
  'engine/destinations/dataverse',
  'engine/destinations/salesforce',
  'engine/destinations/sandbox',
  'engine/destinations/package',
];

/** The one destination file allowed to know every target: it picks one from the engagement's settings. */
export const DESTINATION_FACTORY = 'engine/destinations/open-destination.ts';

/**
 * A target built on another: the package target stages records in a sandbox file (same tables, ids and users) and
 * then writes that file out as import packages, so it uses the sandbox's public pieces, never the other way round.
 */
export const DESTINATION_BUILT_ON: Readonly<Record<string, string>> = {
  'engine/destinations/package': 'engine/destinations/sandbox',
};

/**
 * Backward imports still to remove, each with why it is still here. The import-order test fails on any backward
 * import not listed, and on a listed one that no longer exists, so this list only shrinks.
 */
export const PENDING: readonly { from: string; to: string; why: string }[] = [];
