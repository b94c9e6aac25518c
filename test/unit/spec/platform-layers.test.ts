import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDiagnostics, loadCatalog, specLibrary } from '../../../engine/spec/catalog.js';

/** A spec folder holding the given platform files (name → YAML text) under platforms/. */
function specFolder(platforms: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'platform-layers-'));
  mkdirSync(join(dir, 'platforms'));
  for (const [name, text] of Object.entries(platforms)) writeFileSync(join(dir, 'platforms', name), text);
  return dir;
}

describe('platforms read from several layers', () => {
  it('given a platform extending a bundled one, adds its objects and fields marked custom and keeps the base intact', async () => {
    const dir = specFolder({
      'acme.yaml': [
        'id: acme-dataverse',
        'name: Acme Dataverse',
        'extends: dynamics-365-sales',
        'roles: [destination]',
        'summary: Acme.',
        'objects:',
        '  - { name: account, label: Account, fields: [{ name: new_region, label: Region, type: text, maxLength: 40 }] }',
        '  - { name: new_goal, label: Goal, key: new_goalid, fields: [{ name: new_goalid, type: id }, { name: new_name, type: text, required: true }] }',
      ].join('\n'),
    });
    const catalog = await loadCatalog(specLibrary([dir]));
    expect(catalogDiagnostics(catalog).filter((d) => d.severity === 'error')).toEqual([]);
    const acme = catalog.platforms.get('acme-dataverse');
    const base = catalog.platforms.get('dynamics-365-sales');
    expect(acme?.index.field('account', 'new_region')).toMatchObject({ type: 'text', custom: true });
    expect(acme?.index.field('account', 'name')?.custom).toBeUndefined();
    expect(acme?.index.object('new_goal')).toMatchObject({ custom: true });
    expect(acme?.index.objectNames().length).toBe((base?.index.objectNames().length ?? 0) + 1);
    expect(base?.index.field('account', 'new_region')).toBeUndefined();
    expect(acme?.spec.rules).toEqual(base?.spec.rules);
  });

  it('given a platform extending one that does not exist, reports it at extends with a suggestion', async () => {
    const dir = specFolder({ 'acme.yaml': 'id: acme\nname: Acme\nextends: dynamics-365-sale\nroles: [destination]\nsummary: A.\nobjects: [{ name: x, label: X, fields: [] }]\n' });
    const catalog = await loadCatalog(specLibrary([dir]));
    const errors = catalogDiagnostics(catalog).filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'spec/unknown-platform', pointer: '/extends', suggestions: ['dynamics-365-sales'] })]);
    expect(catalog.platforms.has('acme')).toBe(false);
  });

  it('given two platforms extending each other, reports the cycle', async () => {
    const one = 'id: one\nname: One\nextends: two\nroles: [destination]\nsummary: A.\nobjects: [{ name: x, label: X, fields: [] }]\n';
    const dir = specFolder({ 'one.yaml': one, 'two.yaml': one.replace('id: one', 'id: two').replace('extends: two', 'extends: one') });
    const errors = catalogDiagnostics(await loadCatalog(specLibrary([dir]))).filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.pointer === '/extends' && /extends itself through/.test(d.message))).toBe(true);
  });

  it('given the two-role platforms, reads Salesforce\'s model as its export and Dynamics 365\'s exportObjects', async () => {
    const catalog = await loadCatalog(specLibrary());
    const salesforce = catalog.platforms.get('salesforce-sales-cloud');
    expect(salesforce?.sourceIndex.object('Account')).toMatchObject({ file: 'Account.csv', key: 'Id' });
    expect(salesforce?.index.object('Account')?.file).toBeUndefined();
    const dynamics = catalog.platforms.get('dynamics-365-sales');
    expect(dynamics?.sourceIndex.object('account')).toMatchObject({ file: 'Accounts.csv', key: '(Do Not Modify) Account', primaryName: 'Account Name' });
    expect(dynamics?.index.object('account')?.key).toBe('accountid');
    const vtiger = catalog.platforms.get('vtiger');
    expect(vtiger?.sourceIndex).toBe(vtiger?.index);
  });

  it('given two pair files with one id, reports the second naming the first and keeps the first', async () => {
    const dir = specFolder({});
    const pair = join(import.meta.dirname, '..', '..', 'e2e', 'extra-pair', 'specs', 'opencrm--salesforce-sales-cloud.yaml');
    copyFileSync(pair, join(dir, 'opencrm--salesforce-sales-cloud.yaml'));
    copyFileSync(pair, join(dir, 'z-copy.yaml'));
    const catalog = await loadCatalog(specLibrary([dir]));
    const duplicates = catalogDiagnostics(catalog).filter((d) => d.code === 'spec/duplicate-id' && d.pointer === '/id');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.file).toBe(join(dir, 'z-copy.yaml'));
    expect(duplicates[0]?.message).toContain(join(dir, 'opencrm--salesforce-sales-cloud.yaml'));
    expect(catalog.pairs.get('opencrm--salesforce-sales-cloud')?.document.file).toBe(join(dir, 'opencrm--salesforce-sales-cloud.yaml'));
  });
});
