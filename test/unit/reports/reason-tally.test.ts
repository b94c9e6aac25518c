import { describe, expect, it } from 'vitest';
import { ReasonTally } from '../../../engine/run/run-report.js';

/** The reconciliation's "why rows did not load": grouped by the kind of reason, each value still there to read. */
describe('reasons in the reconciliation', () => {
  it('keeps a reason as written when every row had the same one', () => {
    const tally = new ReasonTally();
    for (let i = 0; i < 3; i++) tally.add('day 30 does not exist in February 2023');
    expect(tally.list()).toEqual([{ reason: 'day 30 does not exist in February 2023', count: 3 }]);
  });

  it('groups reasons that differ only in values, and lists the values apart with their counts', () => {
    const tally = new ReasonTally();
    for (let i = 0; i < 3; i++) tally.add('day 30 does not exist in February 2023');
    tally.add('day 29 does not exist in February 2023');
    tally.add('the owner "a@example.com" is not a destination user');
    expect(tally.list()).toEqual([
      {
        reason: 'day … does not exist in February …',
        count: 4,
        values: [
          { reason: 'day 30 does not exist in February 2023', count: 3 },
          { reason: 'day 29 does not exist in February 2023', count: 1 },
        ],
      },
      { reason: 'the owner "a@example.com" is not a destination user', count: 1 },
    ]);
  });

  it('shows the five most frequent values and counts the rest, so a report stays short', () => {
    const tally = new ReasonTally();
    for (let n = 1; n <= 8; n++) for (let i = 0; i < n; i++) tally.add(`amount "${n}.00 EUR" is not a number`);
    const [group] = tally.list();
    expect(group?.count).toBe(36);
    expect(group?.values?.map((v) => v.count)).toEqual([8, 7, 6, 5, 4]);
    expect(group?.otherValues).toBe(3 + 2 + 1);
  });
});
