import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestNames } from '../util/suggest.js';
import { packageRoot } from '../util/package-root.js';
import { prebuiltValidator } from './prebuilt-specs.js';

export type SpecKind = 'platform' | 'pair' | 'engagement' | 'estimator';

const SCHEMA_FILES: Record<SpecKind, string> = {
  platform: 'platform.schema.json',
  pair: 'pair.schema.json',
  engagement: 'engagement.schema.json',
  estimator: 'estimator.schema.json',
};

export const SPEC_KINDS = Object.keys(SCHEMA_FILES) as SpecKind[];

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The one place ajv's options are set: validators compiled here and those the build compiles ahead (with `source`,
 * which keeps their code) must report errors alike.
 */
export function newAjv(options: { source?: boolean } = {}): Ajv {
  return addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...(options.source === true ? { code: { source: true } } : {}) }));
}

/** A layer's schema, as text: what its prebuilt validator is found by. */
export function schemaText(kind: SpecKind): string {
  return readFileSync(join(packageRoot(), 'schemas', SCHEMA_FILES[kind]), 'utf8');
}

let ajv: Ajv | undefined;
const validators = new Map<SpecKind, ValidateFunction>();

function validatorFor(kind: SpecKind): ValidateFunction {
  const cached = validators.get(kind);
  if (cached) return cached;
  const text = schemaText(kind);
  const validate = prebuiltValidator(text) ?? (ajv ??= newAjv()).compile(JSON.parse(text) as object);
  validators.set(kind, validate);
  return validate;
}

/** Validates plain data against its layer's schema and turns ajv's errors into positioned diagnostics. */
export function checkSchema(kind: SpecKind, file: string, data: unknown): Diagnostic[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  return convertErrors(file, validate.errors ?? []);
}

function convertErrors(file: string, errors: readonly ErrorObject[]): Diagnostic[] {
  const relevant = dropAlternativeNoise(errors);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const err of relevant) {
    const diagnostic = convert(file, err);
    const id = `${diagnostic.pointer ?? ''}|${diagnostic.code}|${diagnostic.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic);
  }
  return out;
}

/**
 * `anyOf` reports every branch that failed. When a value fails all branches, the branch whose errors reach deepest
 * is the one the author was writing, so keep only errors at or below the deepest path and drop the `anyOf` summary.
 */
function dropAlternativeNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'anyOf') return false;
    for (const path of anyOfPaths) {
      if (e.instancePath !== path) continue;
      // A type mismatch at the anyOf's own path means "this branch wanted another type": noise when some other
      // error (from the branch that matched the type) exists at or below the same path.
      const others = errors.some((o) => o !== e && o.keyword !== 'anyOf' && o.keyword !== 'type' && o.instancePath.startsWith(path));
      if (e.keyword === 'type' && others) return false;
    }
    return true;
  });
}

function convert(file: string, err: ErrorObject): Diagnostic {
  const at = err.instancePath;
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestions = closestNames(name, allowed);
      return {
        code: 'spec/unknown-property',
        severity: 'error',
        message: `Property "${name}" is not allowed here.${didYouMean(suggestions)}`,
        file,
        pointer: `${at}/${escape(name)}`,
        reportOnKey: true,
        suggestions,
      };
    }
    case 'required':
      return {
        code: 'spec/missing-property',
        severity: 'error',
        message: `Property "${String(params['missingProperty'])}" is required here.`,
        file,
        pointer: at,
        reportOnKey: true,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const suggestions = closestNames(String(err.data), allowed, 1);
      return {
        code: 'spec/invalid-value',
        severity: 'error',
        message: `Value "${String(err.data)}" is not allowed; expected one of ${allowed.map((v) => `"${v}"`).join(', ')}.${didYouMean(suggestions)}`,
        file,
        pointer: at,
        suggestions,
      };
    }
    case 'type':
      return {
        code: 'spec/invalid-type',
        severity: 'error',
        message: `Expected ${String(params['type']).replaceAll(',', ' or ')} but found ${describe(err.data)}.`,
        file,
        pointer: at,
      };
    case 'format':
      return { code: 'spec/invalid-format', severity: 'error', message: `Value "${String(err.data)}" is not a valid ${String(params['format'])}.`, file, pointer: at };
    default:
      return { code: 'spec/invalid-value', severity: 'error', message: `Value ${sentenceCase(err.message ?? 'is invalid')}.`, file, pointer: at };
  }
}

function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` Did you mean "${suggestions[0]}"?` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function sentenceCase(text: string): string {
  return text.replace(/^must /, 'must ');
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
