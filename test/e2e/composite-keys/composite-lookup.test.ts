import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../real-exports/export-harness.js';
import { jsonResult, runCliAsync as runCli } from '../run-cli.js';
import type { RunReport } from '../../../engine/run/run-report.js';

/*
 * An export whose deals have no id of their own: a deal is its region and its number within the region, and deal
 * number 7 exists in both regions. Activities name their deal by the same two columns. Only a lookup on the
 * composite key links each activity to the right deal.
 */
const EXPORT = `id: regional-deals-export
name: Regional deals spreadsheet
roles: [source]
summary: Deals numbered per region, and activities naming them by region and number.
export:
  method: Saved from a spreadsheet.
  dateFormat: YYYY-MM-DD
  dateTimeFormat: YYYY-MM-DD HH:mm
  references: id
  owners: user-name
objects:
  - name: deals
    label: Deals
    file: deals.csv
    key: Region
    primaryName: Deal
    fields:
      - { name: Region, type: text }
      - { name: Deal No, type: text }
      - { name: Deal, type: text }
      - { name: Close, type: date }
  - name: activities
    label: Activities
    file: activities.csv
    key: Activity Id
    fields:
      - { name: Activity Id, type: id }
      - { name: Subject, type: text }
      - { name: Deal Region, type: text }
      - { name: Deal Number, type: text }
`;

const pair = (from: string): string => `id: regional-deals-export--salesforce-sales-cloud
source: regional-deals-export
destination: salesforce-sales-cloud
summary: Regional deals into Salesforce.
overview: Deals keyed by region and number; activities linked by both.
objects:
  - id: deal
    source: Deal
    destination: Opportunity
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each deal becomes an opportunity.
    loads:
      - id: opportunities
        from: deals
        to: Opportunity
        key: [Region, Deal No]
        fields:
          - { from: Deal, to: Name, transform: trim }
          - { to: StageName, value: Prospecting }
          - { from: Close, to: CloseDate, transform: date }
  - id: activity
    source: Activity
    destination: Task
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each activity becomes a task on its deal.
    loads:
      - id: tasks
        from: activities
        to: Task
        fields:
          - { from: Subject, to: Subject, transform: trim }
        lookups:
          - { from: ${from}, to: WhatId, load: opportunities, by: key, onMissing: blank }
challenges: []
approach:
  - { title: Load, detail: Two loads. }
`;

const root = mkdtempSync(join(tmpdir(), 'composite-lookup-'));
const specs = join(root, 'specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

function reportRows(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

describe('a lookup on a composite key', () => {
  beforeAll(async () => {
    mkdirSync(join(specs, 'platforms'), { recursive: true });
    writeFileSync(join(specs, 'platforms', 'regional-deals-export.yaml'), EXPORT);
    writeFileSync(join(specs, 'regional-deals-export--salesforce-sales-cloud.yaml'), pair('[Deal Region, Deal Number]'));
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(
      join(exportDir, 'deals.csv'),
      'Region,Deal No,Deal,Close\n' + 'North,7,North fit-out,2021-05-01\n' + 'South,7,South renewal,2021-06-01\n' + 'South,8,South audit,2021-07-01\n',
    );
    writeFileSync(
      join(exportDir, 'activities.csv'),
      'Activity Id,Subject,Deal Region,Deal Number\n' +
        'A1,Kick-off North,North,7\n' +
        'A2,Kick-off South,South,7\n' +
        'A3,Audit call,South,8\n' +
        'A4,Region unknown,,8\n' +
        'A5,No such deal,North,9\n' +
        'A6,No deal at all,,\n',
    );
    const init = await runCli(['init', project, '--pair', 'regional-deals-export--salesforce-sales-cloud', '--source', exportDir, '--specs', specs]);
    expect(init.exitCode, init.stderr + init.stdout).toBe(0);
  }, 60_000);

  it('given validate, accepts two columns against a key of two', async () => {
    const result = await runCli(['validate', '--specs', specs]);
    expect(result.exitCode, result.stdout).toBe(0);
  }, 60_000);

  it('given apply, links each activity to the deal of its region and number, and reports the incomplete and unknown keys by line', async () => {
    const result = await runCli(['apply', '--project', project, '--json']);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
    expectEveryFileBalanced(jsonResult(result.stdout) as RunReport, exportDir);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      const tasks = db.prepare('SELECT t.Subject AS subject, o.Name AS deal FROM Task t LEFT JOIN Opportunity o ON o.Id = t.WhatId ORDER BY t.Subject').all();
      expect(tasks).toEqual([
        { subject: 'Audit call', deal: 'South audit' },
        { subject: 'Kick-off North', deal: 'North fit-out' },
        { subject: 'Kick-off South', deal: 'South renewal' },
        { subject: 'No deal at all', deal: null },
        { subject: 'No such deal', deal: null },
        { subject: 'Region unknown', deal: null },
      ]);
    } finally {
      db.close();
    }
    const report = (JSON.parse(result.stdout) as { result: { files: { lookups: string } } }).result;
    const issues = reportRows(join(project, report.files.lookups)).map((r) => [r['file'], r['line'], r['column'], r['value'], r['problem'], r['outcome'], r['reason']]);
    expect(issues).toEqual([
      ['activities.csv', '5', 'Deal Region + Deal Number', '|8', 'missing', 'blanked', 'the key "|8" is incomplete: Deal Region is empty'],
      ['activities.csv', '6', 'Deal Region + Deal Number', 'North|9', 'missing', 'blanked', 'no opportunities record has the key "North|9"'],
    ]);
  }, 120_000);

  it('given verify over every row, checks each task links the deal its two columns name, and finds no mismatch', async () => {
    const result = await runCli(['verify', '--project', project, '--sample', '20', '--json']);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
  }, 120_000);

  it('given a lookup whose columns do not match the parts of the target key, validate exits 2 at the lookup', async () => {
    const broken = join(root, 'broken-specs');
    mkdirSync(join(broken, 'platforms'), { recursive: true });
    writeFileSync(join(broken, 'platforms', 'regional-deals-export.yaml'), EXPORT);
    writeFileSync(join(broken, 'regional-deals-export--salesforce-sales-cloud.yaml'), pair('[Deal Number]'));
    const result = await runCli(['validate', '--specs', broken, '--format', 'text']);
    expect(result.exitCode).toBe(2);
    const errors = result.stdout.split('\n').filter((l) => / error /.test(l));
    expect(errors).toEqual([
      expect.stringMatching(
        /regional-deals-export--salesforce-sales-cloud\.yaml:\d+:\d+ error spec\/lookup-target This lookup reads 1 columns \(Deal Number\) but load "opportunities" is keyed by 2 \(Region, Deal No\)/,
      ),
    ]);
  }, 60_000);
});
