import type { InferredType } from '../discover/discovery.js';
import { stripDecoration } from './normalise.js';

/** The destination's naming convention for a new custom attribute, from its `customFieldPattern`. */
export type NamingStyle = 'dataverse' | 'salesforce';

export function namingStyle(pattern: string | undefined): NamingStyle {
  return pattern?.includes('__c') ? 'salesforce' : 'dataverse';
}

/** `Credit Limit` -> `new_creditlimit` (Dataverse) or `Credit_Limit__c` (Salesforce), following the pattern. */
export function customFieldName(header: string, pattern: string | undefined): string {
  const base = stripDecoration(header);
  const style = namingStyle(pattern);
  const template = pattern ?? (style === 'salesforce' ? '{name}__c' : 'new_{name}');
  let name: string;
  if (style === 'salesforce') {
    const parts = base.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
    name = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('_') || 'Field';
    if (/^\d/.test(name)) name = `X${name}`;
    name = name.slice(0, 40);
  } else {
    name = base.toLowerCase().replace(/[^a-z0-9]/g, '') || 'field';
    name = name.slice(0, 40);
  }
  return template.replace('{name}', name);
}

const TEXT_SIZES = [100, 255, 500, 1000, 2000, 4000];
const SALESFORCE_TEXT_MAX = 255;
const LONGTEXT: Record<NamingStyle, number> = { dataverse: 4000, salesforce: 32768 };

/** Type and length of a created attribute: text rounds up to a sensible size; too long for text becomes longtext. */
export function createdType(type: InferredType, maxLength: number, style: NamingStyle): { type: InferredType; maxLength?: number } {
  if (type === 'longtext') return { type, maxLength: LONGTEXT[style] };
  if (type !== 'text') return { type };
  const limit = style === 'salesforce' ? SALESFORCE_TEXT_MAX : TEXT_SIZES[TEXT_SIZES.length - 1]!;
  if (maxLength > limit) return { type: 'longtext', maxLength: LONGTEXT[style] };
  const size = TEXT_SIZES.find((s) => s >= maxLength && s <= limit) ?? limit;
  return { type, maxLength: size };
}
