import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectEveryFileBalanced } from '../real-exports/export-harness.js';
import { jsonResult, runCliAsync as runCli } from '../run-cli.js';
import type { RunReport } from '../../../engine/run/run-report.js';

/*
 * A LeadSmart (Salesforce-built) export made with Data Loader rather than Data Export: no Id columns, records known by
 * External_Id__c, and every link a relationship column naming the target's external id (`Account.External_Id__c`,
 * `Owner.External_Id__c`, the polymorphic `What.External_Id__c`). The bundled pair, written for the data export's
 * `AccountId`/`OwnerId`/`WhatId`, must read these files as they are.
 */
const OWNER = 'dana.reyes@acme.example';
const FILES: Record<string, string> = {
  'User.csv': 'External_Id__c,Username,FirstName,LastName,Email,IsActive\r\nU-1,dana@acme.lsc,Dana,Reyes,dana.reyes@acme.example,true\r\n',
  'Account.csv':
    'External_Id__c,Name,Type,Parent.External_Id__c,Owner.External_Id__c\r\n' +
    'A-1,Acme Holdings,Customer - Direct,,U-1\r\n' +
    'A-2,Acme Retail,Customer - Channel,A-1,U-1\r\n',
  'Contact.csv':
    'External_Id__c,FirstName,LastName,Email,Account.External_Id__c,Owner.External_Id__c\r\n' +
    'C-1,Kim,Lee,kim.lee@acme.example,A-2,U-1\r\n' +
    'C-2,Sam,Roe,sam.roe@acme.example,A-9,U-1\r\n',
  'Task.csv':
    'External_Id__c,Subject,TaskSubtype,Status,Priority,What.External_Id__c,Who.External_Id__c,Owner.Username\r\n' +
    'T-1,Call back about renewal,Task,Not Started,Normal,A-1,,dana@acme.lsc\r\n' +
    'T-2,Send price list,Task,Not Started,Normal,,C-1,dana@acme.lsc\r\n',
};

const root = mkdtempSync(join(tmpdir(), 'data-loader-'));
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

describe('a Salesforce-shaped export written by Data Loader, with relationship columns', () => {
  beforeAll(() => {
    mkdirSync(exportDir, { recursive: true });
    mkdirSync(project, { recursive: true });
    for (const [name, body] of Object.entries(FILES)) writeFileSync(join(exportDir, name), body);
    writeFileSync(
      join(project, 'migration.yaml'),
      `pair: leadsmart-channel-cloud--dynamics-365-sales\nsource: ../export\ntarget: sqlite:sandbox.db\nusers:\n  - { email: ${OWNER}, name: Dana Reyes }\n`,
    );
  });

  it('given apply, keys records by External_Id__c and resolves every relationship column to the record it names', async () => {
    const result = await runCli(['apply', '--project', project, '--json']);
    // The contact naming account A-9, which the export does not have, is held for the admin (below), not failed.
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 3000)).toBe(0);
    expectEveryFileBalanced(jsonResult(result.stdout) as RunReport, exportDir);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      const accounts = db.prepare('SELECT a.name, p.name AS parent, u.internalemailaddress AS owner FROM account a LEFT JOIN account p ON p.accountid = a.parentaccountid LEFT JOIN systemuser u ON u.systemuserid = a.ownerid ORDER BY a.name').all();
      expect(accounts).toEqual([
        { name: 'Acme Holdings', parent: null, owner: OWNER },
        { name: 'Acme Retail', parent: 'Acme Holdings', owner: OWNER },
      ]);
      expect(db.prepare('SELECT c.lastname, a.name AS account FROM contact c JOIN account a ON a.accountid = c.parentcustomerid').all()).toEqual([{ lastname: 'Lee', account: 'Acme Retail' }]);
      const tasks = db
        .prepare('SELECT t.subject, coalesce(a.name, c.lastname) AS regarding, u.internalemailaddress AS owner FROM task t LEFT JOIN account a ON a.accountid = t.regardingobjectid LEFT JOIN contact c ON c.contactid = t.regardingobjectid LEFT JOIN systemuser u ON u.systemuserid = t.ownerid ORDER BY t.subject')
        .all();
      // Owners named by Owner.Username are found through User.csv as well as those named by external id.
      expect(tasks).toEqual([
        { subject: 'Call back about renewal', regarding: 'Acme Holdings', owner: OWNER },
        { subject: 'Send price list', regarding: 'Lee', owner: OWNER },
      ]);
      const keys = db.prepare('SELECT _source_key AS key FROM account ORDER BY 1').pluck().all();
      expect(keys).toEqual(['accounts:A-1', 'accounts:A-2']);
    } finally {
      db.close();
    }
    const report = (JSON.parse(result.stdout) as { result: { files: { exceptions: string } } }).result;
    const exceptions = readFileSync(join(project, report.files.exceptions), 'utf8');
    expect(exceptions).toContain('Contact.csv,3,contacts,contact,C-2,held,"AccountId: no accounts record has the key ""A-9""",AccountId,A-9');
  }, 180_000);

  it('given discover, reads the relationship columns as the fields they stand for and says so', async () => {
    const result = await runCli(['discover', '--project', project]);
    expect(result.exitCode, result.stderr + result.stdout.slice(0, 3000)).toBe(0);
    const report = readFileSync(join(project, 'discovery', 'discovery.md'), 'utf8');
    expect(report).toContain('`Contact.csv` header "Account.External_Id__c" in column 5 is read as "AccountId" (a Data Loader relationship column: it names the AccountId record by External_Id__c)');
    expect(report).toContain('`Contact.csv` header "External_Id__c" in column 1 is read as "Id" (the file has no Id column, so its records are keyed by this external id column)');
    // The contact naming an account the export does not have is found before anything moves.
    expect(result.stdout).toMatch(/orphaned-reference\s+contact\s+AccountId\s+1\s+Contact\.csv:3/);
  }, 120_000);
});
