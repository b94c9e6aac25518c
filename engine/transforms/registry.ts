import type { TransformCall, TransformStep } from '../spec/generated/pair-spec.js';
import type { FieldScope, TransformContext, TransformDefinition, Value } from './transform.js';
import { contextForField } from './format-scope.js';
import { CURRENCY_TRANSFORMS } from './currency.js';
import { EXPRESSION_TRANSFORMS } from './expressions.js';
import { foldCase, isEmpty, isList, joinValues } from './define.js';
import { ADDRESS_TRANSFORMS } from './address.js';
import { CHOICE_TRANSFORMS } from './choices.js';
import { CONTACT_TRANSFORMS } from './contact.js';
import { DATE_TRANSFORMS } from './dates.js';
import { NAME_TRANSFORMS } from './names.js';
import { NUMBER_TRANSFORMS } from './numbers.js';
import { STAGE_TRANSFORMS } from './stages.js';
import { TEXT_TRANSFORMS } from './text.js';

/** Every named transform, by name. */
export const TRANSFORMS: ReadonlyMap<string, TransformDefinition> = new Map(
  [
    ...TEXT_TRANSFORMS,
    ...DATE_TRANSFORMS,
    ...NUMBER_TRANSFORMS,
    ...CHOICE_TRANSFORMS,
    ...CONTACT_TRANSFORMS,
    ...NAME_TRANSFORMS,
    ...ADDRESS_TRANSFORMS,
    ...STAGE_TRANSFORMS,
    ...EXPRESSION_TRANSFORMS,
    ...CURRENCY_TRANSFORMS,
  ].map((definition) => [definition.name, definition]),
);

export function toCall(step: TransformStep): TransformCall {
  return typeof step === 'string' ? { name: step } : step;
}

function definitionOf(name: string): TransformDefinition {
  const definition = TRANSFORMS.get(name);
  if (definition === undefined) throw new Error(`unknown transform "${name}"`);
  return definition;
}

/** A field mapping's transform chain, ready to run on its values (see `compileTransforms`). */
export type TransformChain = (input: Value | readonly Value[]) => Value;

/**
 * A field mapping's transform chain with its steps, their definitions and the field's formats resolved once: a run
 * applies one chain per field to millions of rows. Several `from` columns reach the first step as a list only when it
 * combines them (`join`); otherwise they are joined with a space first, so that `from: [First, Last]` with
 * `title-case` reads naturally. With no steps the value passes through, empty as null. `scope` names the object and
 * columns the values come from, so that the formats declared for them apply. An unknown transform throws when the
 * chain runs, as it always has, not when it is made.
 */
export function compileTransforms(steps: TransformStep | TransformStep[] | undefined, baseContext: TransformContext, scope?: FieldScope): TransformChain {
  const context = contextForField(baseContext, scope);
  const calls = (steps === undefined ? [] : Array.isArray(steps) ? steps : [steps]).map(toCall);
  let definitions: TransformDefinition[] | undefined;
  let joinFirst = true;
  return (input) => {
    if (definitions === undefined) {
      definitions = calls.map((call) => definitionOf(call.name));
      joinFirst = definitions[0]?.multiInput !== true;
    }
    let value: Value | readonly Value[] = joinFirst && isList(input) ? joinValues(input) : input;
    for (let i = 0; i < calls.length; i++) value = (definitions[i] as TransformDefinition).apply(value, calls[i] as TransformCall, context);
    if (isList(value)) return joinValues(value);
    return isEmpty(value) ? null : value;
  };
}

/** Runs a transform chain once (see `compileTransforms`, which a loop over rows uses instead). */
export function applyTransforms(
  input: Value | readonly Value[],
  steps: TransformStep | TransformStep[] | undefined,
  baseContext: TransformContext,
  scope?: FieldScope,
): Value {
  return compileTransforms(steps, baseContext, scope)(input);
}

const ARGUMENT_KEYS = [
  'table',
  'output',
  'part',
  'value',
  'separator',
  'values',
  'formats',
  'timeZone',
  'in',
  'otherwise',
  'convert',
] as const;

function oneOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

/**
 * The first problem with a transform step's arguments, as one sentence, or undefined when the step is sound.
 * Whether a `stage` table exists depends on the pair and is the validator's to check.
 */
export function checkTransformCall(step: TransformStep): string | undefined {
  const call = toCall(step);
  const definition = TRANSFORMS.get(call.name);
  if (definition === undefined) return `"${call.name}" is not a known transform.`;
  for (const key of ARGUMENT_KEYS) {
    if (call[key] !== undefined && !definition.args.some((arg) => arg.name === key)) {
      const takes = definition.args.length === 0 ? 'takes no arguments' : `takes no argument "${key}"`;
      return `Transform "${call.name}" ${takes}.`;
    }
  }
  for (const arg of definition.args) {
    const given = call[arg.name];
    const choice = arg.values ? ` (${oneOf(arg.values)})` : '';
    if (given === undefined) {
      if (arg.required) return `Transform "${call.name}" needs the argument "${arg.name}"${choice}.`;
      continue;
    }
    if (arg.values && !arg.values.includes(String(given))) {
      const expected = oneOf(arg.values);
      return `"${String(given)}" is not a valid ${arg.name} for transform "${call.name}"; expected ${expected}.`;
    }
  }
  return checkSpecifics(call);
}

function checkSpecifics(call: TransformCall): string | undefined {
  if (call.name === 'map') {
    const values = call.values ?? [];
    if (values.length === 0) return 'Transform "map" needs at least one entry in "values".';
    const seen = new Set<string>();
    for (const pair of values) {
      const key = foldCase(pair.from);
      if (seen.has(key)) return `Transform "map" lists the value "${pair.from}" more than once (case is ignored).`;
      seen.add(key);
    }
  }
  // `join` may glue columns with nothing (country code and number); `tags` with nothing would lose the values.
  if (call.name === 'tags' && call.separator === '') return 'The separator of transform "tags" must not be empty.';
  return undefined;
}
