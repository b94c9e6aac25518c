import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import { BUNDLED_PAIRS } from './bundled-pairs.js';
import { runCli, jsonResult } from '../run-cli.js';
import { violations } from './expectations.js';
import { brokenLookups, tableChecksums } from './sandbox-checks.js';


function json<T>(args: string[]): { data: T; exitCode: number; stderr: string } {
  const result = runCli([...args, '--json']);
  return { data: (result.stdout === '' ? null : jsonResult(result.stdout)) as T, exitCode: result.exitCode, stderr: result.stderr };
}

describe.each(BUNDLED_PAIRS)('a sample %s migration into the sandbox', (pair) => {
  const root = mkdtempSync(join(tmpdir(), `migrate-${pair}-`));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  let first: RunReport;
  let engagement: Engagement;

  beforeAll(async () => {
    expect(runCli(['sample', '--pair', pair, '--out', exportDir]).exitCode).toBe(0);
    expect(runCli(['init', project, '--pair', pair, '--source', exportDir]).exitCode).toBe(0);
    const applied = json<RunReport>(['apply', '--project', project]);
    expect(applied.stderr).toBe('');
    first = applied.data;
    engagement = (await loadEngagement(project)).engagement as Engagement;
  });

  it('given the run, accounts for every source row as loaded, or skipped, held or refused with a reason', () => {
    expect(first.loads.length).toBeGreaterThan(0);
    for (const load of first.loads) {
      expect(load.sourceRows, load.load).toBe(load.loaded + load.skipped + load.held + load.failed + load.duplicates);
      expect(load.loaded, `${load.load} loaded something`).toBeGreaterThan(0);
    }
    const exceptions = existsSync(join(project, first.files.exceptions ?? 'none'))
      ? (parse(readFileSync(join(project, first.files.exceptions as string)), { columns: true }) as Record<string, string>[]).filter((e) => e['status'] !== 'incomplete' && e['status'] !== 'not closed') // a deal loaded but left open is no unloaded row
      : [];
    const notLoaded = first.loads.reduce((n, l) => n + l.skipped + l.held + l.failed, 0);
    expect(exceptions).toHaveLength(notLoaded);
    for (const e of exceptions) {
      expect(e['reason'], JSON.stringify(e)).not.toBe('');
      expect(Number(e['line'])).toBeGreaterThan(1);
    }
  });

  it('given the run, balances every file: the rows the test counts in it equal what each load did with them', () => {
    const files = [...new Set(first.loads.map((l) => l.file))];
    const accounting = first.accounting ?? [];
    expect(accounting.map((a) => a.file).sort()).toEqual(files.sort());
    expect(first.imbalances).toEqual([]);
    for (const account of accounting) {
      // Counted here with csv-parse directly, not through the engine's reader.
      const records = parse(readFileSync(join(exportDir, account.file)), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(account.rows, account.file).toBe(records.length - 1);
      expect(account.loads.length, account.file).toBeGreaterThan(0);
      for (const share of account.loads) {
        const done = share.created + share.updated + share.unchanged + share.skipped + share.held + share.refused + share.duplicates;
        expect([account.file, share.load, done]).toEqual([account.file, share.load, share.expected]);
        expect(share.expected).toBeLessThanOrEqual(account.rows - account.excluded);
      }
    }
  });

  it('given the run, leaves no lookup pointing at a record that does not exist', () => {
    expect(brokenLookups(join(project, 'sandbox.db'), engagement.destination.spec)).toEqual([]);
  });

  it('given the source, links each reference to the record it names, keeps dates, owners by email and stages', () => {
    expect(violations(engagement)).toEqual([]);
  });

  it('given plan, lists phases so that every load comes after the loads it points at', () => {
    const plan = json<{ phases: { load: string; phase: number; dependsOn: string[] }[] }>(['plan', '--project', project]).data;
    const phaseOf = new Map(plan.phases.map((p) => [p.load, p.phase]));
    expect(plan.phases).toHaveLength(first.loads.length);
    for (const p of plan.phases) for (const d of p.dependsOn) expect(phaseOf.get(d) ?? 0, `${d} before ${p.load}`).toBeLessThan(p.phase);
  });

  it.runIf(pair.startsWith('vtiger'))('given plan, puts Products before Quotes and Sales Orders', () => {
    const result = runCli(['plan', '--project', project]);
    const phase = (load: string): number => Number(new RegExp(`^(\\d+)\\s+${load}\\s`, 'm').exec(result.stdout)?.[1] ?? NaN);
    expect(phase('products')).toBeLessThan(phase('quotes'));
    expect(phase('products')).toBeLessThan(phase('sales-orders'));
  });

  it('given a second apply, loads nothing new', () => {
    const again = json<RunReport>(['apply', '--project', project]).data;
    // A refused apply lists no loads: the count is what keeps the loop from passing on one.
    expect(again.blockers).toEqual([]);
    expect(again.loads).toHaveLength(first.loads.length);
    for (const load of again.loads) {
      expect([load.load, load.created, load.updated]).toEqual([load.load, 0, 0]);
      expect(load.unchanged).toBe(first.loads.find((l) => l.load === load.load)?.loaded);
    }
  });

  it('given an edited export, a run updates rows and its rollback restores the sandbox exactly', () => {
    const before = tableChecksums(join(project, 'sandbox.db'));
    const load = first.loads.find((l) => l.loaded > 0) as RunReport['loads'][number];
    editExport(join(exportDir, load.file));
    const edited = json<RunReport>(['apply', '--project', project]).data;
    expect(edited.loads.reduce((n, l) => n + l.updated, 0)).toBeGreaterThan(0);
    expect(tableChecksums(join(project, 'sandbox.db'))).not.toEqual(before);
    const undone = json<{ restored: number; deleted: number }>(['rollback', '--project', project, '--yes']);
    expect(undone.exitCode).toBe(0);
    expect(undone.data.restored).toBeGreaterThan(0);
    expect(tableChecksums(join(project, 'sandbox.db'))).toEqual(before);
  });
});

/** Appends a marker to the longest free-text looking column of every data row, so the rows update. */
function editExport(file: string): void {
  const rows = parse(readFileSync(file), { bom: true, relax_column_count: true }) as string[][];
  const [header, ...data] = rows;
  if (!header) return;
  const column = header.findIndex((h) => /description|note|subject|body|title|name/i.test(h) && !/id$|number|no$|email/i.test(h));
  if (column < 0) return;
  const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`;
  const lines = [header, ...data.map((r) => r.map((v, i) => (i === column && v.trim() !== '' ? `${v} (edited)` : v)))].map((r) => r.map(quote).join(','));
  writeFileSync(file, lines.join('\n') + '\n');
}
