import { describe, expect, it } from 'vitest';
import { dataverseSettings } from '../../../../engine/destinations/dataverse/dataverse-settings.js';
import { navigationProperty, toBody, fromEntity } from '../../../../engine/destinations/dataverse/record-shape.js';
import { storedSourceKey, SOURCE_KEY_LENGTH } from '../../../../engine/destinations/stored-source-key.js';
import { classify } from '../../../../engine/destinations/dataverse/web-api-client.js';
import { tableSchema } from '../../../../engine/destinations/model/table-schema.js';
import type { PlatformObject } from '../../../../engine/spec/generated/platform-spec.js';
import { parseBatch } from '../../../emulators/dataverse/batch-multipart.js';

const ENV = { DATAVERSE_TENANT_ID: 't', DATAVERSE_CLIENT_ID: 'c', DATAVERSE_CLIENT_SECRET: 'very-secret-value' };

describe('Dataverse settings', () => {
  it('names a missing variable, never a value', () => {
    expect(() => dataverseSettings('https://org.crm.dynamics.com', { ...ENV, DATAVERSE_CLIENT_ID: '' })).toThrow(/DATAVERSE_CLIENT_ID/);
    expect(() => dataverseSettings('https://org.crm.dynamics.com', { DATAVERSE_TENANT_ID: 't', DATAVERSE_CLIENT_ID: 'c' })).toThrow(
      /DATAVERSE_CLIENT_SECRET, or DATAVERSE_CERTIFICATE_PATH/,
    );
  });

  it('refuses plain http except on loopback, so a secret never crosses a network in clear', () => {
    expect(() => dataverseSettings('http://org.crm.dynamics.com', ENV)).toThrow(/must use https/);
    expect(dataverseSettings('http://127.0.0.1:4000', ENV).orgUrl).toBe('http://127.0.0.1:4000');
    expect(dataverseSettings('https://org.crm.dynamics.com/', ENV).authorityHost).toBe('https://login.microsoftonline.com');
  });
});

describe('stored source keys', () => {
  it('escapes what alternate-key and external-id URLs refuse, keeping different keys different', () => {
    expect(storedSourceKey('accounts:ACC1')).toBe('accounts~3AACC1');
    expect(storedSourceKey('a/b?c&d+e%f')).toBe('a~2Fb~3Fc~26d~2Be~25f');
    expect(storedSourceKey('x~3Ay')).not.toBe(storedSourceKey('x:y'));
    expect(storedSourceKey('lines|12 A_b-c.d')).toBe('lines|12 A_b-c.d');
  });

  it('shortens long keys to a stable, distinct value that fits the field', () => {
    const a = storedSourceKey(`lines:${'x'.repeat(300)}|1`);
    const b = storedSourceKey(`lines:${'x'.repeat(300)}|2`);
    expect([...a].length).toBeLessThanOrEqual(SOURCE_KEY_LENGTH);
    expect(a).not.toBe(b);
    expect(storedSourceKey(`lines:${'x'.repeat(300)}|1`)).toBe(a);
  });
});

describe('failure classes', () => {
  it('pauses on 429 for its Retry-After, retries 5xx and dropped connections, refreshes on 401, and gives up on 400', () => {
    expect(classify({ status: 429, headers: { 'Retry-After': '3' } })).toEqual({ kind: 'throttled', retryAfterMs: 3000 });
    expect(classify({ status: 503 })).toEqual({ kind: 'transient' });
    expect(classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({ kind: 'transient' });
    expect(classify({ status: 401 })).toEqual({ kind: 'unauthorized' });
    expect(classify({ status: 400 })).toEqual({ kind: 'final' });
    expect(classify(new TypeError('bad argument'))).toEqual({ kind: 'final' });
  });
});

describe('record shape', () => {
  const contact: PlatformObject = {
    name: 'contact',
    label: 'Contact',
    key: 'contactid',
    fields: [
      { name: 'lastname', type: 'text', maxLength: 50 },
      { name: 'donotphone', type: 'boolean' },
      { name: 'parentcustomerid', type: 'lookup', targets: ['contact', 'account'] },
      { name: 'ownerid', type: 'owner', targets: ['systemuser', 'team'] },
      { name: 'birthdate', type: 'date' },
    ],
  };
  const schema = tableSchema(contact, [], {});

  it('binds lookups through their navigation property, one per target for a polymorphic lookup', async () => {
    const body = await toBody(schema, { lastname: 'Ng', donotphone: 'yes', parentcustomerid: 'A-1', ownerid: 'U-1' }, async (attribute) =>
      attribute.name === 'ownerid' ? { object: 'systemuser', entitySet: 'systemusers' } : { object: 'account', entitySet: 'accounts' },
    );
    expect(body).toEqual({
      lastname: 'Ng',
      donotphone: true,
      'parentcustomerid_account@odata.bind': '/accounts(A-1)',
      'ownerid@odata.bind': '/systemusers(U-1)',
    });
    expect(navigationProperty(schema.attributes.get('ownerid')!, 'systemuser')).toBe('ownerid');
    expect(await toBody(schema, { parentcustomerid: 'gone' }, async () => undefined)).toMatch(/names no contact or account record/);
  });

  it('binds through the navigation property the org reports when its metadata names one', async () => {
    // Dataverse names an activity's regarding property after the activity table too; no rule can guess that.
    const names = new Map([['parentcustomerid|account', 'parentcustomerid_account_contact']]);
    const body = await toBody(schema, { parentcustomerid: 'A-1' }, async () => ({ object: 'account', entitySet: 'accounts' }), names);
    expect(body).toEqual({ 'parentcustomerid_account_contact@odata.bind': '/accounts(A-1)' });
    expect(navigationProperty(schema.attributes.get('parentcustomerid')!, 'contact', names)).toBe('parentcustomerid_contact');
  });

  it('reads lookups from _name_value and revived dates back as the text the engine wrote', () => {
    const entity = { lastname: 'Ng', _parentcustomerid_value: 'A-1', birthdate: new Date('1980-02-03T00:00:00Z'), donotphone: false };
    expect(fromEntity(schema, entity, ['lastname', 'parentcustomerid', 'birthdate', 'donotphone', 'ownerid'])).toEqual({
      lastname: 'Ng',
      parentcustomerid: 'A-1',
      birthdate: '1980-02-03',
      donotphone: false,
      ownerid: null,
    });
  });
});

describe('$batch framing', () => {
  it('reads operations outside and inside change sets', () => {
    const body = [
      '--batch_1',
      'Content-Type: application/http',
      '',
      'GET /api/data/v9.2/accounts?$select=name HTTP/1.1',
      'Accept: application/json',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary=changeset_2',
      '',
      '--changeset_2',
      'Content-Type: application/http',
      '',
      "PATCH /api/data/v9.2/accounts(new_sourcekey='a') HTTP/1.1",
      'Content-Type: application/json',
      '',
      '{"name":"A"}',
      '--changeset_2--',
      '--batch_1--',
    ].join('\r\n');
    const parts = parseBatch(body, 'batch_1');
    expect(parts.map((p) => [p.method, p.target, p.changeSet, p.body])).toEqual([
      ['GET', '/api/data/v9.2/accounts?$select=name', undefined, ''],
      ['PATCH', "/api/data/v9.2/accounts(new_sourcekey='a')", 1, '{"name":"A"}'],
    ]);
  });
});
