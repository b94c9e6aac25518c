import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../../engine/destinations/model/table-schema.js';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import { compilePlan, type PlannedLoad } from '../../../engine/plan/migration-plan.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import type { VerificationReport } from '../../../engine/verify/verification-report.js';
import { runCli, jsonResult } from '../run-cli.js';

/** What one corruption should come back as: the record, the attribute, the value it had and the value it has now. */
interface Corruption {
  load: string;
  id: string;
  field: string;
  expected: string;
  actual: string;
}

function verify(project: string): { report: VerificationReport; exitCode: number } {
  // Far more rows than the sample exports hold: every row is checked.
  const result = runCli(['verify', '--project', project, '--sample', '100000', '--json']);
  expect(result.stderr).toBe('');
  return { report: jsonResult(result.stdout) as VerificationReport, exitCode: result.exitCode };
}

describe.each(['opencrm--dynamics-365-sales', 'smart-crm-online--salesforce-sales-cloud'])('verify after a sample %s migration', (pair) => {
  const root = mkdtempSync(join(tmpdir(), `verify-${pair}-`));
  const project = join(root, 'engagement');
  let applied: RunReport;
  let engagement: Engagement;

  beforeAll(async () => {
    expect(runCli(['sample', '--pair', pair, '--out', join(root, 'export')]).exitCode).toBe(0);
    expect(runCli(['init', project, '--pair', pair, '--source', join(root, 'export')]).exitCode).toBe(0);
    applied = jsonResult(runCli(['apply', '--project', project, '--json']).stdout) as RunReport;
    engagement = (await loadEngagement(project)).engagement as Engagement;
  });

  it('given a clean run, checks every loaded row, finds no mismatch and exits 0', () => {
    const { report, exitCode } = verify(project);
    expect(report.mismatches).toEqual([]);
    expect(report.totals.mismatching).toBe(0);
    expect(exitCode).toBe(0);
    for (const load of applied.loads.filter((l) => l.loaded > 0)) {
      const verified = report.loads.find((v) => v.load === load.load);
      expect(verified?.checked, load.load).toBeGreaterThan(0);
      expect([load.load, verified?.checked, verified?.matching]).toEqual([load.load, load.loaded, load.loaded]);
      expect([load.load, verified?.notLoaded]).toEqual([load.load, load.skipped + load.held + load.failed]);
    }
    expect(readFileSync(join(project, report.files.markdown), 'utf8')).toContain('No mismatches');
    expect(existsSync(join(project, report.files.json))).toBe(true);
  });

  it('given three corrupted values and a contact moved to another account, reports exactly those four with expected and actual', () => {
    const corruptions = corrupt(project, engagement);
    const { report, exitCode } = verify(project);
    const found = report.mismatches.map((m) => ({ load: m.load, id: m.id, field: m.field, expected: m.expected, actual: m.actual }));
    const order = (a: Corruption | (typeof found)[number], b: Corruption | (typeof found)[number]): number => `${a.load}${a.id}`.localeCompare(`${b.load}${b.id}`);
    expect(found.sort(order)).toEqual(corruptions.sort(order));
    expect(report.totals.mismatching).toBe(4);
    expect(exitCode).toBe(1);

    const text = runCli(['verify', '--project', project, '--sample', '100000']);
    expect(text.exitCode).toBe(1);
    for (const c of corruptions) expect(text.stdout).toContain(`${c.field}: expected ${JSON.stringify(c.expected)}, actual ${JSON.stringify(c.actual)}`);
  });
});

/**
 * Changes the sandbox behind the engine's back: one text attribute the pair maps on each of three records of three
 * loads, and one contact's account lookup pointed at another account that exists. Rows are found through the
 * ledger's key map, so they are rows the run loaded.
 */
function corrupt(project: string, engagement: Engagement): Corruption[] {
  const plan = compilePlan(engagement);
  const sandbox = new Database(join(project, 'sandbox.db'));
  const ledger = new Database(join(project, 'ledger.db'), { readonly: true });
  try {
    const loadedIds = (load: PlannedLoad): string[] => ledger.prepare<[string], string>('SELECT dest_id FROM keymap WHERE load = ? ORDER BY source_key').pluck().all(load.id);
    const read = (load: PlannedLoad, field: string, id: string): unknown =>
      sandbox.prepare(`SELECT "${field}" FROM "${load.object}" WHERE "${idColumn(engagement, load)}" = ?`).pluck().get(id);
    const write = (load: PlannedLoad, field: string, id: string, value: string): void => {
      sandbox.prepare(`UPDATE "${load.object}" SET "${field}" = ? WHERE "${idColumn(engagement, load)}" = ?`).run(value, id);
    };
    const corruptions: Corruption[] = [];

    const accounts = plan.loads.find((l) => l.object.toLowerCase() === 'account') as PlannedLoad;
    const contacts = plan.loads.find((l) => l.object.toLowerCase() === 'contact') as PlannedLoad;
    const parent = contacts.lookups.find((l) => l.targets.includes(accounts.id));
    expect(parent, 'the contact load looks up accounts').toBeDefined();
    const field = (parent as { to: string }).to;
    const contact = loadedIds(contacts).find((id) => typeof read(contacts, field, id) === 'string') as string;
    const linked = read(contacts, field, contact) as string;
    const other = loadedIds(accounts).find((id) => id !== linked) as string;
    write(contacts, field, contact, other);
    corruptions.push({ load: contacts.id, id: contact, field, expected: linked, actual: other });

    for (const load of plan.loads) {
      if (corruptions.length === 4) break;
      const text = load.fields.find((f) => ['text', 'longtext'].includes(engagement.destination.field(load.object, f.to)?.type ?? ''));
      if (text === undefined) continue;
      const id = loadedIds(load).find((candidate) => candidate !== contact && typeof read(load, text.to, candidate) === 'string' && read(load, text.to, candidate) !== '');
      if (id === undefined) continue;
      const original = read(load, text.to, id) as string;
      write(load, text.to, id, `${original} (corrupted)`);
      corruptions.push({ load: load.id, id, field: text.to, expected: original, actual: `${original} (corrupted)` });
    }
    expect(corruptions).toHaveLength(4);
    return corruptions;
  } finally {
    sandbox.close();
    ledger.close();
  }
}

function idColumn(engagement: Engagement, load: PlannedLoad): string {
  const object = engagement.destination.object(load.object);
  if (object === undefined) throw new Error(`${engagement.destination.id} has no object ${load.object}`);
  return keyOf(object);
}
