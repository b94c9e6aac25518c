import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeltaFilter, rowFingerprint } from '../../../engine/run/delta-filter.js';
import { Ledger } from '../../../engine/run/ledger.js';

describe('which rows a delta run moves', () => {
  let ledger: Ledger;
  const cells = ['10001', 'Ada', 'Lovelace', '05/06/2021 10:44'];

  beforeEach(() => {
    ledger = new Ledger(join(mkdtempSync(join(tmpdir(), 'delta-filter-')), 'ledger.db'));
    const run = ledger.startRun('full', 'sqlite:x', 'pair', new Date());
    ledger.commitBatch(run.id, { load: 'contacts', object: 'contact', batch: 1 }, [
      { sourceKey: '10001', destId: 'c-1', action: 'created', state: { fingerprint: rowFingerprint(cells), modified: '05/06/2021 10:44', version: '1' } },
      { sourceKey: '10002', destId: 'c-2', action: 'created', state: { fingerprint: rowFingerprint(['10002', 'Alan']), modified: null, version: '1' } },
    ]);
    ledger.finishRun(run.id, 'completed', new Date());
  });
  afterEach(() => ledger.close());

  it('trusts the modified timestamp where the export has one', () => {
    const filter = new DeltaFilter(ledger, 2);
    expect(filter.unchanged('contacts', '10001', rowFingerprint(cells), '05/06/2021 10:44')).toBe(true);
    expect(filter.unchanged('contacts', '10001', rowFingerprint(cells), '23/11/2026 09:00')).toBe(false);
  });

  it('compares content where the export has no timestamp', () => {
    const filter = new DeltaFilter(ledger, 2);
    expect(filter.unchanged('contacts', '10002', rowFingerprint(['10002', 'Alan']), null)).toBe(true);
    expect(filter.unchanged('contacts', '10002', rowFingerprint(['10002', 'Alan T.']), null)).toBe(false);
  });

  it('moves rows it has never written, and rows this same run already sent (for their second pass)', () => {
    expect(new DeltaFilter(ledger, 2).unchanged('contacts', '10003', rowFingerprint(['10003']), null)).toBe(false);
    expect(new DeltaFilter(ledger, 1).unchanged('contacts', '10001', rowFingerprint(cells), '05/06/2021 10:44')).toBe(false);
  });

  it('reports a removed row once per run (again to a resumed attempt of it), and again only if it comes back and goes again', () => {
    expect(ledger.rows.removed(2, 'contacts').map((r) => r.sourceKey)).toEqual(['10001', '10002']);
    // A resumed attempt of run 2 writes the run's removed.csv afresh, so it must hear of them again; run 3 does not.
    expect(ledger.rows.removed(2, 'contacts').map((r) => r.sourceKey)).toEqual(['10001', '10002']);
    expect(ledger.rows.removed(3, 'contacts')).toEqual([]);
    ledger.rows.markSeen(3, 'contacts', ['10001']);
    expect(ledger.rows.removed(4, 'contacts').map((r) => r.sourceKey)).toEqual(['10001']);
  });
});
