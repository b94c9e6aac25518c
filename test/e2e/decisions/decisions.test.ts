import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync as runCli, jsonResult } from '../run-cli.js';
import { tableChecksums } from '../migrate/sandbox-checks.js';

const PAIR = 'opencrm--dynamics-365-sales';

function sandboxRow(project: string, table: string, where: string, value: string): Record<string, unknown> | undefined {
  const db = new Database(join(project, 'sandbox.db'), { readonly: true });
  try {
    return db.prepare(`SELECT * FROM "${table}" WHERE "${where}" = ?`).get(value) as Record<string, unknown> | undefined;
  } finally {
    db.close();
  }
}

function keymap(project: string, load: string, key: string): string | undefined {
  const db = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    return (db.prepare('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(load, key) as { dest_id: string } | undefined)?.dest_id;
  } finally {
    db.close();
  }
}

describe('the confirmation gate', () => {
  const root = mkdtempSync(join(tmpdir(), 'gate-'));
  const project = join(root, 'engagement');
  const yaml = join(project, 'migration.yaml');
  let manifest: { customColumns: { object: string; column: string; type: string }[] };

  beforeAll(async () => {
    expect((await runCli(['sample', '--pair', PAIR, '--out', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCli(['init', project, '--pair', PAIR, '--source', join(root, 'export')])).exitCode).toBe(0);
    manifest = JSON.parse(readFileSync(join(root, 'export', 'crm-migrate-sample.json'), 'utf8')) as typeof manifest;
  });

  it('given an unconfirmed proposal, apply exits 3, names it and moves no record; after confirm it runs and fills the new field', async () => {
    const custom = manifest.customColumns.find((c) => c.object === 'organisation' && c.type === 'text') ?? manifest.customColumns.find((c) => c.object === 'organisation');
    if (!custom) throw new Error('the sample planted no custom column on organisations');
    const decision = ['customFields:', `  - object: ${custom.object}`, `    column: ${JSON.stringify(custom.column)}`, '    action: create', '    to: new_testcolumn', `    type: ${custom.type}`, '    status: proposed'].join('\n');
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}${decision}\n`);

    const refused = (await runCli(['apply', '--project', project]));
    expect(refused.exitCode).toBe(3);
    expect(refused.stdout).toContain(`customFields: organisation.${custom.column} (not confirmed)`);
    expect(existsSync(join(project, 'sandbox.db'))).toBe(false);

    expect((await runCli(['confirm', '--project', project, '--by', 'Dana Reyes'])).exitCode).toBe(0);
    expect(readFileSync(yaml, 'utf8')).toMatch(/confirmations:\n\s+- by: Dana Reyes\n\s+at: .+\n\s+hash: [0-9a-f]{64}\n\s+scope: customFields/);
    expect((await runCli(['apply', '--project', project])).exitCode).toBeLessThan(2);
    const filled = new Database(join(project, 'sandbox.db'), { readonly: true });
    const n = (filled.prepare('SELECT count(*) AS n FROM account WHERE new_testcolumn IS NOT NULL').get() as { n: number }).n;
    filled.close();
    expect(n).toBeGreaterThan(0);
  });

  it('given a confirmed decision edited afterwards, apply exits 3 naming it and leaves the sandbox as it was', async () => {
    const before = tableChecksums(join(project, 'sandbox.db'));
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('to: new_testcolumn', 'to: new_othercolumn'));
    const refused = (await runCli(['apply', '--project', project]));
    expect(refused.exitCode).toBe(3);
    expect(refused.stdout).toContain('(changed after confirmation)');
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(before);
  });
});

describe('queues the admin fills in', () => {
  const root = mkdtempSync(join(tmpdir(), 'queues-'));
  const project = join(root, 'engagement');

  it('given one orphan and one owner resolved in the queue files, the next run loads exactly those rows, linked as chosen', async () => {
    expect((await runCli(['sample', '--pair', PAIR, '--out', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCli(['init', project, '--pair', PAIR, '--source', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCli(['apply', '--project', project])).exitCode).toBeLessThan(2);

    const orphansFile = join(project, 'queues', 'orphans.csv');
    const ownersFile = join(project, 'queues', 'owners.csv');
    const orphans = parse(readFileSync(orphansFile), { columns: true }) as Record<string, string>[];
    const owners = parse(readFileSync(ownersFile), { columns: true }) as Record<string, string>[];
    // The owner queue has one row per unknown owner with the count of their records; the orphan chosen is owned by
    // someone known, so that linking it is all it needs.
    const unknownOwners = new Set(owners.map((o) => (o['owner'] ?? '').trim().toLowerCase()));
    const contactOwners = new Map((parse(readFileSync(join(root, 'export', 'contacts.csv')), { columns: true, bom: true }) as Record<string, string>[]).map((c) => [c['CRM ID'], (c['Assigned To'] ?? '').trim().toLowerCase()]));
    const orphan = orphans.find((o) => o['load'] === 'contacts' && !unknownOwners.has(contactOwners.get(o['source_key']) ?? ''));
    const owner = owners[0];
    if (!orphan || !owner) throw new Error('the sample held no contact orphan or no owner');

    // The admin links the orphan to an existing organisation and gives the owner an active user.
    const account = (parse(readFileSync(join(root, 'export', 'organisations.csv')), { columns: true }) as Record<string, string>[])[0]?.['CRM ID'] as string;
    const users = (JSON.parse(readFileSync(join(root, 'export', 'crm-migrate-sample.json'), 'utf8')) as { destinationUsers: { email: string; active?: boolean }[] }).destinationUsers;
    const active = users.find((u) => u.active !== false)?.email as string;
    orphan['resolution'] = account;
    owner['resolution'] = active;
    writeFileSync(orphansFile, stringify(orphans, { header: true }));
    writeFileSync(ownersFile, stringify(owners, { header: true }));

    const second = jsonResult((await runCli(['apply', '--project', project, '--json'])).stdout) as { loads: { load: string; created: number; held: number }[] };
    const created = second.loads.reduce((n, l) => n + l.created, 0);
    expect(created).toBe(1 + Number(owner['records']));

    const contact = sandboxRow(project, 'contact', 'contactid', keymap(project, 'contacts', orphan['source_key'] as string) as string);
    expect(contact?.['parentcustomerid']).toBe(keymap(project, 'accounts', account));

    // The answers stay in the queue files, so a third run keeps those rows loaded and holds nothing new.
    const third = jsonResult((await runCli(['apply', '--project', project, '--json'])).stdout) as { loads: { created: number; held: number }[] };
    expect(third.loads.reduce((n, l) => n + l.created, 0)).toBe(0);
    const heldRecords = orphans.length + owners.reduce((n, o) => n + Number(o['records']), 0);
    expect(third.loads.reduce((n, l) => n + l.held, 0)).toBe(heldRecords - 1 - Number(owner['records']));
  });
});
