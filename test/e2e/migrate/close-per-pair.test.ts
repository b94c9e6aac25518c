import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import { compilePlan, type PlannedLoad } from '../../../engine/plan/migration-plan.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import { closeOutcome } from '../../../engine/spec/close-rule.js';
import { jsonResult, repoRoot, runCliAsync } from '../run-cli.js';

/** Every bundled pair: each loads deals, so each must close its won and lost ones. */
const PAIRS = readdirSync(join(repoRoot, 'pairs')).filter((f) => f.includes('--') && f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

/** `03/15/2024 09:30` or `3/15/2024 9:30` (both exports write month first) as the ISO minute, read here by hand; undefined for no real date. */
function isoMinute(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})/.exec(text.trim());
  if (m === null) return undefined;
  const two = (s: string | undefined): string => (s ?? '').padStart(2, '0');
  const iso = `${m[3]}-${two(m[1])}-${two(m[2])}T${two(m[4])}:${m[5]}`;
  // A planted impossible date (31 February) is no creation time; the run reports it in blanked.csv instead.
  const date = new Date(`${iso}:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

describe.each(PAIRS)('won, lost and open deals of the %s sample', (pair) => {
  const root = mkdtempSync(join(tmpdir(), `close-${pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let report: RunReport;
  let engagement: Engagement;
  let closing: PlannedLoad[];
  let sandbox: Database.Database;
  let keymap: Map<string, string>;

  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', pair, '--out', exportDir])).exitCode).toBe(0);
    expect((await runCliAsync(['init', project, '--pair', pair, '--source', exportDir])).exitCode).toBe(0);
    report = jsonResult<RunReport>((await runCliAsync(['apply', '--project', project, '--json'])).stdout);
    engagement = (await loadEngagement(project)).engagement as Engagement;
    closing = compilePlan(engagement).loads.filter((l) => l.close !== undefined);
    sandbox = new Database(join(project, 'sandbox.db'), { readonly: true });
    const ledger = new Database(join(project, 'ledger.db'), { readonly: true });
    keymap = new Map((ledger.prepare('SELECT load, source_key, dest_id FROM keymap').all() as { load: string; source_key: string; dest_id: string }[]).map((r) => [`${r.load}|${r.source_key}`, r.dest_id]));
    ledger.close();
  }, 600_000);

  /** The load's source rows with their key, and the record each became. */
  function loaded(load: PlannedLoad): { row: Record<string, string>; record: Record<string, unknown> }[] {
    const rows = parse(readFileSync(load.file), { bom: true, columns: true, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
    const key = engagement.destination.object(load.object)?.key as string;
    const read = sandbox.prepare(`SELECT * FROM "${load.object}" WHERE "${key}" = ?`);
    return rows.flatMap((row) => {
      const id = keymap.get(`${load.id}|${load.keyColumns.map((c) => (row[c] ?? '').trim()).join('|')}`);
      const record = id === undefined ? undefined : (read.get(id) as Record<string, unknown> | undefined);
      return record === undefined ? [] : [{ row, record }];
    });
  }

  it('given the run, closes the won and lost deals the source has, the destination\'s way, and leaves the open ones open', () => {
    expect(closing.length).toBeGreaterThan(0);
    for (const load of closing) {
      const rule = load.close as NonNullable<PlannedLoad['close']>;
      const counts = report.loads.find((l) => l.load === load.id)?.closed;
      expect(counts, load.id).toBeDefined();
      expect(counts?.failed).toBe(0);
      const records = loaded(load);
      const closed = records.filter((r) => closeOutcome(rule, r.record[rule.state]) !== undefined);
      expect(closed.length).toBeGreaterThan(0);
      expect(closed.length).toBeLessThan(records.length);
      expect(closed.length).toBe((counts?.won ?? 0) + (counts?.lost ?? 0));
      expect(closed.filter((r) => closeOutcome(rule, r.record[rule.state]) === 'won').length).toBe(counts?.won);

      // Where the stage table decides the outcome, the source's own stage says which deals must be closed.
      const field = load.fields.find((f) => f.to === rule.state);
      const step = field?.steps.find((s) => typeof s === 'object' && s.name === 'stage');
      const table = typeof step === 'object' && step.table !== undefined ? compilePlan(engagement).stageTables.get(step.table) : undefined;
      if (table !== undefined && field !== undefined) {
        const outcomeOf = (value: string): string | undefined => table.find((r) => r.source.trim().toLowerCase() === value.trim().toLowerCase())?.outcome.toLowerCase();
        const wrong = records.filter(({ row, record }) => {
          const expected = outcomeOf(row[field.columns[0] as string] ?? '');
          return (expected === 'won' || expected === 'lost' ? expected : undefined) !== closeOutcome(rule, record[rule.state]);
        });
        expect(wrong.map((w) => w.row[load.keyColumns[0] as string])).toEqual([]);
      }

      if (rule.record !== undefined) {
        // Dataverse: one opportunityclose per closed deal, holding the deal's actual revenue and close date.
        const record = rule.record;
        const closes = sandbox.prepare(`SELECT * FROM "${record.object}" WHERE "${record.parent}" = ?`);
        const key = engagement.destination.object(load.object)?.key as string;
        for (const { record: deal } of closed) {
          const rows = closes.all(deal[key]) as Record<string, unknown>[];
          expect(rows).toHaveLength(1);
          expect(rows[0]?.[record.revenue as string] ?? null).toBe(deal[rule.revenue as string] ?? null);
          expect(String(rows[0]?.[record.date as string] ?? '').slice(0, 10)).toBe(String(deal[rule.date as string] ?? '').slice(0, 10));
        }
        const open = records.filter((r) => closeOutcome(rule, r.record[rule.state]) === undefined);
        for (const { record: deal } of open) {
          expect(closes.all(deal[key])).toEqual([]);
          for (const attribute of rule.closeOnly) expect(deal[attribute] ?? null).toBeNull();
        }
      } else {
        // Salesforce: the closed stage with a close date and an amount.
        for (const { record: deal } of closed) expect([deal[rule.date as string] ?? null, typeof deal[rule.revenue as string]]).not.toContain(null);
      }
    }
  });

  it.runIf(pair.endsWith('salesforce-sales-cloud'))('given the run, gives every record the creation time the source has', () => {
    let compared = 0;
    for (const load of compilePlan(engagement).loads) {
      const created = load.fields.find((f) => f.to === 'CreatedDate');
      if (created === undefined) continue;
      for (const { row, record } of loaded(load)) {
        const expected = isoMinute(row[created.columns[0] as string] ?? '');
        if (expected === undefined) continue;
        compared += 1;
        expect([load.id, String(record['CreatedDate'] ?? '').slice(0, 16)]).toEqual([load.id, expected]);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
