import type { FieldMapping, TransformCall, TransformStep } from '../generated/pair-spec.js';
import type { PlatformField } from '../generated/platform-spec.js';
import type { Reporter } from './reporter.js';

type Constant = string | number | boolean;

/**
 * A constant the pair writes into a choice attribute (a field's `value`, a `map` target, an `if` or `default`
 * value) must be one of the attribute's options, by value or label in any case, as the destination compares them.
 * Otherwise every row carrying it is refused at load time; validate says so at the constant instead.
 */
export function checkOptionTargets(
  reporter: Reporter,
  field: PlatformField | undefined,
  mapping: FieldMapping,
  steps: readonly TransformStep[],
  at: string,
): void {
  const options = field?.options ?? [];
  if (field === undefined || options.length === 0) return;
  const allowed = new Set(options.flatMap((o) => [String(o.value).trim().toLowerCase(), o.label.trim().toLowerCase()]));
  const labels = options.map((o) => o.label);
  const candidates = [...new Set([...labels, ...options.map((o) => String(o.value))])];
  const shown = options.slice(0, 8).map((o) => (String(o.value) === o.label ? o.label : `${o.value} ${o.label}`));
  const where = `the options of "${field.name}" (${shown.join(', ')}${options.length > shown.length ? ', …' : ''})`;
  const check = (value: Constant | undefined, pointer: string): void => {
    if (value === undefined || typeof value === 'boolean') return;
    // A multi-select value is several options joined with `;`.
    const pieces = field.type === 'multipicklist' ? String(value).split(';') : [String(value)];
    for (const piece of pieces.map((p) => p.trim()).filter((p) => p !== '')) {
      if (!allowed.has(piece.toLowerCase())) reporter.unknown('spec/option-value', pointer, 'Value', piece, where, candidates);
    }
  };

  check(mapping.value, `${at}/value`);
  const last = steps.at(-1);
  if (last === undefined || typeof last === 'string') return;
  const stepAt = Array.isArray(mapping.transform) ? `${at}/transform/${steps.length - 1}` : `${at}/transform`;
  const call: TransformCall = last;
  // Only the last step's constants reach the attribute; an earlier step's output is rewritten by the next.
  if (call.name === 'map') (call.values ?? []).forEach((pair, k) => check(pair.to, `${stepAt}/values/${k}/to`));
  if (call.name === 'if' || call.name === 'default') check(call.value, `${stepAt}/value`);
  if (call.name === 'if') check(call.otherwise, `${stepAt}/otherwise`);
}
