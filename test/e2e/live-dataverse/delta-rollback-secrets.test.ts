import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { CliResult } from '../run-cli.js';
import { CLIENT_SECRET, liveEngagement } from './dataverse-harness.js';
import { jsonResult } from '../run-cli.js';

type Row = Record<string, string>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('Dataverse: delta, rollback, and secrets', () => {
  it('reports a conflict for a record edited in Dataverse, rolls every record back, and leaves no secret anywhere', async () => {
    const live = await liveEngagement({ pair: 'opencrm--dynamics-365-sales' });
    const outputs: CliResult[] = [];
    const run = async (args: string[]): Promise<CliResult> => {
      const result = await live.cli(args);
      outputs.push(result);
      return result;
    };
    try {
      const first = await run(['apply', '--project', live.project, '--json']);
      expect(first.exitCode, first.stderr).toBe(0);
      expect((await run(['verify', '--project', live.project])).exitCode).toBe(0);

      // Someone edits a contact in Dataverse, and the same contact changes in the source: a conflict, held.
      const csvPath = join(live.root, 'export', 'contacts.csv');
      const rows = parse(readFileSync(csvPath), { columns: true, bom: true }) as Row[];
      const entry = live.keymap().find((e) => e.load === 'contacts' && rows.some((r) => r['CRM ID'] === e.source_key));
      if (entry === undefined) throw new Error('No loaded contact to edit.');
      const row = rows.find((r) => r['CRM ID'] === entry.source_key) as Row;
      row['Job Title'] = 'Head of Procurement';
      row['Date Modified'] = '23/11/2026 09:00';
      writeFileSync(csvPath, stringify(rows, { header: true, columns: Object.keys(rows[0] as Row) }));
      live.emulator.store.touch('contact', entry.dest_id, { jobtitle: 'Edited in Dataverse' });

      const delta = await run(['apply', '--project', live.project, '--delta', '--json']);
      expect(delta.exitCode, delta.stderr).toBeLessThan(2);
      const report = jsonResult(delta.stdout) as RunReport;
      const contacts = report.loads.find((l) => l.load === 'contacts');
      expect(contacts?.conflicts).toBe(1);
      expect(contacts?.held).toBeGreaterThanOrEqual(1);
      expect(live.emulator.store.tableOf('contact').rows.get(entry.dest_id)?.jobtitle).toBe('Edited in Dataverse');

      // Roll back the delta run, then the first run: no migrated record is left, the seeded users stay.
      for (const runId of [2, 1]) {
        const rollback = await run(['rollback', '--project', live.project, '--run', String(runId), '--yes']);
        expect(rollback.exitCode, rollback.stdout + rollback.stderr).toBe(0);
      }
      const store = live.emulator.store;
      const left = [...store.tables.values()].flatMap((t) => [...t.rows.values()].filter((r) => r[store.sourceKeyField] != null));
      expect(left).toHaveLength(0);
      expect(store.tableOf('systemuser').rows.size).toBeGreaterThan(0);

      // Secrets: neither the client secret nor any token issued appears in any file or output, ledger bytes included.
      const secrets = [CLIENT_SECRET, ...live.emulator.tokens.everIssued];
      expect(secrets.length).toBeGreaterThan(1);
      const files = filesUnder(live.project);
      expect(files.some((f) => f.endsWith('ledger.db'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of secrets) expect(bytes.includes(secret), `${file} holds a secret`).toBe(false);
      }
      for (const output of outputs) for (const secret of secrets) expect(output.stdout + output.stderr).not.toContain(secret);
    } finally {
      await live.emulator.close();
    }
  }, 90_000);

  it('fails to sign in with a wrong secret, or without a variable, saying what to fix and never printing a secret', async () => {
    const live = await liveEngagement({ pair: 'opencrm--dynamics-365-sales' });
    try {
      const wrong = 'not-the-secret-9f8e7d6c';
      const refused = await live.cli(['apply', '--project', live.project], { DATAVERSE_CLIENT_SECRET: wrong });
      // 3: refused, a person must fix something first; printed as a plain message, not an unexpected error.
      expect(refused.exitCode).toBe(3);
      expect(refused.stdout + refused.stderr).toMatch(/Signing in to Dataverse failed/);
      expect(refused.stderr).not.toMatch(/Unexpected error|    at /);
      expect(refused.stdout + refused.stderr).not.toContain(wrong);
      expect(live.emulator.tokens.refused).toBeGreaterThan(0);
      expect(live.emulator.store.tableOf('account').rows.size).toBe(0);

      const missing = await live.cli(['apply', '--project', live.project], { DATAVERSE_CLIENT_ID: '' });
      expect(missing.exitCode).toBe(3);
      expect(missing.stdout + missing.stderr).toMatch(/DATAVERSE_CLIENT_ID/);
      expect(missing.stdout + missing.stderr).not.toContain(CLIENT_SECRET);
    } finally {
      await live.emulator.close();
    }
  }, 60_000);
});
