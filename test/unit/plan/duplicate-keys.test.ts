import { describe, expect, it } from 'vitest';
import { DuplicateKeys } from '../../../engine/plan/duplicate-keys.js';

describe('duplicate source keys among many rows', () => {
  it('given 200,000 distinct keys and three repeats spread over the file, reports exactly the repeats with the line each repeats', () => {
    const keys = new DuplicateKeys('first');
    for (let line = 2; line < 200_002; line += 1) keys.add(`C${line}`, line, [`C${line}`, `name ${line}`]);
    keys.add('C2', 200_002, ['C2', 'name 2']);
    keys.add('C150000', 200_003, ['C150000', 'someone else']);
    keys.add('C2', 200_004, ['C2', 'name 2']);
    const rows = keys.rows();
    expect(rows).toHaveLength(3);
    expect(rows).toEqual([
      { line: 200_002, of: 2, exact: true, action: 'duplicate' },
      { line: 200_003, of: 150_000, exact: false, action: 'duplicate' },
      { line: 200_004, of: 2, exact: true, action: 'duplicate' },
    ]);
  });

  it('given the hold policy, holds every row of a repeated key, the first included', () => {
    const keys = new DuplicateKeys('hold');
    keys.add('A', 2, ['A', 'x']);
    keys.add('B', 3, ['B', 'y']);
    keys.add('A', 4, ['A', 'z']);
    expect(keys.rows()).toEqual([
      { line: 2, of: 4, exact: true, action: 'held' },
      { line: 4, of: 2, exact: false, action: 'held' },
    ]);
  });
});
