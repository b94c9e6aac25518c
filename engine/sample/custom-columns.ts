import type { PlatformField, PlatformSpec } from '../spec/generated/platform-spec.js';
import { shapeOf } from './column-roles.js';
import { fieldSemantic } from './header-words.js';
import type { ColumnRole, CustomColumn } from './types.js';

/**
 * Columns a customer added to their CRM, appended after the standard headers as real exports do. Discovery must
 * find them and infer their type from the values, so they cover every type the manifest can name. Platforms whose
 * own custom fields end in `__c` get API-style names (`Customer_Since__c`), others the label.
 */
interface Template {
  label: string;
  type: CustomColumn['type'];
  options?: string[];
}

const TEMPLATES: readonly Template[] = [
  { label: 'Customer Since', type: 'date' },
  { label: 'Credit Limit', type: 'money' },
  { label: 'Sales Region', type: 'picklist', options: ['North', 'South', 'DACH', 'Nordics', 'Benelux'] },
  { label: 'Loyalty Points', type: 'integer' },
  { label: 'Newsletter Opt-In', type: 'boolean' },
  { label: 'Preferred Language', type: 'picklist', options: ['English', 'Deutsch', 'Français', 'Español', '日本語'] },
  { label: 'LinkedIn Profile', type: 'url' },
  { label: 'Discount Rate', type: 'decimal' },
  { label: 'Last Audit', type: 'datetime' },
  { label: 'Internal Remarks', type: 'longtext' },
  { label: 'Billing Contact Email', type: 'email' },
  { label: 'Support Hotline', type: 'phone' },
  { label: 'Legacy Account Code', type: 'text' },
  { label: 'Contract Type', type: 'picklist', options: ['Annual', 'Monthly', 'Multi-year'] },
  { label: 'Renewal Date', type: 'date' },
];

function usesApiNames(spec: PlatformSpec): boolean {
  return (spec.objects ?? []).some((o) => (o.fields ?? []).some((f) => f.name.endsWith('__c')));
}

/**
 * Three custom columns for the `ordinal`-th written object, never clashing with a standard header. An object
 * without a long text field gets the long text one first, so every file has somewhere to carry multi-line values.
 */
export function customColumnsFor(spec: PlatformSpec, object: string, file: string, ordinal: number, fields: readonly PlatformField[]): CustomColumn[] {
  const api = usesApiNames(spec);
  const taken = fields.map((f) => f.name);
  const longText = TEMPLATES.find((t) => t.type === 'longtext') as Template;
  const order = [...(fields.some((f) => f.type === 'longtext') ? [] : [longText]), ...TEMPLATES.map((_, i) => TEMPLATES[(ordinal * 3 + i) % TEMPLATES.length] as Template)];
  const out: CustomColumn[] = [];
  for (const template of order) {
    if (out.length === 3) break;
    const column = api ? `${template.label.replace(/[^A-Za-z0-9]+/g, '_')}__c` : template.label;
    if ([...taken, ...out.map((c) => c.column)].some((t) => t.toLowerCase() === column.toLowerCase())) continue;
    out.push({ object, file, column, type: template.type, ...(template.options ? { options: [...template.options] } : {}) });
  }
  return out;
}

/** How a custom column's cells are written: a fifth are blank, as custom fields often are. */
export function customRole(custom: CustomColumn): ColumnRole {
  if (custom.options) return { kind: 'choice', values: custom.options, blankable: true };
  const field: PlatformField = { name: custom.column, type: custom.type };
  const semantic = custom.type === 'text' ? 'code' : custom.type === 'email' ? 'email' : fieldSemantic(field, false);
  return { kind: 'value', shape: shapeOf(field, semantic, []), blankable: 0.2 };
}
