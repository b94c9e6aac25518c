import { describe, expect, it } from 'vitest';
import { DataverseDestination } from '../../../../engine/destinations/dataverse/dataverse-destination.js';
import { bundledPairsDir, loadCatalog } from '../../../../engine/spec/catalog.js';
import { startDataverseEmulator } from '../../../emulators/dataverse/dataverse-emulator.js';

describe('Dataverse destination under load', () => {
  it('follows x-ms-dop-hint: never more requests in flight than the server advises, so none is refused for concurrency', async () => {
    const spec = (await loadCatalog([bundledPairsDir()])).platforms.get('dynamics-365-sales')?.spec;
    if (spec === undefined) throw new Error('The Dynamics 365 spec is missing.');
    // The emulator advertises its concurrency limit (6) in x-ms-dop-hint, well under the 52 the client starts with.
    const emulator = await startDataverseEmulator({
      spec,
      clients: [{ tenantId: 't', clientId: 'c', secret: 's' }],
      limits: { maxConcurrent: 6 },
      latencyMs: 15,
    });
    const destination = new DataverseDestination(emulator.url, {
      DATAVERSE_TENANT_ID: 't',
      DATAVERSE_CLIENT_ID: 'c',
      DATAVERSE_CLIENT_SECRET: 's',
      DATAVERSE_AUTHORITY_HOST: emulator.url,
    });
    try {
      expect(await destination.open({ destination: spec, objects: ['account'], customAttributes: [], users: [] })).toEqual([]);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, n) => destination.upsert('account', [{ sourceKey: `accounts:${n}`, values: { name: `Account ${n}` } }])),
      );
      expect(results.flat().every((r) => r.status === 'created')).toBe(true);
      expect(emulator.limits.maxConcurrentSeen).toBeLessThanOrEqual(6);
      expect(emulator.limits.refused).toBe(0);
      expect(emulator.store.tableOf('account').rows.size).toBe(40);
    } finally {
      await destination.close();
      await emulator.close();
    }
  });
});
