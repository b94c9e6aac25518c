/* GENERATED from schemas/estimator.schema.json by npm run gen:types. Do not edit. */

/**
 * The factor's name as reasons show it, e.g. `Object count`.
 */
export type FactorTitle = string;
/**
 * A short lower-case phrase that ends a reason's sentence, e.g. `mid-sized scope`.
 */
export type Label = string;

/**
 * The rules behind every complexity grade, timeline and price (`pairs/estimator.yaml`). Each factor turns a figure of the pair (or the record count) into points through bands; the total picks the grade, the grade gives the weeks and the base fee, and the volume band widens the weeks and adds its fee.
 */
export interface EstimatorRules {
  /**
   * ISO 4217 code that every fee is written in, e.g. `USD`.
   */
  currency: string;
  /**
   * The largest record count the rules price. Above it the migration is scoped individually: no fixed price, and the timeline shows only its lower bound.
   */
  maxRecords: number;
  factors: EstimatorFactors;
  /**
   * Grades by total points, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  grades: [Grade, ...Grade[]];
  pricing: PricingRules;
}
/**
 * How each factor scores. Reasons are reported in this order: objects, lossy share, mapping clarity, API, volume.
 */
export interface EstimatorFactors {
  objects: ObjectCountFactor;
  lossyShare: LossyShareFactor;
  mappingClarity: MappingClarityFactor;
  api: ApiFactor;
  volume: VolumeFactor;
}
/**
 * Scores the number of rows in the pair's object table.
 */
export interface ObjectCountFactor {
  title: FactorTitle;
  /**
   * Bands by object count, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  bands: [ScoreBand, ...ScoreBand[]];
}
/**
 * A band of a factor: values from `from` up to the next band's `from` score `points`.
 */
export interface ScoreBand {
  /**
   * Lowest value in the band (inclusive).
   */
  from: number;
  /**
   * Points the band adds to the total.
   */
  points: number;
  label: Label;
}
/**
 * Scores the share of object rows that map lossy (0 to 1).
 */
export interface LossyShareFactor {
  title: FactorTitle;
  /**
   * Bands by lossy share, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  bands: [ScoreBand, ...ScoreBand[]];
}
/**
 * Scores the decisions a person must take before loading, as a share of the object rows.
 */
export interface MappingClarityFactor {
  title: FactorTitle;
  decisions: DecisionWeights;
  /**
   * Bands by decisions per object row, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  bands: [ScoreBand, ...ScoreBand[]];
}
/**
 * How many decisions each kind of item counts for.
 */
export interface DecisionWeights {
  /**
   * Per object row whose compatibility is `mapping-required`.
   */
  mappingRequiredRow: number;
  /**
   * Per stage table the customer confirms.
   */
  stageTable: number;
  /**
   * Per object row of kind `custom-fields` (each custom column is proposed and approved).
   */
  customFieldRow: number;
}
/**
 * Scores the source platform's API (`api.documented`, `api.bulk` in its platform spec).
 */
export interface ApiFactor {
  title: FactorTitle;
  /**
   * Checked in order; the first rule whose conditions all hold applies. Keep a rule that matches every source last.
   *
   * @minItems 1
   */
  rules: [ApiRule, ...ApiRule[]];
}
/**
 * Points for a kind of source API. A condition left out matches either value.
 */
export interface ApiRule {
  /**
   * Matches when the source's `api.documented` has this value (a source without `api` counts as undocumented).
   */
  documented?: boolean;
  /**
   * Matches when the source's `api.bulk` has this value (a source without `api` counts as having no bulk mode).
   */
  bulk?: boolean;
  /**
   * Points the rule adds to the total.
   */
  points: number;
  label: Label;
}
/**
 * Scores the record count, widens the timeline and adds a flat volume fee.
 */
export interface VolumeFactor {
  title: FactorTitle;
  /**
   * Bands by record count, ascending; the first starts at 0 and is also what an estimate without a record count assumes.
   *
   * @minItems 1
   */
  bands: [VolumeBand, ...VolumeBand[]];
}
/**
 * A band of record counts: its points, the weeks it adds to the grade's timeline and its flat fee.
 */
export interface VolumeBand {
  /**
   * Lowest record count in the band (inclusive).
   */
  from: number;
  /**
   * Points the band adds to the total.
   */
  points: number;
  extraWeeks: WeekRange;
  /**
   * Flat volume fee for the band, in `currency`; there is no fee per record.
   */
  fee: number;
  label: Label;
}
/**
 * A span of weeks: the shortest and the longest.
 */
export interface WeekRange {
  /**
   * Fewest weeks.
   */
  min: number;
  /**
   * Most weeks; not less than `min`.
   */
  max: number;
}
/**
 * A complexity grade: the points it starts at, its weeks and its base fee.
 */
export interface Grade {
  /**
   * The grade's letter, e.g. `B`.
   */
  letter: string;
  /**
   * The grade's name, e.g. `Standard`.
   */
  label: string;
  /**
   * Lowest total of points in the grade (inclusive).
   */
  from: number;
  weeks: WeekRange;
  /**
   * Base fee of the grade, in `currency`.
   */
  baseFee: number;
}
/**
 * The parts of the fee that do not depend on the grade or the volume band.
 */
export interface PricingRules {
  /**
   * Fee per row of the object table, in `currency`.
   */
  perObject: number;
}
