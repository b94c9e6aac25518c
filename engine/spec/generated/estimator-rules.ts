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
 * The rules behind every complexity grade, timeline and price (`pairs/estimator.yaml`). Five factors, named as the product pages name them, read figures of the pair (or the record count): object compatibility, field mapping clarity, API constraints and data volume sensitivity score points, whose total picks the grade and its base fee; timeline complexity gives the typical weeks of the pair's object-count category, which the open decisions and the volume band lengthen.
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
 * How each factor scores. Reasons are reported in this order: object compatibility, field mapping clarity, timeline complexity, API constraints, data volume sensitivity.
 */
export interface EstimatorFactors {
  compatibility: CompatibilityFactor;
  mappingClarity: MappingClarityFactor;
  timeline: TimelineFactor;
  api: ApiFactor;
  volume: VolumeFactor;
}
/**
 * Scores the share of object rows that do not map 1:1 (0 to 1): the objects that need a mapping of their own.
 */
export interface CompatibilityFactor {
  title: FactorTitle;
  /**
   * Bands by the share of rows that are not 1:1, ascending; the first starts at 0.
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
 * Scores the decisions a person must take before loading, as a share of the object rows; each band also adds the weeks those decisions take to settle.
 */
export interface MappingClarityFactor {
  title: FactorTitle;
  decisions: DecisionWeights;
  /**
   * Bands by decisions per object row, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  bands: [ClarityBand, ...ClarityBand[]];
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
 * A band of decisions per object row: its points, and the weeks of customer sign-off it adds to the timeline.
 */
export interface ClarityBand {
  /**
   * Lowest share in the band (inclusive).
   */
  from: number;
  /**
   * Points the band adds to the total.
   */
  points: number;
  extraWeeks: WeekRange;
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
 * Timeline complexity: the pair's category by the number of rows in its object table, with the typical weeks end to end of a migration in that category.
 */
export interface TimelineFactor {
  title: FactorTitle;
  /**
   * Categories by object count, ascending; the first starts at 0.
   *
   * @minItems 1
   */
  categories: [ObjectCategory, ...ObjectCategory[]];
}
/**
 * An object-count category: pairs with `from` rows or more (up to the next category) typically take `weeks`.
 */
export interface ObjectCategory {
  /**
   * Fewest object rows in the category (inclusive).
   */
  from: number;
  /**
   * Points the category adds to the total.
   */
  points: number;
  weeks: WeekRange;
  label: Label;
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
 * Data volume sensitivity: the record count's band scores points, widens the timeline and adds a flat fee; the source's bulk API decides how much the band weighs.
 */
export interface VolumeFactor {
  title: FactorTitle;
  /**
   * Checked in order; the first rule whose conditions hold gives the weight the volume band's points are multiplied by. Keep a rule that matches every source last.
   *
   * @minItems 1
   */
  sensitivity: [SensitivityRule, ...SensitivityRule[]];
  /**
   * Bands by record count, ascending; the first starts at 0 and is also what an estimate without a record count assumes.
   *
   * @minItems 1
   */
  bands: [VolumeBand, ...VolumeBand[]];
}
/**
 * How strongly volume weighs for a kind of source API. A condition left out matches either value.
 */
export interface SensitivityRule {
  /**
   * Matches when the source's `api.documented` has this value (a source without `api` counts as undocumented).
   */
  documented?: boolean;
  /**
   * Matches when the source's `api.bulk` has this value (a source without `api` counts as having no bulk mode).
   */
  bulk?: boolean;
  /**
   * What the volume band's points are multiplied by.
   */
  weight: number;
  label: Label;
}
/**
 * A band of record counts: its points, the weeks it adds to the timeline and its flat fee.
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
 * A complexity grade: the points it starts at and its base fee.
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
