import { beforeAll, describe, expect, it } from 'vitest';
import { gotchaChecks } from '../../../engine/discover/gotcha-checks.js';
import { FindingCollector } from '../../../engine/discover/findings.js';
import type { ScanContext } from '../../../engine/discover/scan-context.js';
import type { PlannedLoad } from '../../../engine/plan/migration-plan.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import type { CustomAttribute } from '../../../engine/spec/generated/pair-spec.js';

/**
 * The gotcha findings on rows written here as Smart CRM exports them, checked against the real Salesforce spec:
 * Contact.FirstName holds 40 characters, and Tags__c is given the options an admin created.
 */
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog([bundledPairsDir()]);
});

const HEADERS = ['Contact ID', 'First Name', 'Tags'];
const TAGS: CustomAttribute = { object: 'Contact', name: 'Tags__c', label: 'Tags', type: 'multipicklist', options: ['VIP', 'Newsletter'] };

const load: PlannedLoad = {
  id: 'contacts',
  rowId: 'contact',
  sourceObject: 'contact',
  file: 'contacts.csv',
  fileName: 'contacts.csv',
  object: 'Contact',
  keyColumns: ['Contact ID'],
  fields: [
    { to: 'FirstName', columns: ['First Name'], steps: ['trim'], onError: 'blank' },
    { to: 'Tags__c', columns: ['Tags'], steps: [{ name: 'tags', separator: ';' }], onError: 'blank' },
  ],
  lookups: [],
  indexBy: [],
  nameColumns: [],
  knownColumns: HEADERS,
  duplicates: 'first',
} as unknown as PlannedLoad;

function findingsFor(rows: string[][]): ReturnType<FindingCollector['list']> {
  const source = catalog.platforms.get('smart-crm-online')?.sourceIndex;
  const destination = catalog.platforms.get('salesforce-sales-cloud')?.index;
  const findings = new FindingCollector();
  const ctx = { engagement: { source, destination }, plan: { customAttributes: [TAGS] }, findings } as unknown as ScanContext;
  const checks = gotchaChecks(load, ctx);
  const at = (cells: readonly string[], column: string | undefined): string => cells[HEADERS.indexOf(column ?? '')] ?? '';
  rows.forEach((cells, i) => checks.row(cells, { object: 'contact', file: 'contacts.csv', line: i + 2, key: cells[0] ?? '' }, at));
  return findings.list();
}

describe('gotcha findings before the load', () => {
  it('given a first name of 41 characters, reports text-too-long with its line and both lengths; 40 is fine', () => {
    const findings = findingsFor([
      ['C1', 'A'.repeat(40), ''],
      ['C2', ` ${'B'.repeat(41)} `, ''],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'text-too-long', object: 'contact', file: 'contacts.csv', column: 'First Name', count: 1 });
    expect(findings[0]?.examples).toEqual([{ line: 3, key: 'C2', value: '41 characters, FirstName holds 40' }]);
  });

  it('given a tag the multi-select does not offer, reports it by line; offered tags in any case are fine', () => {
    const findings = findingsFor([
      ['C1', 'Dana', 'vip; Newsletter'],
      ['C2', 'Omar', 'VIP;Trade Show 2024'],
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'unknown-choice-value', column: 'Tags', count: 1 });
    expect(findings[0]?.examples).toEqual([{ line: 3, key: 'C2', value: 'Trade Show 2024' }]);
  });

  it('given a clean export, reports nothing', () => {
    expect(findingsFor([['C1', 'Dana', 'VIP'], ['C2', 'Omar', '']])).toEqual([]);
  });
});
