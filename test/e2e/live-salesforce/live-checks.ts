import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { storedSourceKey } from '../../../engine/destinations/stored-source-key.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { VerificationReport } from '../../../engine/verify/verification-report.js';
import type { CliResult } from '../run-cli.js';
import { CLIENT_SECRET, keys, type LiveEngagement } from './salesforce-harness.js';
import { jsonResult } from '../run-cli.js';

/** Checks shared by the live Salesforce scenarios: the ledger against the org, and secrets against every output. */

export type Row = Record<string, string>;

export function keymap(project: string): { load: string; source_key: string; object: string; dest_id: string }[] {
  const db = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    return db.prepare('SELECT load, source_key, object, dest_id FROM keymap').all() as { load: string; source_key: string; object: string; dest_id: string }[];
  } finally {
    db.close();
  }
}

export async function apply(live: LiveEngagement, ...flags: string[]): Promise<{ report: RunReport; result: CliResult }> {
  const result = await live.cli(['apply', '--project', live.project, '--json', ...flags]);
  expect(result.exitCode, result.stderr).toBeLessThan(2);
  return { report: jsonResult(result.stdout) as RunReport, result };
}

export async function verify(live: LiveEngagement): Promise<{ report: VerificationReport; result: CliResult }> {
  const result = await live.cli(['verify', '--project', live.project, '--sample', '100000', '--json']);
  return { report: jsonResult(result.stdout) as VerificationReport, result };
}

/** Loaded and exception counts per load: what must not change whatever the transport went through. */
export function outcome(report: RunReport): string[] {
  return report.loads.map((l) => `${l.load} loaded=${l.loaded} skipped=${l.skipped} held=${l.held} failed=${l.failed}`);
}

/** Every record in the emulator whose external id the ledger knows is the one the ledger names, and vice versa. */
export function expectLedgerMatchesOrg(live: LiveEngagement, report: RunReport): void {
  const rows = keymap(live.project);
  // One key per loaded source row, and one per record the passes after the loads wrote (attendees, pipeline
  // processes); Salesforce closes a deal by updating it, so no close record.
  const sourceLoads = new Set(report.loads.map((l) => l.load));
  expect(rows.filter((r) => sourceLoads.has(r.load))).toHaveLength(report.loads.reduce((n, l) => n + l.loaded, 0));
  const afterLoads = report.loads.reduce((n, l) => n + (l.attendees?.linked ?? 0) + Object.values(l.processes?.records ?? {}).reduce((a, b) => a + b, 0), 0);
  expect(rows.filter((r) => !sourceLoads.has(r.load))).toHaveLength(afterLoads);
  for (const row of rows) {
    const record = live.emulator.org.records(row.object).get(row.dest_id);
    expect(record?.Legacy_Id__c, `${row.load}:${row.source_key}`).toBe(storedSourceKey(`${row.load}:${row.source_key}`));
  }
  // Nothing duplicated: one record per external id, in every object.
  for (const object of new Set(rows.map((r) => r.object))) {
    const keysSeen = [...live.emulator.org.records(object).values()].map((r) => r.Legacy_Id__c);
    expect(new Set(keysSeen).size, object).toBe(keysSeen.length);
  }
}

/** Every file under `dir`, recursively, as bytes. */
export function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : [{ path, bytes: readFileSync(path) }];
  });
}

const SECRETS = [CLIENT_SECRET, ...keys.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))];

export function expectNoSecret(texts: { path: string; bytes: Buffer | string }[]): void {
  for (const { path, bytes } of texts) {
    const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
    for (const secret of SECRETS) expect(text.includes(secret), `${path} holds a secret`).toBe(false);
  }
}
