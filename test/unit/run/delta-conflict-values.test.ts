import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../../../engine/destinations/sandbox/sandbox.js';
import type { DestinationRecord } from '../../../engine/destinations/destination.js';
import type { PlannedLoad } from '../../../engine/plan/migration-plan.js';
import { conflictRows, type Conflict } from '../../../engine/run/conflicts.js';
import { DATAVERSE, setup, tempDir } from '../destinations/sandbox/fixtures.js';

/**
 * A delta holds a record someone edited in the destination and lists, per attribute, both values. Only attributes
 * that really differ are listed, compared as the destination stores them: a date read back as midnight UTC is the
 * same date the source maps to.
 */
const dir = tempDir();
afterEach(() => dir.remove());

const load = { id: 'contacts', fileName: 'contacts.csv', object: 'contact' } as PlannedLoad;

async function conflictOf(source: DestinationRecord, current: DestinationRecord): Promise<Conflict> {
  const sandbox = new Sandbox(dir.file('sandbox.db'));
  await sandbox.open(setup(DATAVERSE, ['contact']));
  try {
    const record = { sourceKey: 'contacts:C1', values: source, line: 7, names: [], fingerprint: 'f', modified: null };
    return { record, id: '003X', current, normal: { source: sandbox.normalize('contact', source), destination: sandbox.normalize('contact', current) } };
  } finally {
    await sandbox.close();
  }
}

describe('delta conflicts, compared in the destination\'s normal form', () => {
  it('does not list 1971-12-03T00:00:00Z against 1971-12-03, and lists the attribute someone did change', async () => {
    // birthdate is a date-time attribute: the source maps the day, the destination reads it back as midnight UTC.
    const conflict = await conflictOf({ birthdate: '1971-12-03', lastname: 'Lovelace' }, { birthdate: '1971-12-03T00:00:00Z', lastname: 'Byron' });
    const rows = conflictRows(load, conflict, 'kept the destination value');
    expect(rows.map((r) => [r.attribute, r.destination_value, r.source_value])).toEqual([['lastname', 'Byron', 'Lovelace']]);
    expect(rows[0]).toMatchObject({ file: 'contacts.csv', line: 7, source_key: 'contacts:C1', dest_id: '003X' });
  });

  it('treats an empty text and no value as the same, and still reports an edit outside the mapped attributes', async () => {
    const conflict = await conflictOf({ birthdate: '1971-12-03T00:00:00Z', firstname: '' }, { birthdate: '1971-12-03T00:00:00.000Z', firstname: null });
    const rows = conflictRows(load, conflict, 'kept the destination value');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.destination_value).toBe('(edited in attributes this pair does not write)');
  });
});
