import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngagementSpec } from '../../../engine/spec/generated/engagement-spec.js';
import { runCliAsync as runCli } from '../run-cli.js';

/**
 * A hand-written OpenCRM export whose deals carry one stage nothing resembles ("Parked", no probability): the proposer
 * can only guess it, so `confirm` must list it apart and take it only when a person names it.
 */
const ORGS = `CRM ID,Organisation Name,Phone,Website,Industry,Address Line 1,Address Line 2,Town/City,County,Postcode,Country,Assigned To,Date Created,Date Modified
ORG1,Acme Industrial,+44 20 7946 0100,https://acme.example,Manufacturing,1 High St,,London,,EC1A 1AA,United Kingdom,Ann Lee,04/03/2021 10:12,01/05/2024 08:00
ORG2,Globex Retail,+44 161 496 0142,https://globex.example,Retail,2 King St,,Manchester,,M2 4WU,United Kingdom,Bob Ray,19/05/2021 14:40,11/04/2024 09:30
`;
const CONTACTS = `CRM ID,First Name,Last Name,Email,Business Phone,Mobile,Job Title,Organisation,Organisation CRM ID,Assigned To,Date Created,Date Modified
CON1,Maria,Lopez,maria.lopez@acme.example,+44 20 7946 0101,+44 7700 900101,CFO,Acme Industrial,ORG1,Ann Lee,05/03/2021 09:00,01/02/2024 10:00
CON2,James,Chen,james.chen@globex.example,+44 161 496 0143,+44 7700 900143,Buyer,Globex Retail,ORG2,Bob Ray,20/05/2021 10:30,02/03/2024 11:00
`;
const DEALS = `CRM ID,Deal Name,Pipeline,Stage,Probability (%),Value,Expected Close Date,Organisation CRM ID,Contact CRM ID,Assigned To,Date Created,Date Modified
DEA1,Acme - Line 4,Sales,Negotiation,80,180000.00,30/06/2024,ORG1,CON1,Ann Lee,10/01/2024 09:00,01/05/2024 08:00
DEA2,Globex - POS,Sales,Parked,,95000.00,31/03/2024,ORG2,CON2,Bob Ray,02/11/2023 10:00,01/04/2024 08:00
DEA3,Acme - Support,Sales,Won,100,40000.00,28/02/2024,ORG1,CON1,Ann Lee,01/12/2023 08:00,01/03/2024 08:00
`;

describe('confirm with proposals below 50% confidence', () => {
  const root = mkdtempSync(join(tmpdir(), 'low-confidence-'));
  const project = join(root, 'engagement');
  const yamlFile = join(project, 'migration.yaml');
  const spec = (): EngagementSpec => parse(readFileSync(yamlFile, 'utf8')) as EngagementSpec;

  beforeAll(async () => {
    mkdirSync(join(root, 'export'));
    mkdirSync(project);
    writeFileSync(join(root, 'export', 'organisations.csv'), ORGS);
    writeFileSync(join(root, 'export', 'contacts.csv'), CONTACTS);
    writeFileSync(join(root, 'export', 'deals.csv'), DEALS);
    // No activities or notes in this export: the files are there with their headers only.
    writeFileSync(join(root, 'export', 'activities.csv'), 'CRM ID,Type,Subject,Description,Start,End,Duration (mins),Outcome,Location,Status,Priority,Due Date,Related To Type,Related To CRM ID,Assigned To,Date Created,Date Modified\n');
    writeFileSync(join(root, 'export', 'notes.csv'), 'CRM ID,Related To Type,Related To CRM ID,Note,Attachment File,Created By,Date Created\n');
    writeFileSync(
      yamlFile,
      ['pair: opencrm--dynamics-365-sales', 'source: ../export', 'target: sqlite:sandbox.db', 'users:', '  - { email: ann.lee@northwind.example, name: Ann Lee }', '  - { email: bob.ray@northwind.example, name: Bob Ray }', ''].join('\n'),
    );
    const proposed = (await runCli(['propose', '--project', project]));
    expect(proposed.exitCode, proposed.stderr).toBe(0);
    expect(proposed.stdout).toContain('1 of them are below 50% confidence');
  });

  it('proposes the unknown stage as a guess flagged for review, the known ones with confidence', async () => {
    const stages = new Map((spec().stageTable ?? []).map((s) => [s.source, s]));
    expect(stages.size).toBe(3);
    expect(stages.get('Parked')!.confidence).toBeLessThan(0.5);
    expect(stages.get('Parked')!.reason).toMatch(/review/);
    expect(stages.get('Negotiation')!.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('confirms everything else, lists the guess apart, leaves it proposed, and apply still refuses naming it', async () => {
    const confirm = (await runCli(['confirm', '--project', project, '--by', 'Dana Reyes']));
    expect(confirm.exitCode).toBe(3);
    const [confirmedPart, heldPart] = confirm.stdout.split('Not confirmed:');
    expect(confirmedPart).toMatch(/Dana Reyes confirmed .*stageTable/);
    expect(heldPart).toMatch(/^ 1 guesses below 50% confidence/);
    expect(heldPart).toMatch(/\n {2}stageTable: Parked -> \w+ \d+% Open \(30%\): nothing like "Parked"/);
    expect(heldPart).not.toContain('Negotiation');

    const after = spec();
    const parked = after.stageTable!.find((s) => s.source === 'Parked')!;
    expect(parked.status).toBe('proposed');
    expect(after.stageTable!.filter((s) => s.source !== 'Parked').map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
    expect((after.ownerMap ?? []).every((o) => o.status === 'confirmed')).toBe(true);

    const refused = (await runCli(['apply', '--project', project]));
    expect(refused.exitCode).toBe(3);
    expect(refused.stdout).toContain('stageTable: Parked (not confirmed)');
    expect(existsSync(join(project, 'sandbox.db'))).toBe(false);
  });

  it('takes the guess only when it is named, and says so when a name matches nothing', async () => {
    const typo = (await runCli(['confirm', '--project', project, '--by', 'Dana Reyes', '--accept', 'stageTable: Parkd']));
    expect(typo.exitCode).toBe(3);
    expect(typo.stdout).toContain('--accept "stageTable: Parkd" names no proposal');
    expect(spec().stageTable!.find((s) => s.source === 'Parked')!.status).toBe('proposed');

    const named = (await runCli(['confirm', '--project', project, '--by', 'Dana Reyes', '--accept', 'stageTable: Parked']));
    expect(named.exitCode, named.stdout).toBe(0);
    expect(spec().stageTable!.find((s) => s.source === 'Parked')!.status).toBe('confirmed');
    const applied = (await runCli(['apply', '--project', project]));
    expect(applied.exitCode, applied.stdout + applied.stderr).toBeLessThan(2);
  });
});
