import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCliAsync as runCli } from '../run-cli.js';

/*
 * A company keeps its own specs in its own repository: a Salesforce org with a custom Goal__c object and a Region__c
 * field on Account, an OpenCRM export with a goals.csv the bundled OpenCRM spec does not know, and the pair between
 * them. None of it is inside the package; every command reads it through --specs (or CRM_MIGRATE_SPECS).
 */
const ACME_SALESFORCE = `# yaml-language-server: $schema=${repoRoot}/schemas/platform.schema.json
id: acme-salesforce
name: Acme's Salesforce org
extends: salesforce-sales-cloud
roles: [destination]
summary: Salesforce Sales Cloud with Acme's sales goals.
objects:
  - name: Account
    label: Account
    fields:
      - { name: Region__c, label: Region, type: text, maxLength: 40, writable: true }
  - name: Goal__c
    label: Sales Goal
    key: Id
    primaryName: Name
    fields:
      - { name: Id, label: Goal ID, type: id, writable: false }
      - { name: Name, label: Goal Name, type: text, required: true, maxLength: 80, writable: true }
      - { name: Target_Amount__c, label: Target Amount, type: money, writable: true }
      - { name: Account__c, label: Account, type: lookup, targets: [Account], writable: true }
      - { name: OwnerId, label: Owner, type: owner, targets: [User], defaulted: true, writable: true }
`;

const ACME_OPENCRM = `id: acme-opencrm
name: Acme's OpenCRM
extends: opencrm
roles: [source]
summary: OpenCRM with Acme's region column and goals module.
objects:
  - name: organisation
    label: Organisation
    fields:
      - { name: Region, type: text }
  - name: goal
    label: Goal
    file: goals.csv
    key: Goal ID
    primaryName: Goal Name
    fields:
      - { name: Goal ID, type: id, required: true }
      - { name: Goal Name, type: text, required: true }
      - { name: Target, type: money }
      - { name: Organisation CRM ID, type: lookup, targets: [organisation] }
`;

const ACME_PAIR = `id: acme-opencrm--acme-salesforce
source: acme-opencrm
destination: acme-salesforce
summary: Acme's OpenCRM organisations and goals into its Salesforce org.
overview: Organisations become accounts with their region; each goal becomes a Goal__c on its account.
objects:
  - id: company
    source: Organisation
    destination: Account
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each organisation becomes an account.
    loads:
      - id: accounts
        from: organisation
        to: Account
        fields:
          - { from: Organisation Name, to: Name, transform: trim }
          - { from: Region, to: Region__c, transform: trim }
  - id: goal
    source: Goal
    destination: Goal__c
    mapping: "1:1"
    compatibility: fully-supported
    narrative: Each goal keeps its account.
    loads:
      - id: goals
        from: goal
        to: Goal__c
        fields:
          - { from: Goal Name, to: Name, transform: trim }
          - { from: Target, to: Target_Amount__c, transform: money }
        lookups:
          - { from: Organisation CRM ID, to: Account__c, load: accounts, by: key, onMissing: hold }
challenges: []
approach:
  - { title: Load, detail: "Accounts first, then goals." }
`;

const root = mkdtempSync(join(tmpdir(), 'user-specs-'));
const specs = join(root, 'acme-specs');
const exportDir = join(root, 'export');
const project = join(root, 'engagement');

/** What `--json` printed: the envelope's `result`, or the document itself from commands that print it bare. */
function commandResult<T>(stdout: string): T {
  const parsed = JSON.parse(stdout) as { result?: T };
  return (parsed.result ?? parsed) as T;
}

