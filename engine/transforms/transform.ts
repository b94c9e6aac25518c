import type { ExportFormat, FormatOverrides } from '../spec/generated/platform-spec.js';
import type { StageRow, TransformCall } from '../spec/generated/pair-spec.js';

/** A value as it travels from a CSV cell to a destination attribute. */
export type Value = string | number | boolean | null;

/** What a transform may read besides its input: facts of the source platform and of the pair. */
export interface TransformContext {
  /** How the source platform writes dates, numbers and multi-value fields. */
  format: ExportFormat;
  /** The stage tables in force (pair defaults overlaid with the engagement's confirmed table), by id. */
  stageTables: ReadonlyMap<string, readonly StageRow[]>;
  /** Separator the destination uses between multi-select values. */
  multiValueSeparator?: string;
  /**
   * Formats narrower than `format` (per object, per column, per engagement), in the order they apply: each one
   * that covers a field's object and column overlays `format` for that field (see format-scope.ts).
   */
  formatLayers?: readonly FormatLayer[];
  /** The engagement's currency and exchange rates, for `currency`, `exchange-rate` and `money` with `convert`. */
  currency?: CurrencySettings;
}

export interface FormatLayer {
  /** The source object it covers; every object when absent. */
  object?: string;
  /** The column it covers; every column of `object` when absent. */
  column?: string;
  formats: FormatOverrides;
}

export interface CurrencySettings {
  /** ISO 4217 code of the engagement's currency (options.currency). */
  code: string;
  /** How many units of `code` one unit of each other currency is worth, by ISO code (options.rates). */
  rates: ReadonlyMap<string, number>;
}

/** Where a field's values come from, so that formats declared for that object or column apply to it. */
export interface FieldScope {
  object: string;
  columns: readonly string[];
}

export interface TransformArgument {
  name: keyof Omit<TransformCall, 'name'>;
  required: boolean;
  /** Allowed values, for arguments that are a choice. */
  values?: readonly string[];
}

/**
 * A named, pure transform. `apply` gets one value (or one per `from` column) and returns the new value, or throws a
 * TransformError whose message becomes the reason the row is skipped.
 */
export interface TransformDefinition {
  name: string;
  description: string;
  args: readonly TransformArgument[];
  /** True when the transform combines several `from` columns and receives them as an array. */
  multiInput?: boolean;
  apply(input: Value | readonly Value[], call: TransformCall, context: TransformContext): Value;
}

export class TransformError extends Error {
  override readonly name = 'TransformError';
}
