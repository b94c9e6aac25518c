import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../engine/run/ledger.js';

/** What an interrupted attempt of a run wrote, as the resumed attempt asks for it to count its figures. */
describe('Ledger.earlierAttempt', () => {
  it('answers created or updated for rows the killed attempt wrote, and nothing for rows it only patched, left alone, or another run wrote', () => {
    const ledger = new Ledger(join(mkdtempSync(join(tmpdir(), 'ledger-attempt-')), 'ledger.db'));
    try {
      const first = ledger.startRun('full', 'sqlite:x', 'pair', new Date('2026-01-01T00:00:00Z'));
      ledger.commitBatch(first.id, { load: 'accounts', object: 'account', batch: 1 }, [{ sourceKey: 'A0', destId: 'id-0', action: 'created' }]);
      ledger.finishRun(first.id, 'completed', new Date('2026-01-01T00:01:00Z'));

      const run = ledger.startRun('full', 'sqlite:x', 'pair', new Date('2026-01-02T00:00:00Z'));
      ledger.commitBatch(run.id, { load: 'accounts', object: 'account', batch: 1 }, [
        { sourceKey: 'A1', destId: 'id-1', action: 'created' },
        { sourceKey: 'A0', destId: 'id-0', action: 'updated', previous: { name: 'old' } },
        { sourceKey: 'A2', destId: 'id-2', action: 'unchanged' },
      ]);
      // The second pass set a lookup on A1 (created above) and on A3, which the first pass left as it was.
      ledger.commitBatch(run.id, { load: 'accounts', object: 'account', batch: 1_000_001 }, [
        { sourceKey: 'A1', destId: 'id-1', action: 'patched', previous: { parent: null } },
        { sourceKey: 'A3', destId: 'id-3', action: 'patched', previous: { parent: null } },
      ]);

      const asked = ['A0', 'A1', 'A2', 'A3', 'A4'].map((key) => [key, ledger.earlierAttempt(run.id, 'accounts', key)]);
      expect(asked).toEqual([
        ['A0', 'updated'],
        ['A1', 'created'],
        ['A2', undefined],
        ['A3', undefined],
        ['A4', undefined],
      ]);
      // Another load with the same source key is another row.
      expect(ledger.earlierAttempt(run.id, 'contacts', 'A1')).toBeUndefined();
      // The batch form, which a resumed run asks once per batch of rows it passes over, answers the same.
      expect(ledger.earlierAttempts(run.id, 'accounts', ['A0', 'A1', 'A2', 'A3', 'A4'])).toEqual(new Map([['A0', 'updated'], ['A1', 'created']]));
      expect(ledger.earlierAttempts(run.id, 'contacts', ['A0', 'A1'])).toEqual(new Map());
    } finally {
      ledger.close();
    }
  });
});

describe('RowStates.removed', () => {
  it('reports a row gone from the source once per run, and again to the same run when it is resumed', () => {
    const ledger = new Ledger(join(mkdtempSync(join(tmpdir(), 'ledger-removed-')), 'ledger.db'));
    try {
      const state = { fingerprint: 'f', modified: null, version: '1' };
      ledger.rows.put(1, 'accounts', 'A1', { object: 'account', destId: 'd1' }, state);
      ledger.rows.put(1, 'accounts', 'A2', { object: 'account', destId: 'd2' }, state);
      // Run 2 (a delta) sees A1 only, and is killed after reporting A2; its resumed attempt reports A2 again.
      ledger.rows.markSeen(2, 'accounts', ['A1']);
      expect(ledger.rows.removed(2, 'accounts').map((r) => r.sourceKey)).toEqual(['A2']);
      expect(ledger.rows.removed(2, 'accounts').map((r) => r.sourceKey)).toEqual(['A2']);
      // A later run does not report it a second time.
      ledger.rows.markSeen(3, 'accounts', ['A1']);
      expect(ledger.rows.removed(3, 'accounts')).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});
