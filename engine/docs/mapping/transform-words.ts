import type { TransformCall, TransformStep } from '../../spec/generated/pair-spec.js';
import { TRANSFORMS, toCall } from '../../transforms/registry.js';

/**
 * A transform chain in plain words for the customer's admin, who reviews the map without reading YAML: one clause per
 * step, joined into a sentence. Steps the value table or stage table explain are named, and the table is shown beside.
 */
export function transformInWords(steps: TransformStep | readonly TransformStep[] | undefined, context: { sourceName: string; destinationName: string }): string {
  const calls = (steps === undefined ? [] : Array.isArray(steps) ? (steps as readonly TransformStep[]) : [steps as TransformStep]).map(toCall);
  if (calls.length === 0) return 'Copied as it is.';
  const clauses = calls.map((call) => stepInWords(call, context));
  const sentence = clauses.join('; then ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function stepInWords(call: TransformCall, { sourceName, destinationName }: { sourceName: string; destinationName: string }): string {
  switch (call.name) {
    case 'trim':
      return 'spaces around the text removed';
    case 'lower':
      return 'written in lower case';
    case 'upper':
      return 'written in upper case';
    case 'title-case':
      return 'each word capitalised';
    case 'strip-html':
      return 'HTML markup removed, the text and its line breaks kept';
    case 'date':
      return `read as a date in ${formatsOf(call, sourceName)} and written as a date`;
    case 'datetime':
      return `read as a date and time in ${formatsOf(call, sourceName)}${call.timeZone === undefined ? '' : ` (time zone ${call.timeZone})`} and written in UTC`;
    case 'money':
      return call.convert === undefined ? `read as an amount in ${sourceName}'s number format` : "read as an amount and converted into the engagement's currency at the agreed rates";
    case 'number':
      return `read as a number in ${sourceName}'s number format`;
    case 'integer':
      return 'read as a whole number';
    case 'boolean':
      return 'yes/no, true/false, 1/0 or checked read as yes or no';
    case 'email':
      return 'trimmed, lower-cased and checked to be an email address';
    case 'url':
      return 'trimmed, with https:// added when the address has no scheme';
    case 'phone':
      return 'written as + and groups of digits';
    case 'split-name':
      return `the ${call.part === 'first' ? 'first' : 'last'} name taken from the full name`;
    case 'split-address':
      return `the ${(call.part ?? 'street').replace('-', ' ')} taken from the address`;
    case 'join':
      return `the columns joined with ${separatorWords(call.separator ?? ' ')}`;
    case 'tags':
      return `the values split and joined again with ${separatorWords(call.separator ?? ';')}, as ${destinationName} writes a multi-select`;
    case 'map':
      return `translated through the value table below (${(call.values ?? []).length} values); a value missing from it stops the row`;
    case 'stage':
      return `the ${call.output ?? 'stage'} looked up in the stage table "${call.table ?? ''}"`;
    case 'default':
      return `"${String(call.value ?? '')}" when empty`;
    case 'prefix':
      return `"${String(call.value ?? '')}" put in front`;
    case 'first-non-empty':
      return 'the first of the columns that has a value';
    case 'if':
      return ifWords(call);
    default:
      // A transform added later still reads as its own description, never as nothing.
      return (TRANSFORMS.get(call.name)?.description ?? call.name).replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
  }
}

function formatsOf(call: TransformCall, sourceName: string): string {
  return call.formats === undefined || call.formats.length === 0 ? `${sourceName}'s export format` : call.formats.map((f) => `"${f}"`).join(' or ');
}

function separatorWords(separator: string): string {
  return separator === ' ' ? 'a space' : `"${separator}"`;
}

function ifWords(call: TransformCall): string {
  const condition = call.in === undefined ? 'when the first column has a value' : `when the first column is ${call.in.map((v) => `"${v}"`).join(' or ')}`;
  const then = call.value === undefined ? 'the second column' : `"${String(call.value)}"`;
  const otherwise = call.otherwise === undefined ? 'else the third column or nothing' : `else "${String(call.otherwise)}"`;
  return `${then} ${condition}, ${otherwise}`;
}
