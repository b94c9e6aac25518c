import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../engine/discover/discovery.js';
import { createdType, customFieldName } from '../../../engine/propose/custom-field-name.js';
import type { FieldMatcher } from '../../../engine/propose/field-matcher.js';
import { proposeCustomFields } from '../../../engine/propose/propose-custom-fields.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import type { PairSpec } from '../../../engine/spec/generated/pair-spec.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog([bundledPairsDir()]);
});
const pairOf = (id: string) => {
  const pair = catalog.pairs.get(id)!.spec as PairSpec;
  return { pair, destination: catalog.platforms.get(pair.destination)!.index };
};
const col = (object: string, column: string, type: ColumnProfile['type'], samples: string[]): ColumnProfile => ({
  object, file: `${object}.csv`, column, custom: true, type, samples, maxLength: Math.max(...samples.map((s) => s.length)), filled: 1, rows: 1,
});

describe('custom field names and sizes', () => {
  it('follows each destination convention', () => {
    expect(customFieldName('Credit Limit', 'new_{name}')).toBe('new_creditlimit');
    expect(customFieldName('cf_preferred_language', 'new_{name}')).toBe('new_preferredlanguage');
    expect(customFieldName('Credit Limit', '{name}__c')).toBe('Credit_Limit__c');
    expect(customFieldName('Partner_Program__c', '{name}__c')).toBe('Partner_Program__c');
  });
  it('rounds text lengths up and uses longtext sizes', () => {
    expect(createdType('text', 42, 'dataverse')).toEqual({ type: 'text', maxLength: 100 });
    expect(createdType('text', 180, 'salesforce')).toEqual({ type: 'text', maxLength: 255 });
    expect(createdType('text', 300, 'salesforce')).toEqual({ type: 'longtext', maxLength: 32768 });
    expect(createdType('longtext', 900, 'dataverse')).toEqual({ type: 'longtext', maxLength: 4000 });
    expect(createdType('money', 9, 'dataverse')).toEqual({ type: 'money' });
  });
});

describe('proposeCustomFields', () => {
  it('maps, creates and skips with proposed status, confidence and reason', () => {
    const { pair, destination } = pairOf('smart-crm-online--dynamics-365-sales');
    const out = proposeCustomFields({
      pair,
      destination,
      columns: [col('company', 'Fax', 'phone', ['+44 1']), col('company', 'Loyalty Points', 'integer', ['12']), col('company', 'Mobile', 'phone', ['+44 7']), col('nope', 'X', 'text', ['a'])],
    });
    expect(out[0]).toMatchObject({ action: 'map', to: 'fax', status: 'proposed' });
    expect(out[1]).toMatchObject({ action: 'create', to: 'new_loyaltypoints', type: 'integer' });
    expect(out[3]).toMatchObject({ action: 'skip' });
    for (const d of out) {
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
      expect(d.reason).toBeTruthy();
    }
  });
  it('never maps a money column to a non-money attribute, nor to an attribute a load already fills', () => {
    const { pair, destination } = pairOf('smart-crm-online--dynamics-365-sales');
    const [d] = proposeCustomFields({ pair, destination, columns: [col('company', 'Annual Revenue', 'money', ['100'])] });
    expect(d!.to).not.toBe('revenue'); // the accounts load already writes revenue
    if (d!.action === 'map') expect(destination.field('account', d!.to!)?.type).toBe('money');
  });
  it('does not give two columns the same attribute', () => {
    const { pair, destination } = pairOf('smart-crm-online--salesforce-sales-cloud');
    const out = proposeCustomFields({ pair, destination, columns: [col('company', 'Fax', 'phone', ['1']), col('company', 'Fax Number', 'phone', ['2'])] });
    expect(out[0]!.to).toBe('Fax');
    expect(out[1]!.to).not.toBe('Fax');
  });
  it('accepts a pluggable matcher', () => {
    const { pair, destination } = pairOf('smart-crm-online--salesforce-sales-cloud');
    const matcher: FieldMatcher = { rank: (_c, candidates) => [{ field: candidates.find((f) => f.name === 'Site')!, score: 0.99, why: 'oracle' }] };
    const [d] = proposeCustomFields({ pair, destination, matcher, columns: [col('company', 'Whatever', 'text', ['x'])] });
    expect(d).toMatchObject({ action: 'map', to: 'Site' });
    expect(d!.reason).toMatch(/oracle/);
  });
});
