import type { EngagementSpec, FormatDecision } from '../spec/generated/engagement-spec.js';
import type { ExportFormat, FormatOverrides, PlatformSpec } from '../spec/generated/platform-spec.js';
import type { FieldScope, FormatLayer, TransformContext } from './transform.js';

const OVERRIDE_KEYS = [
  'dateFormats',
  'dateTimeFormats',
  'timeZone',
  'locale',
  'decimalSeparator',
  'thousandsSeparator',
  'currencySymbol',
  'currency',
] as const satisfies readonly (keyof FormatOverrides & keyof ExportFormat)[];

/** `format` with the keys `overrides` sets replaced; the keys it leaves out keep their value. */
export function overlay(format: ExportFormat, overrides: FormatOverrides): ExportFormat {
  const out: ExportFormat = { ...format };
  for (const key of OVERRIDE_KEYS) {
    const value = overrides[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

function covers(layer: FormatLayer, scope: FieldScope): boolean {
  if (layer.object !== undefined && layer.object !== scope.object) return false;
  return layer.column === undefined || scope.columns.includes(layer.column);
}

const scoped = new WeakMap<TransformContext, Map<string, TransformContext>>();

/**
 * The context a field's transforms run in: the platform's format with every layer that covers the field's object
 * and columns laid over it in order. Fields are many and layers few, so the result is kept per object and columns.
 */
export function contextForField(context: TransformContext, scope: FieldScope | undefined): TransformContext {
  const layers = context.formatLayers ?? [];
  if (scope === undefined || layers.length === 0) return context;
  const key = `${scope.object}\u0000${scope.columns.join('\u0000')}`;
  let byScope = scoped.get(context);
  if (byScope === undefined) {
    byScope = new Map();
    scoped.set(context, byScope);
  }
  const cached = byScope.get(key);
  if (cached !== undefined) return cached;
  const applying = layers.filter((layer) => covers(layer, scope));
  const result = applying.length === 0 ? context : { ...context, format: applying.reduce((f, l) => overlay(f, l.formats), context.format) };
  byScope.set(key, result);
  return result;
}

/**
 * Every format narrower than the platform's `export` block, broadest first: the platform's per-object and
 * per-column formats, then the engagement's time zone, its export-wide formats, its per-object and its per-column
 * ones. A later layer wins where both cover a field.
 */
export function formatLayersOf(platform: PlatformSpec, engagement: EngagementSpec): FormatLayer[] {
  const layers: FormatLayer[] = [];
  for (const object of platform.objects) {
    if (object.formats !== undefined) layers.push({ object: object.name, formats: object.formats });
  }
  for (const object of platform.objects) {
    for (const field of object.fields) {
      if (field.formats !== undefined) layers.push({ object: object.name, column: field.name, formats: field.formats });
    }
  }
  const timeZone = engagement.options?.timeZone;
  if (timeZone !== undefined) layers.push({ formats: { timeZone } });
  const decisions = engagement.formats ?? [];
  const rank = (d: FormatDecision): number => (d.column !== undefined ? 2 : d.object !== undefined ? 1 : 0);
  for (const decision of [...decisions].sort((a, b) => rank(a) - rank(b))) {
    const { object, column, ...formats } = decision;
    layers.push({ ...(object === undefined ? {} : { object }), ...(column === undefined ? {} : { column }), formats });
  }
  return layers;
}

/** What an engagement adds to every transform context: its format layers over the source platform, and its money. */
export function engagementTransformSettings(platform: PlatformSpec, engagement: EngagementSpec): Pick<TransformContext, 'formatLayers' | 'currency'> {
  return {
    formatLayers: formatLayersOf(platform, engagement),
    currency: {
      code: engagement.options?.currency ?? 'USD',
      rates: new Map((engagement.options?.rates ?? []).map((r) => [r.code, r.rate])),
    },
  };
}
