import { EXIT } from '../exit-codes.js';

/** What went wrong, for machines: a stable code, the exit code, and where a person should look. */
export interface EnvelopeError {
  /** Stable and dotted or slashed by area (`run/threshold`, `csv/parse`, `cli/usage`); documented in the README. */
  code: string;
  message: string;
  exitCode: number;
  file?: string;
  line?: number;
  hint?: string;
}

/**
 * The one JSON document every command prints with `--json`, success and failure alike (schemas/cli-envelope.schema.json).
 * `result` is the command's data; on a failure after work was done (rows past the threshold, mismatches, a refused
 * run) it still holds what was done, and `error` says why the exit code is not 0.
 */
export interface Envelope<T> {
  status: 'success' | 'error';
  result: T | null;
  warnings: string[];
  error?: EnvelopeError;
}

export function successEnvelope<T>(result: T, warnings: readonly string[] = []): Envelope<T> {
  return { status: 'success', result, warnings: [...warnings] };
}

export function errorEnvelope<T>(error: EnvelopeError, result: T | null = null, warnings: readonly string[] = []): Envelope<T> {
  return { status: 'error', result, warnings: [...warnings], error: withoutUndefined(error) };
}

/** The code a failure gets when the command named none: the exit code's own name. */
export function defaultErrorCode(exitCode: number): string {
  const name = (Object.keys(EXIT) as (keyof typeof EXIT)[]).find((k) => EXIT[k] === exitCode);
  return name === undefined ? 'exit/unknown' : `exit/${name}`;
}

function withoutUndefined(error: EnvelopeError): EnvelopeError {
  return Object.fromEntries(Object.entries(error).filter(([, v]) => v !== undefined)) as unknown as EnvelopeError;
}
