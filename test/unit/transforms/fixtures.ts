import type { StageRow, TransformStep } from '../../../engine/spec/generated/pair-spec.js';
import type { ExportFormat } from '../../../engine/spec/generated/platform-spec.js';
import { TransformError, type TransformContext, type Value } from '../../../engine/transforms/transform.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';

const base = { method: 'CSV export', references: 'name', owners: 'email' } as const;

/** The export formats of the platforms the pairs cover, as their platform specs declare them. */
export const FORMATS = {
  us: {
    ...base,
    dateFormat: 'MM/DD/YYYY',
    dateTimeFormat: 'MM/DD/YYYY HH:mm',
    currencySymbol: '$',
    multiValueSeparator: ';',
  },
  uk: { ...base, dateFormat: 'DD/MM/YYYY', dateTimeFormat: 'DD/MM/YYYY HH:mm:ss', currencySymbol: '£' },
  vtiger: {
    ...base,
    references: 'module-label',
    dateFormat: 'YYYY-MM-DD',
    dateTimeFormat: 'YYYY-MM-DD HH:mm:ss',
    multiValueSeparator: ' |##| ',
  },
  salesforce: {
    ...base,
    references: 'salesforce-id',
    dateFormat: 'YYYY-MM-DD',
    dateTimeFormat: 'YYYY-MM-DDTHH:mm:ss.000Z',
    multiValueSeparator: ';',
  },
  german: {
    ...base,
    dateFormat: 'DD.MM.YYYY',
    dateTimeFormat: 'DD.MM.YYYY HH:mm',
    decimalSeparator: ',',
    thousandsSeparator: '.',
    currencySymbol: '€',
  },
  french: {
    ...base,
    dateFormat: 'DD/MM/YYYY',
    dateTimeFormat: 'DD/MM/YYYY HH:mm',
    decimalSeparator: ',',
    thousandsSeparator: ' ',
  },
  swiss: {
    ...base,
    dateFormat: 'DD.MM.YYYY',
    dateTimeFormat: 'DD.MM.YYYY HH:mm',
    thousandsSeparator: "'",
    currencySymbol: 'CHF',
  },
  compact: { ...base, dateFormat: 'YYYYMMDD', dateTimeFormat: 'YYYYMMDDHHmmss', thousandsSeparator: '' },
} satisfies Record<string, ExportFormat>;

export type PlatformName = keyof typeof FORMATS;

export const DEAL_STAGES: readonly StageRow[] = [
  { source: 'Appointment Scheduled', stage: 'Qualification', probability: 20, outcome: 'Open' },
  { source: 'Contract Sent', stage: 'Negotiation/Review', probability: 80, outcome: 'Open' },
  { source: 'Closed Won', stage: 'Closed Won', probability: 100, outcome: 'Won' },
  { source: 'Closed Lost', stage: 'Closed Lost', probability: 0, outcome: 'Lost' },
  { source: 'Négociation', stage: 'Negotiation/Review', probability: 60, outcome: 'Open' },
];

export function contextFor(platform: PlatformName = 'us', destinationSeparator?: string): TransformContext {
  const context: TransformContext = { format: FORMATS[platform], stageTables: new Map([['deal-stages', DEAL_STAGES]]) };
  if (destinationSeparator !== undefined) context.multiValueSeparator = destinationSeparator;
  return context;
}

/** Runs one step (or a chain) the way the engine does. */
export function run(
  steps: TransformStep | TransformStep[],
  input: Value | readonly Value[],
  platform: PlatformName = 'us',
): Value {
  return applyTransforms(input, steps, contextFor(platform));
}

/** The TransformError a step throws; fails the test when it returns or throws anything else. */
export function failure(
  steps: TransformStep | TransformStep[],
  input: Value | readonly Value[],
  platform: PlatformName = 'us',
): TransformError {
  let result: Value;
  try {
    result = run(steps, input, platform);
  } catch (error) {
    if (error instanceof TransformError) return error;
    throw error;
  }
  throw new Error(`expected a TransformError, got ${JSON.stringify(result)}`);
}
