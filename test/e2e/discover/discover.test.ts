import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Discovery } from '../../../engine/discover/discovery.js';
import type { SampleManifest } from '../../../engine/sample/manifest.js';
import { BUNDLED_PAIRS } from '../migrate/bundled-pairs.js';
import { runCliAsync, jsonResult } from '../run-cli.js';

/**
 * The finding discovery must report for each problem the sample generator plants. The text hazards the generator
 * also plants (embedded quotes, commas, newlines, non-ASCII) are parser checks, not data-quality problems: a
 * discovery that reported them would be wrong.
 */
const FINDING_FOR: Record<string, string | undefined> = {
  'duplicate-company': 'duplicate-company',
  'duplicate-email': 'duplicate-email',
  'missing-company': 'missing-reference',
  'unknown-company': 'orphaned-reference',
  'unknown-owner': 'unknown-owner',
  'inactive-owner': 'inactive-owner',
  'malformed-date': 'malformed-date',
};

function tally(entries: { id: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { id, n } of entries) out[id] = (out[id] ?? 0) + n;
  return out;
}

describe.each(BUNDLED_PAIRS)('discover on the %s sample', (pair) => {
  const root = mkdtempSync(join(tmpdir(), 'discover-'));
  const project = join(root, 'engagement');
  let manifest: SampleManifest;
  let discovery: Discovery;

  // Asynchronous: three CLI runs in a row would block vitest's worker long enough for its RPC to time out.
  beforeAll(async () => {
    expect((await runCliAsync(['sample', '--pair', pair, '--out', join(root, 'export')])).exitCode).toBe(0);
    expect((await runCliAsync(['init', project, '--pair', pair, '--source', join(root, 'export')])).exitCode).toBe(0);
    manifest = JSON.parse(readFileSync(join(root, 'export', 'crm-migrate-sample.json'), 'utf8')) as SampleManifest;
    const result = await runCliAsync(['discover', '--project', project, '--json']);
    expect(result.exitCode, result.stderr).toBe(0);
    discovery = jsonResult(result.stdout) as Discovery;
  });

  it('given the export, finds exactly the custom columns the generator planted, each with its type', () => {
    const found = discovery.columns.map((c) => `${c.object}.${c.column}: ${c.type}`).sort();
    const planted = manifest.customColumns.map((c) => `${c.object}.${c.column}: ${c.type}`).sort();
    expect(found).toEqual(planted);
    for (const column of manifest.customColumns.filter((c) => c.type === 'picklist')) {
      const options = discovery.columns.find((c) => c.object === column.object && c.column === column.column)?.options ?? [];
      expect(options.length).toBeGreaterThan(1);
      expect(column.options).toEqual(expect.arrayContaining(options));
    }
  });

  it('given the export, counts every planted data-quality problem per object, and reports nothing else', () => {
    const planted = tally(manifest.problems.flatMap((p) => (FINDING_FOR[p.kind] ? [{ id: `${FINDING_FOR[p.kind]} in ${p.object}`, n: 1 }] : [])));
    const found = tally(discovery.findings.map((f) => ({ id: `${f.kind} in ${f.object}`, n: f.count })));
    expect(Object.keys(planted).length).toBeGreaterThanOrEqual(6);
    expect(found).toEqual(planted);
  });

  it('given a finding, names the planted rows by file and line', () => {
    const findable = manifest.problems.filter((p) => FINDING_FOR[p.kind] !== undefined);
    expect(findable.length).toBeGreaterThanOrEqual(6);
    for (const problem of findable) {
      const finding = discovery.findings.find((f) => f.kind === FINDING_FOR[problem.kind] && f.object === problem.object && f.examples.some((e) => e.line === problem.line));
      expect(finding, `${problem.kind} at ${problem.file}:${problem.line}`).toBeDefined();
      expect(finding!.file).toBe(problem.file);
    }
  });

  it('given the owners, matches the active ones and flags the planted unknown and inactive ones', () => {
    const byMatch = (match: string): number => discovery.owners.filter((o) => o.match === match).length;
    expect(byMatch('none')).toBeGreaterThanOrEqual(1);
    expect(byMatch('inactive')).toBe(1);
    expect(byMatch('active')).toBeGreaterThan(3);
    const active = manifest.destinationUsers.filter((u) => u.active !== false).map((u) => u.email);
    for (const owner of discovery.owners.filter((o) => o.match === 'active')) expect(active).toContain(owner.user);
  });

  it('given the deals, lists every distinct stage once, with its count', () => {
    expect(discovery.stages.length).toBeGreaterThan(0);
    for (const stage of discovery.stages) {
      const values = stage.values.map((v) => v.value);
      expect(new Set(values).size).toBe(values.length);
      expect(stage.values.every((v) => v.count > 0)).toBe(true);
    }
    const counted = discovery.stages.reduce((n, s) => n + s.values.reduce((m, v) => m + v.count, 0), 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(Math.max(...discovery.objects.map((o) => o.rows)));
  });

  it('given the run, writes the JSON, Markdown and HTML reports beside migration.yaml', () => {
    const dir = join(project, 'discovery');
    expect(JSON.parse(readFileSync(join(dir, 'discovery.json'), 'utf8'))).toMatchObject({ pair, findings: discovery.findings });
    const markdown = readFileSync(join(dir, 'discovery.md'), 'utf8');
    expect(markdown).toContain('## Custom columns');
    for (const c of manifest.customColumns) expect(markdown).toContain(c.column);
    const html = readFileSync(join(dir, 'discovery.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(existsSync(join(project, 'sandbox.db'))).toBe(false);
  });
});
