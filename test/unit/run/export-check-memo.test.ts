import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../../e2e/real-exports/export-harness.js';
import { companies } from '../../e2e/safety/small-engagement.js';
import { inProcessEngagement, type InProcessEngagement } from './in-process-engagement.js';

/**
 * A run reuses the export check of the run before it only while nothing it depended on changed: reruns and deltas over
 * the same files skip re-reading them, and any changed byte is read and checked again.
 */
describe('the export check a run remembers', () => {
  let e: InProcessEngagement;
  const filesRead = async (options: { delta?: boolean } = {}): Promise<{ files: Set<string>; accounts: Record<string, unknown> | undefined }> => {
    const files = new Set<string>();
    const report = await e.apply({ ...options, onCheck: (file) => void files.add(file) });
    // Whether the check was read again or remembered, every file's rows are accounted for.
    expectEveryFileBalanced(report, e.exportDir);
    return { files, accounts: report.loads.find((l) => l.load === 'accounts') as Record<string, unknown> | undefined };
  };

  beforeAll(async () => {
    e = await inProcessEngagement({ companies: companies(6) });
  });

  it('given a first run, reads every file the plan loads; a delta over the same files reads none and counts 6 unchanged', async () => {
    const first = await filesRead();
    expect(first.files).toContain('companies.csv');
    expect(first.accounts).toMatchObject({ sourceRows: 6, created: 6 });
    const delta = await filesRead({ delta: true });
    expect(delta.files.size).toBe(0);
    expect(delta.accounts).toMatchObject({ sourceRows: 6, unchanged: 6, duplicates: 0 });
  });

  it('given a row appended that repeats key 101, reads the export again and reports the repeat as a duplicate', async () => {
    e.export({ companies: [...companies(6), { ...(companies(1, 101)[0] as Record<string, string>), 'Company Name': 'Company 101 again' }] });
    const run = await filesRead({ delta: true });
    expect(run.files).toContain('companies.csv');
    expect(run.accounts).toMatchObject({ sourceRows: 7, duplicates: 1 });
  });

  it('given a file at the top of the export that the pair does not read changes, checks again and counts its rows left behind', async () => {
    writeFileSync(join(e.exportDir, 'webforms.csv'), 'Form ID,Name\r\n1,Contact us\r\n2,Newsletter\r\n');
    const files = new Set<string>();
    const report = await e.apply({ delta: true, onCheck: (file) => void files.add(file) });
    expect(files).toContain('companies.csv');
    expectEveryFileBalanced(report, e.exportDir);
    expect(report.export?.notInScope).toContainEqual(expect.objectContaining({ file: 'webforms.csv', rows: 2 }));
  });
});
