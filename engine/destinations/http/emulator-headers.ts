/**
 * The test emulators' bookkeeping header: how many throttle answers (429) the client had received when it sent a
 * request, so that an emulator can tell a request already on the wire when it gave a Retry-After from one that ignored
 * the pause. Sent only when the target is on the loopback interface and CRM_MIGRATE_TEST_EMULATOR=1, which no real
 * org is, so nothing of it ever reaches Dataverse or Salesforce.
 */
export const THROTTLES_SEEN_HEADER = 'x-crm-migrate-throttles-seen';
