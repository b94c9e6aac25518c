import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { runCliAsync } from '../run-cli.js';

/*
 * A call log exported from a phone system: no id column at all, so nothing identifies a row but its place in the
 * file. The pair keys it by row; a rerun of the same file must upsert, not duplicate, and the run must say that a
 * delta cannot follow such rows.
 */
const PLATFORM = `id: call-log
name: Call log
extends: smart-crm-online
roles: [source]
summary: Smart CRM Online with a phone system's call log beside it.
objects:
  - name: call
    label: Call
    file: calls.csv
    primaryName: Subject
    fields:
      - { name: Subject, type: text, required: true }
      - { name: Called At, type: datetime }
`;

const PAIR = `id: call-log--dynamics-365-sales
source: call-log
destination: dynamics-365-sales
summary: Calls from a call log.
overview: One object keyed by row.
objects:
  - id: call
    source: Call
    destination: Phone Call
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each logged call becomes a phone call.
    loads:
      - id: calls
        from: call
        to: phonecall
        key: (row)
        fields:
          - { from: Subject, to: subject, transform: trim }
challenges: []
approach:
  - { title: Load, detail: Calls only. }
`;

describe('a file with no id column, keyed by row', () => {
  it('given two applies of the same file, creates each row once, then finds them all unchanged, and warns about deltas', async () => {
    const root = mkdtempSync(join(tmpdir(), 'row-key-'));
    mkdirSync(join(root, 'specs', 'platforms'), { recursive: true });
    mkdirSync(join(root, 'export'));
    writeFileSync(join(root, 'specs', 'platforms', 'call-log.yaml'), PLATFORM);
    writeFileSync(join(root, 'specs', 'call-log--dynamics-365-sales.yaml'), PAIR);
    // The same subject twice: without a key they are still two calls.
    writeFileSync(join(root, 'export', 'calls.csv'), 'Subject,Called At\nRenewal call,2024-05-01\nRenewal call,2024-05-02\nIntro call,2024-05-03\n');
    const project = join(root, 'engagement');
    expect((await runCliAsync(['init', project, '--pair', 'call-log--dynamics-365-sales', '--source', join(root, 'export'), '--specs', join(root, 'specs')])).exitCode).toBe(0);
    const first = JSON.parse((await runCliAsync(['apply', '--project', project, '--json'])).stdout) as { result: RunReport };
    expect(first.result.loads[0]).toMatchObject({ sourceRows: 3, created: 3 });
    expect(first.result.export?.findings.filter((f) => f.code === 'row-key').map((f) => f.load)).toEqual(['calls']);
    const second = JSON.parse((await runCliAsync(['apply', '--project', project, '--json'])).stdout) as { result: RunReport };
    expect(second.result.loads[0]).toMatchObject({ sourceRows: 3, created: 0, unchanged: 3 });
    expect(second.result.imbalances).toEqual([]);
  });
});
