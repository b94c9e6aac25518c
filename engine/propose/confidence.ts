/**
 * Confidence is a measured probability of being right, not a similarity score. Every proposal names the evidence it
 * rests on (its basis), and each basis carries the share of proposals of that basis that were right on the labelled
 * set in test/unit/propose/labelled/ (245 columns, 62 stage values, six export shapes), smoothed as
 * (right + 1) / (n + 2) so that a small bucket cannot claim certainty. `npx vitest run
 * test/unit/propose/calibration.test.ts` prints the measured rates next to these; when the proposer changes, the
 * table is re-measured, never the labels.
 */
export type ColumnBasis =
  | 'pair-column'
  | 'created-on'
  | 'modified-on'
  | 'modified-unsettable'
  | 'key'
  | 'bookkeeping'
  | 'owner'
  | 'owner-partial'
  | 'lookup'
  | 'lookup-partial'
  | 'reference-unplaced'
  | 'name-exact'
  | 'name-strong'
  | 'name-fair'
  | 'create-clear'
  | 'create-near'
  | 'already-filled'
  | 'not-loaded';

/** Measured: right/n on the labelled set, smoothed. `prior` marks a basis the set has no example of yet. */
export const COLUMN_CONFIDENCE: Record<ColumnBasis, number> = {
  'pair-column': 0.9, // 8/8
  'created-on': 0.89, // 7/7
  'modified-on': 0.8, // 3/3
  'modified-unsettable': 0.67, // 1/1
  key: 0.92, // 10/10
  bookkeeping: 0.7, // prior: Dynamics' hidden columns; no Dynamics-shaped export in the set
  owner: 0.92, // 10/10
  'owner-partial': 0.6, // prior: between half and nine tenths of the values are users
  lookup: 0.94, // 14/14
  'lookup-partial': 0.6, // prior
  'reference-unplaced': 0.89, // 7/7
  'name-exact': 0.99, // 94/94
  'name-strong': 0.88, // 6/6
  'name-fair': 0.86, // 17/19
  'create-clear': 0.9, // 52/57
  'create-near': 0.8, // 7/8
  'already-filled': 0.67, // 1/1
  'not-loaded': 0.9, // prior: no load reads the object, a fact of the pair
};

export type StageBasis = 'pair-row' | 'option-same' | 'pair-similar' | 'pair-partial' | 'closing-words' | 'option-similar' | 'probability-nearest' | 'first-stage-guess' | 'no-picklist';

export const STAGE_CONFIDENCE: Record<StageBasis, number> = {
  'pair-row': 0.96, // 25/25
  'option-same': 0.89, // 7/7
  'pair-similar': 0.91, // 9/9
  'pair-partial': 0.67, // 1/1
  'closing-words': 0.92, // 11/11
  'option-similar': 0.8, // 3/3
  'probability-nearest': 0.88, // 6/6
  'first-stage-guess': 0.3, // prior: no similar stage and no probability; a guess to be read
  'no-picklist': 0.2, // prior: nothing to map to; the source name is kept
};
