import { describe, expect, it } from 'vitest';
import { DataverseDestination } from '../../../../engine/destinations/dataverse/dataverse-destination.js';
import { bundledPairsDir, loadCatalog } from '../../../../engine/spec/catalog.js';
import { startDataverseEmulator } from '../../../emulators/dataverse/dataverse-emulator.js';

const spec = (await loadCatalog([bundledPairsDir()])).platforms.get('dynamics-365-sales')?.spec;
if (spec === undefined) throw new Error('The Dynamics 365 spec is missing.');
const setup = { destination: spec, objects: ['account'], customAttributes: [], users: [] };
const CREDENTIALS = { DATAVERSE_TENANT_ID: 't', DATAVERSE_CLIENT_ID: 'c', DATAVERSE_CLIENT_SECRET: 's' };

/** A sign-in service that cannot be reached is a network problem, not wrong credentials: the message says which. */
describe('Dataverse sign-in failures', () => {
  it('says the sign-in host did not resolve (DNS) instead of blaming the tenant, client id and secret', async () => {
    const destination = new DataverseDestination('https://no-such-org.invalid', { ...CREDENTIALS, DATAVERSE_AUTHORITY_HOST: 'https://login.no-such-cloud.invalid' });
    const error = await destination.open(setup).then(() => undefined, (e: unknown) => e as Error);
    await destination.close();
    expect(error?.message).toMatch(/could not be resolved \(DNS, (ENOTFOUND|EAI_AGAIN)\)/);
    expect(error?.message).not.toMatch(/check the tenant, client id and secret/);
  });

  it('still blames the credentials when the sign-in service answers no', async () => {
    const emulator = await startDataverseEmulator({ spec, clients: [{ tenantId: 't', clientId: 'c', secret: 's' }] });
    const destination = new DataverseDestination(emulator.url, { ...CREDENTIALS, DATAVERSE_CLIENT_SECRET: 'wrong', DATAVERSE_AUTHORITY_HOST: emulator.url });
    try {
      const error = await destination.open(setup).then(() => undefined, (e: unknown) => e as Error);
      expect(error?.message).toMatch(/check the tenant, client id and secret/);
    } finally {
      await destination.close();
      await emulator.close();
    }
  });
});