function writeSpecs(): void {
  mkdirSync(join(specs, 'platforms'), { recursive: true });
  writeFileSync(join(specs, 'platforms', 'acme-salesforce.yaml'), ACME_SALESFORCE);
  writeFileSync(join(specs, 'platforms', 'acme-opencrm.yaml'), ACME_OPENCRM);
  writeFileSync(join(specs, 'acme-opencrm--acme-salesforce.yaml'), ACME_PAIR);
  mkdirSync(exportDir, { recursive: true });
  writeFileSync(
    join(exportDir, 'organisations.csv'),
    'CRM ID,Organisation Name,Phone,Region,Assigned To,Date Created,Date Modified\r\n' +
      'ORG1,Harbour Freight Ltd,01632 960001,North,Sam Patel,03/02/2023 09:15,04/02/2023 10:00\r\n' +
      'ORG2,Kestrel Foods,01632 960002,South,Sam Patel,05/02/2023 11:30,05/02/2023 11:30\r\n',
  );
  writeFileSync(
    join(exportDir, 'goals.csv'),
    'Goal ID,Goal Name,Target,Organisation CRM ID\r\n' + 'G1,Q3 renewals,"£12,500.00",ORG1\r\n' + 'G2,New stores,"£4,000.00",ORG2\r\n' + 'G3,Orphan goal,£10.00,ORG9\r\n',
  );
  writeFileSync(join(root, 'users.csv'), 'Email,Full Name,Active\r\nsam.patel@acme.example,Sam Patel,true\r\nold.rep@acme.example,Old Rep,false\r\n');
}

