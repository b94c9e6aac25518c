import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngagementSpec } from '../../../engine/spec/generated/engagement-spec.js';
import type { SampleManifest } from '../../../engine/sample/manifest.js';
import { runCliAsync as runCli } from '../run-cli.js';

const PAIR = 'smart-crm-online--salesforce-sales-cloud';

describe('from discovery to a confirmed run', () => {
  const root = mkdtempSync(join(tmpdir(), 'propose-'));
  const project = join(root, 'engagement');
  const yamlFile = join(project, 'migration.yaml');
  let manifest: SampleManifest;
  const spec = (): EngagementSpec => parse(readFileSync(yamlFile, 'utf8')) as EngagementSpec;

  beforeAll(async () => {
    expect((await runCli(['sample', '--pair', PAIR, '--out', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCli(['init', project, '--pair', PAIR, '--source', join(root, 'export')])).exitCode).toBe(0);
    manifest = JSON.parse(readFileSync(join(root, 'export', 'crm-migrate-sample.json'), 'utf8')) as SampleManifest;
  });

  it('given propose without a discovery, discovers first and writes one proposal per custom column, stage and owner', async () => {
    const result = (await runCli(['propose', '--project', project]));
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(project, 'discovery', 'discovery.json'))).toBe(true);
    const { customFields = [], stageTable = [], ownerMap = [] } = spec();
    expect(customFields.map((d) => `${d.object}.${d.column}`).sort()).toEqual(manifest.customColumns.map((c) => `${c.object}.${c.column}`).sort());
    for (const d of [...customFields, ...stageTable, ...ownerMap]) {
      expect(d.status).toBe('proposed');
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.reason).toMatch(/\w/);
    }
    // Salesforce names custom fields `…__c`; the type is the one discovery inferred.
    for (const d of customFields.filter((c) => c.action === 'create')) {
      expect(d.to).toMatch(/^[A-Za-z][A-Za-z0-9_]*__c$/);
      expect(d.type).toBe(manifest.customColumns.find((c) => c.object === d.object && c.column === d.column)?.type);
    }
    expect(stageTable.length).toBeGreaterThan(3);
    const unknown = ownerMap.find((o) => o.source.startsWith('tom.whitaker'));
    expect(unknown?.user).toBeUndefined();
    expect(unknown?.reason).toMatch(/suggested fallback/);
  });

  it('given unconfirmed proposals, apply refuses and names them; after confirm it creates the new fields and fills them', async () => {
    const refused = (await runCli(['apply', '--project', project]));
    expect(refused.exitCode).toBe(3);
    expect(refused.stdout).toMatch(/customFields: company\.Customer Since \(not confirmed\)/);
    expect(existsSync(join(project, 'sandbox.db'))).toBe(false);

    // The two owners with no active user are proposed for the owner queue at low confidence: confirm holds them apart
    // until a person names them.
    const first = (await runCli(['confirm', '--project', project, '--by', 'Dana Reyes']));
    expect(first.exitCode).toBe(3);
    const held = first.stdout.split('\n').filter((l) => /^ {2}\w+: .+ -> .+ \(\d+%\)/.test(l)).map((l) => l.trim().split(' -> ')[0]!);
    expect(held.sort()).toEqual(['ownerMap: priya.raman@northwind-sales.example', 'ownerMap: tom.whitaker@northwind-sales.example']);
    expect((await runCli(['confirm', '--project', project, '--by', 'Dana Reyes', ...held.flatMap((h) => ['--accept', h])])).exitCode).toBe(0);
    const applied = (await runCli(['apply', '--project', project]));
    expect(applied.exitCode, applied.stdout + applied.stderr).toBeLessThan(2);
    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    try {
      const filled = db.prepare('SELECT count(*) AS n FROM Account WHERE Customer_Since__c IS NOT NULL').get() as { n: number };
      expect(filled.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('given a second propose, keeps every confirmed decision as the person left it', async () => {
    const before = spec();
    expect((await runCli(['propose', '--project', project])).exitCode).toBe(0);
    const after = spec();
    expect(after.customFields).toEqual(before.customFields);
    expect(after.stageTable).toEqual(before.stageTable);
    expect((await runCli(['apply', '--project', project])).exitCode).toBeLessThan(2);
  });
});
