import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../run-cli.js';
import { apply, everyFile, expectLedgerMatchesOrg, expectNoSecret, keymap, verify, type Row } from './live-checks.js';
import { liveEngagement, type LiveEngagement } from './salesforce-harness.js';

describe('apply into the Salesforce emulator', () => {
  const outputs: { path: string; bytes: string }[] = [];
  let live: LiveEngagement;
  const keep = (name: string, r: CliResult): void => void outputs.push({ path: `${name} stdout`, bytes: r.stdout }, { path: `${name} stderr`, bytes: r.stderr });

  beforeAll(async () => {
    live = await liveEngagement();
  });
  afterAll(async () => {
    await live.emulator.close();
  });

  it('given client credentials and small objects, loads through sObject Collections; verify finds 0 mismatches; the ledger maps every key to the org', async () => {
    const { report, result } = await apply(live);
    keep('apply', result);
    expect(report.loads.reduce((n, l) => n + l.loaded, 0)).toBeGreaterThan(400);
    expect(live.emulator.counters.collections).toBeGreaterThan(0);
    expect(live.emulator.bulk.created).toBe(0);
    expectLedgerMatchesOrg(live, report);
    const checked = await verify(live);
    keep('verify', checked.result);
    expect(checked.report.mismatches).toEqual([]);
    expect(checked.report.totals.checked).toBe(report.loads.reduce((n, l) => n + l.loaded, 0));
    expect(checked.result.exitCode).toBe(0);
  });

  it('given a contact edited at the source, apply --delta updates that record only; rollback puts the old title back', async () => {
    const csvPath = join(live.root, 'export', 'contacts.csv');
    const rows = parse(readFileSync(csvPath), { columns: true, bom: true }) as Row[];
    const loadedKeys = new Set(keymap(live.project).filter((k) => k.load === 'contacts').map((k) => k.source_key));
    const target = rows.find((r) => loadedKeys.has(r['Contact ID'] as string) && (r['Job Title'] ?? '') !== '') as Row;
    const destId = keymap(live.project).find((k) => k.load === 'contacts' && k.source_key === target['Contact ID'])?.dest_id as string;
    const before = live.emulator.org.records('Contact').get(destId)?.Title;
    writeFileSync(csvPath, stringify(rows.map((r) => (r === target ? { ...r, 'Job Title': 'Head of Delta', 'Last Modified Date': '11/23/2026 09:00' } : r)), { header: true, columns: Object.keys(rows[0] as Row) }));

    const { report, result } = await apply(live, '--delta');
    keep('delta', result);
    expect(report.kind).toBe('delta');
    expect(report.loads.reduce((n, l) => n + l.updated, 0)).toBe(1);
    expect(report.loads.reduce((n, l) => n + l.created, 0)).toBe(0);
    expect(live.emulator.org.records('Contact').get(destId)?.Title).toBe('Head of Delta');

    const rollback = await live.cli(['rollback', '--project', live.project, '--yes']);
    keep('rollback', rollback);
    expect(rollback.exitCode, rollback.stderr).toBe(0);
    expect(live.emulator.org.records('Contact').get(destId)?.Title).toBe(before);
  });

  it('given known secret values in the environment, no file of the engagement (ledger bytes included) and no output holds them', () => {
    const files = everyFile(live.project);
    expect(files.some((f) => f.path.endsWith('ledger.db'))).toBe(true);
    expectNoSecret([...files, ...outputs]);
  });

  it('given a wrong client secret or a missing variable, apply stops with a clear message that holds no secret', async () => {
    const wrong = 'wrong-secret-5c1d9e';
    const refused = await live.cli(['apply', '--project', live.project], { SALESFORCE_CLIENT_SECRET: wrong });
    // 3: refused, a person must fix something first; printed as a plain message, not an unexpected error.
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr + refused.stdout).toMatch(/Salesforce refused the sign-in/);
    expect(refused.stderr).not.toMatch(/Unexpected error|    at /);
    expect(refused.stderr + refused.stdout).not.toContain(wrong);
    expect(live.emulator.counters.refusedSignIns).toBe(1);
    const missing = await live.cli(['apply', '--project', live.project], { SALESFORCE_CLIENT_ID: '' });
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr + missing.stdout).toContain('Set SALESFORCE_CLIENT_ID in the environment');
    expectNoSecret([{ path: 'refused', bytes: refused.stdout + refused.stderr }, { path: 'missing', bytes: missing.stdout + missing.stderr }]);
  });
});