describe('specs kept in the user\'s own repository', () => {
  beforeAll(() => writeSpecs());

  it('given --specs, validate checks the user\'s platforms and pair (with their bundled bases) with no error', async () => {
    const result = await runCli(['validate', '--specs', specs, '--format', 'text']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ files checked: 0 errors, 0 warnings\.\n$/);
    expect(result.exitCode).toBe(0);
  });

  it('given CRM_MIGRATE_SPECS, pairs lists the user\'s pair beside the bundled ones', async () => {
    const result = await runCli(['pairs'], { env: { CRM_MIGRATE_SPECS: specs } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^acme-opencrm--acme-salesforce\s+Acme's OpenCRM\s+Acme's Salesforce org\s+2\s+2\s+0\s*$/m);
    expect(result.stdout).toMatch(/^vtiger--dynamics-365-sales\s/m);
    expect((await runCli(['pairs'])).stdout).not.toContain('acme-opencrm');
  });

  it('given a crm-migrate.json at the repository root, commands run anywhere below it read its specs', async () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'engagements', 'acme'), { recursive: true });
    writeFileSync(join(repo, 'crm-migrate.json'), JSON.stringify({ specs: ['../acme-specs'] }));
    const result = await runCli(['pairs'], { cwd: join(repo, 'engagements', 'acme') });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^acme-opencrm--acme-salesforce\s/m);
  });

  it('given init --specs and --users, records the spec folder and the users, and a $schema line that survives a move', async () => {
    const result = await runCli(['init', project, '--pair', 'acme-opencrm--acme-salesforce', '--source', exportDir, '--specs', specs, '--users', join(root, 'users.csv')]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 destination users from');
    const yaml = readFileSync(join(project, 'migration.yaml'), 'utf8');
    expect(yaml).toContain('specs:\n  - ../acme-specs\n');
    expect(yaml).toContain('target: sqlite:sandbox.db');
    expect(yaml).toMatch(/- email: sam\.patel@acme\.example\n\s+name: Sam Patel\n/);
    expect(yaml).toMatch(/- email: old\.rep@acme\.example\n\s+name: Old Rep\n\s+active: false\n/);
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(yaml)?.[1] ?? '';
    expect(schema).toBe(join(repoRoot, 'schemas', 'engagement.schema.json'));
    expect(existsSync(schema)).toBe(true);
  });

  it('given plan on that engagement (no flag), lists Goal__c as a custom object to create and Region__c as a field to add', async () => {
    const result = await runCli(['plan', '--project', project]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Custom object to create: Goal__c (Sales Goal), before goals: Name (Text(80)), Target_Amount__c (Currency(16,2)), Account__c (Lookup(Account))');
    expect(result.stdout).toContain('Custom fields to add to Account: Region__c (Text(40))');
    const markdown = readFileSync(join(project, 'schema-changes.md'), 'utf8');
    expect(markdown).toMatch(/^- \[ \] Create the custom object Sales Goal \(Goal\\?_\\?_c\) with its 3 fields, before goals\.$/m);
    expect(markdown).toMatch(/^### Custom object to create: Sales Goal \(Goal\\?_\\?_c\)$/m);
    expect(markdown).toMatch(/^- \[ \] \*\*Target Amount\*\* \(Target\\?_Amount\\?_\\?_c\): Currency\(16,2\)$/m);
  });

  it('given apply, loads the goals into the custom object linked to their accounts, and holds the orphan', async () => {
    const result = await runCli(['apply', '--project', project, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = commandResult<{ loads: { load: string; loaded: number; held: number }[] }>(result.stdout);
    expect(report.loads.map((l) => [l.load, l.loaded, l.held])).toEqual([
      ['accounts', 2, 0],
      ['goals', 2, 1],
    ]);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT g.Name AS goal, g.Target_Amount__c AS target, a.Name AS account, a.Region__c AS region FROM Goal__c g JOIN Account a ON a.Id = g.Account__c ORDER BY g.Name').all();
      expect(rows).toEqual([
        { goal: 'New stores', target: 4000, account: 'Kestrel Foods', region: 'South' },
        { goal: 'Q3 renewals', target: 12500, account: 'Harbour Freight Ltd', region: 'North' },
      ]);
    } finally {
      db.close();
    }
  });

  it('given the engagement folder moved beside the specs, commands still find the specs it recorded', async () => {
    const moved = join(root, 'engagement-moved');
    renameSync(project, moved);
    const result = await runCli(['plan', '--project', moved]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Custom object to create: Goal__c');
    renameSync(moved, project);
  });

  it('given docs --specs, writes a page for the user\'s pair and for both of its platforms', async () => {
    const out = join(root, 'site');
    const result = await runCli(['docs', '--specs', specs, '--out', out]);
    expect(result.exitCode, result.stderr).toBe(0);
    const page = readFileSync(join(out, 'pairs', 'acme-opencrm--acme-salesforce.html'), 'utf8');
    expect(page).toContain('Sales Goal');
    expect(existsSync(join(out, 'platforms', 'acme-salesforce.html'))).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('acme-opencrm--acme-salesforce');
  });

  it('given a second platform file with the same id, validate fails naming both files', async () => {
    const other = join(root, 'duplicate-specs');
    mkdirSync(join(other, 'platforms'), { recursive: true });
    writeFileSync(join(other, 'platforms', 'acme-salesforce.yaml'), ACME_SALESFORCE);
    writeFileSync(join(other, 'platforms', 'acme-salesforce-copy.yaml'), ACME_SALESFORCE.replace("Acme's Salesforce org", 'Acme copy'));
    const result = await runCli(['validate', '--specs', other, '--format', 'text']);
    expect(result.exitCode).toBe(2);
    const lines = result.stdout.split('\n').filter((l) => l.includes('spec/duplicate-id'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/acme-salesforce(-copy)?\.yaml:2:5 error spec\/duplicate-id Platform id "acme-salesforce" is already declared in /);
    expect(lines[0]).toContain(join(other, 'platforms', 'acme-salesforce.yaml'));
    expect(lines[0]).toContain(join(other, 'platforms', 'acme-salesforce-copy.yaml'));
  });

  it('given a user platform that repeats a bundled id, validate fails in the user\'s file and the bundled pairs still check', async () => {
    const other = join(root, 'shadow-specs');
    mkdirSync(join(other, 'platforms'), { recursive: true });
    writeFileSync(join(other, 'platforms', 'opencrm.yaml'), ACME_OPENCRM.replace('id: acme-opencrm', 'id: opencrm').replace('extends: opencrm\n', ''));
    const result = await runCli(['validate', '--specs', other, '--format', 'text']);
    expect(result.exitCode).toBe(2);
    const errors = result.stdout.split('\n').filter((l) => / error /.test(l));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/shadow-specs\/platforms\/opencrm\.yaml:\d+:\d+ error /);
    expect(errors.some((l) => l.includes('Platform id "opencrm" is already declared in') && l.includes(join('pairs', 'platforms', 'opencrm.yaml')))).toBe(true);
  });

  it('given --specs naming a folder that does not exist, exits 2 naming it', async () => {
    const result = await runCli(['pairs', '--specs', join(root, 'nowhere')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(join(root, 'nowhere'));
  });
});
