import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../engine/run/ledger.js';

/**
 * The name and email index lookups read (an activity's "Contact Email" finds its contact). Batches record names
 * unindexed and a load's end settles them into the index; a kill in between must lose none of them.
 */
describe('Ledger names', () => {
  const email = (value: string): { kind: 'email'; value: string } => ({ kind: 'email', value });

  it('finds a load’s rows by email once the load has settled, ambiguous emails included, after a kill before settling', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-names-')), 'ledger.db');
    const killed = new Ledger(path);
    const run = killed.startRun('full', 'sqlite:x', 'pair', new Date('2026-01-01T00:00:00Z'));
    killed.commitBatch(run.id, { load: 'contacts', object: 'contact', batch: 1 }, [
      { sourceKey: 'C1', destId: 'd1', action: 'created', names: [email('ada@example.com')] },
      { sourceKey: 'C2', destId: 'd2', action: 'created', names: [email('shared@example.com')] },
    ]);
    killed.commitBatch(run.id, { load: 'contacts', object: 'contact', batch: 2 }, [
      { sourceKey: 'C3', destId: 'd3', action: 'created', names: [email('shared@example.com')] },
      { sourceKey: 'C4', destId: 'd4', action: 'created' },
    ]);
    // Not settled yet: the load has not finished, and nothing reads an unfinished load's names.
    expect(killed.keysNamed('contacts', 'email', 'ada@example.com')).toEqual([]);
    killed.close(); // the process dies here

    const resumed = new Ledger(path);
    try {
      resumed.settleNames();
      resumed.settleNames(); // a second settle (the next load's end) adds nothing twice
      expect(resumed.keysNamed('contacts', 'email', 'ada@example.com')).toEqual(['C1']);
      expect(resumed.keysNamed('contacts', 'email', 'shared@example.com')).toEqual(['C2', 'C3']);
      expect(resumed.keysNamed('accounts', 'email', 'ada@example.com')).toEqual([]);
      // A row recorded again by the resumed attempt is one entry, not two.
      resumed.commitBatch(run.id, { load: 'contacts', object: 'contact', batch: 1 }, [
        { sourceKey: 'C1', destId: 'd1', action: 'unchanged', names: [email('ada@example.com')] },
      ]);
      resumed.settleNames();
      expect(resumed.keysNamed('contacts', 'email', 'ada@example.com')).toEqual(['C1']);
    } finally {
      resumed.close();
    }
  });
});
