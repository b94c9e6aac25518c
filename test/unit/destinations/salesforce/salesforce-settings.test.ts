import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../../engine/destinations/http/redact-secrets.js';
import { readSettings, SalesforceSetupError } from '../../../../engine/destinations/salesforce/salesforce-settings.js';

const URL = 'https://acme.my.salesforce.com';
const noKey = async (): Promise<string> => {
  throw new Error('no file');
};

describe('Salesforce settings from the environment', () => {
  it('names the missing variable, never a value', async () => {
    await expect(readSettings(URL, { SALESFORCE_CLIENT_SECRET: 's3cr3t-value' }, noKey)).rejects.toThrow(/Set SALESFORCE_CLIENT_ID in the environment/);
    const error = await readSettings(URL, { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_PRIVATE_KEY_PATH: '/keys/server.key' }, async () => 'KEY').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceSetupError);
    expect((error as Error).message).toContain('SALESFORCE_USERNAME');
    await expect(readSettings(URL, { SALESFORCE_CLIENT_ID: 'app' }, noKey)).rejects.toThrow(/SALESFORCE_PRIVATE_KEY_PATH .* or SALESFORCE_CLIENT_SECRET/);
  });

  it('says an unreadable key file is unreadable without echoing its path contents', async () => {
    await expect(readSettings(URL, { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_USERNAME: 'u@x', SALESFORCE_PRIVATE_KEY_PATH: '/missing.key' }, noKey)).rejects.toThrow('SALESFORCE_PRIVATE_KEY_PATH names a file that cannot be read.');
  });

  it('takes client credentials from the org domain and JWT audience from SALESFORCE_LOGIN_URL', async () => {
    const cc = await readSettings(`${URL}/`, { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_CLIENT_SECRET: 'shh-123456' }, noKey);
    expect(cc.auth).toEqual({ kind: 'client-credentials', clientId: 'app', clientSecret: 'shh-123456', tokenUrl: URL });
    const jwt = await readSettings(URL, { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_USERNAME: 'u@x', SALESFORCE_PRIVATE_KEY_PATH: '/k', SALESFORCE_LOGIN_URL: 'https://test.salesforce.com' }, async () => 'PEM');
    expect(jwt.auth).toMatchObject({ kind: 'jwt-bearer', loginUrl: 'https://test.salesforce.com', username: 'u@x' });
    await expect(readSettings('acme.my.salesforce.com', { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_CLIENT_SECRET: 'x' }, noKey)).rejects.toThrow(/must name the org's domain/);
  });

  it('turns the emulator bookkeeping header on only for a loopback org and CRM_MIGRATE_TEST_EMULATOR=1, so a real org never sees it', async () => {
    const env = { SALESFORCE_CLIENT_ID: 'app', SALESFORCE_CLIENT_SECRET: 'shh-123456' };
    const headers = async (url: string, extra: Record<string, string>): Promise<boolean> => (await readSettings(url, { ...env, ...extra }, noKey)).emulatorHeaders;
    // A real org, even with the test variable left set in a shell: off.
    expect(await headers(URL, { CRM_MIGRATE_TEST_EMULATOR: '1' })).toBe(false);
    // A loopback org without the test variable (a developer's proxy): off.
    expect(await headers('http://127.0.0.1:4100', {})).toBe(false);
    expect(await headers('http://127.0.0.1:4100', { CRM_MIGRATE_TEST_EMULATOR: 'true' })).toBe(false);
    // The emulator, started by a test that asks for the header: on.
    expect(await headers('http://127.0.0.1:4100', { CRM_MIGRATE_TEST_EMULATOR: '1' })).toBe(true);
    expect(await headers('http://localhost:4100', { CRM_MIGRATE_TEST_EMULATOR: '1' })).toBe(true);
  });

  it('scrubs secrets, key lines and bearer tokens out of any message', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';
    const message = `failed with shh-123456 and MIIEvQIBADANBgkqhkiG9w0BAQEFAASC, header Authorization: Bearer 00Dxx!AQ.abc-def`;
    const clean = redactSecrets(message, ['shh-123456', key, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC']);
    expect(clean).not.toMatch(/shh-123456|MIIEvQ|00Dxx/);
    expect(clean).toContain('[redacted]');
  });
});
