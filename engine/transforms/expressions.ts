import type { TransformDefinition, Value } from './transform.js';
import { foldCase, indexBy, isEmpty, isList } from './define.js';

/**
 * Mapping expressions over several `from` columns. They receive the columns as a list (they are `multiInput`), so a
 * field reads `from: [Actual Close Date, Expected Close Date]` with `transform: [first-non-empty, date]` and the
 * chain goes on with the one value chosen.
 */

const inputsOf = (input: Value | readonly Value[]): readonly Value[] => (isList(input) ? input : [input]);
const tidy = (value: Value | undefined): Value => (value === undefined || isEmpty(value) ? null : typeof value === 'string' ? value.trim() : value);

const firstNonEmpty: TransformDefinition = {
  name: 'first-non-empty',
  description: 'The first `from` column that is not empty, in the order listed (close date = actual, else expected).',
  args: [],
  multiInput: true,
  apply(input): Value {
    return tidy(inputsOf(input).find((v) => !isEmpty(v)));
  },
};

const candidateKey = (candidate: string | number | boolean): string => foldCase(String(candidate));

const matches = (subject: Value, candidates: readonly (string | number | boolean)[]): boolean =>
  indexBy(candidates, candidateKey).has(foldCase(String(subject)));

const ifTransform: TransformDefinition = {
  name: 'if',
  description:
    'A conditional value. The condition is on the first `from` column: its value is one of `in` (any case), or, without `in`, it is not empty. When true: `value`, else the second column (or the first when there is one); when false: `otherwise`, else the third column, else empty.',
  args: [
    { name: 'in', required: false },
    { name: 'value', required: false },
    { name: 'otherwise', required: false },
  ],
  multiInput: true,
  apply(input, call): Value {
    const inputs = inputsOf(input);
    const subject = inputs[0] ?? null;
    const holds = !isEmpty(subject) && (call.in === undefined || matches(subject, call.in));
    if (holds) return call.value ?? tidy(inputs.length > 1 ? inputs[1] : subject);
    return call.otherwise ?? tidy(inputs[2]);
  },
};

export const EXPRESSION_TRANSFORMS: readonly TransformDefinition[] = [firstNonEmpty, ifTransform];
