import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import { compilePlan } from '../../../engine/plan/migration-plan.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import { runCliAsync, jsonResult } from '../run-cli.js';
import { checkBulkPackage, checkCmtPackage, platform, type PackageCheck } from './package-checks.js';
import { storedSourceKey } from '../../../engine/destinations/stored-source-key.js';

/** Records per destination object a run loaded, summed over the loads that write into it. */
function loadedByObject(report: RunReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const load of report.loads) if (load.loaded > 0) counts[load.object] = (counts[load.object] ?? 0) + load.loaded;
  // Meetings' attendee records and deals' pipeline processes travel in the package too.
  for (const load of report.loads) {
    if (load.attendees !== undefined && load.attendees.linked > 0) counts[load.attendees.object] = (counts[load.attendees.object] ?? 0) + load.attendees.linked;
    for (const [object, n] of Object.entries(load.processes?.records ?? {})) counts[object] = (counts[object] ?? 0) + n;
  }
  return counts;
}

/** Every file of the package with its bytes, the sandbox behind it left out. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) if (name !== 'package.db') files[name] = readFileSync(join(dir, name)).toString('base64');
  return files;
}

export interface Scenario {
  pair: string;
  destination: string;
  check: (dir: string, project: string) => Promise<PackageCheck>;
  /** The files an empty package still has. */
  emptyFiles: string[];
}

export const dataverseScenario: Scenario = {
  pair: 'vtiger--dynamics-365-sales',
  destination: 'dynamics-365-sales',
  check: async (dir) => {
    const db = new Database(join(dir, 'package.db'), { readonly: true });
    const users = new Set(db.prepare('SELECT systemuserid FROM systemuser').pluck().all() as string[]);
    db.close();
    return checkCmtPackage(dir, users);
  },
  emptyFiles: ['README.md', 'data.xml', 'data.zip', 'data_schema.xml', 'manifest.json'],
};

export const salesforceScenario: Scenario = {
  pair: 'smart-crm-online--salesforce-sales-cloud',
  destination: 'salesforce-sales-cloud',
  check: async (dir, project) => {
    const engagement = (await loadEngagement(project)).engagement as Engagement;
    const users = new Set((engagement.spec.users ?? []).map((u) => u.email));
    return checkBulkPackage(dir, platform('salesforce-sales-cloud'), users, compilePlan(engagement).customAttributes);
  },
  emptyFiles: ['README.md', 'manifest.json'],
};

/** sample -> init -> target package:out -> apply, then a rerun and two rollbacks, each checked on the package. */
export function describePackageTarget({ pair, destination, check, emptyFiles }: Scenario): void {
  describe(`package target for ${pair}`, () => {
    const root = mkdtempSync(join(tmpdir(), `package-${pair}-`));
    const project = join(root, 'engagement');
    const out = join(project, 'out');
    let first: RunReport;

    async function apply(): Promise<RunReport> {
      const result = await runCliAsync(['apply', '--project', project, '--json']);
      expect(result.stderr).toBe('');
      return jsonResult(result.stdout) as RunReport;
    }

    beforeAll(async () => {
      expect((await runCliAsync(['sample', '--pair', pair, '--out', join(root, 'export')])).exitCode).toBe(0);
      expect((await runCliAsync(['init', project, '--pair', pair, '--source', join(root, 'export')])).exitCode).toBe(0);
      const file = join(project, 'migration.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^target: .*$/m, 'target: package:out'));
      first = await apply();
    });

    it('writes a package in the documented shape whose record counts are the run loaded counts', async () => {
      expect(first.target).toBe(`package:${out}`);
      const { problems, counts } = await check(out, project);
      expect(problems).toEqual([]);
      expect(counts).toEqual(loadedByObject(first));
      expect(Object.keys(counts).length).toBeGreaterThan(3);
      const readme = readFileSync(join(out, 'README.md'), 'utf8');
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(readme).toContain(`${total.toLocaleString('en-US')} records`);
      expect(readme).toContain(platform(destination).rules?.sourceKeyField);
    });

    it('keeps the source key on every record, so a later live run can match them', () => {
      const field = platform(destination).rules?.sourceKeyField as string;
      const text = readdirSync(out)
        .filter((f) => f.endsWith('.csv') || f === 'data.xml')
        .map((f) => readFileSync(join(out, f), 'utf8'))
        .join('\n');
      expect(text).toContain(field);
      // Stored as a live target stores it (`accounts:ACC1` as `accounts~3AACC1`), so that target finds these records.
      expect(text).toContain(storedSourceKey('accounts:'));
      expect(text).not.toContain('accounts:');
    });

    it('given a rerun, creates nothing and writes the same package byte for byte', async () => {
      const before = snapshot(out);
      const again = await apply();
      expect(again.loads.reduce((n, l) => n + l.created, 0)).toBe(0);
      expect(snapshot(out)).toEqual(before);
    });

    it('given both runs rolled back, leaves an empty package', async () => {
      for (let i = 0; i < 2; i++) expect((await runCliAsync(['rollback', '--project', project, '--json', '--yes'])).exitCode).toBe(0);
      expect(Object.keys(snapshot(out))).toEqual(emptyFiles);
      expect(await check(out, project)).toEqual({ problems: [], counts: {} });
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('The package is empty');
    });
  });
}
