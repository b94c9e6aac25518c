import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { HtmlValidate } from 'html-validate';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngagement } from '../../../engine/engagement/engagement.js';
import { escapeMarkdownCell } from '../../../engine/render/render.js';
import { automationInventory } from '../../../engine/docs/engagement/automation-inventory.js';
import { writeAutomationInventory } from '../../../engine/docs/engagement/engagement-doc-files.js';
import { bundledPairsDir, loadCatalog } from '../../../engine/spec/catalog.js';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import { PlatformIndex } from '../../../engine/spec/platform-index.js';
import { runCli, runCliAsync, jsonResult } from '../run-cli.js';

const PAIR = 'opencrm--dynamics-365-sales';
const DATE = '2026-01-01';
const GOLDEN = join(import.meta.dirname, 'golden');
/** A custom column whose label would bold text in HTML and split a Markdown table row if either went unescaped. */
const TRICKY_COLUMN = 'Region <b>code</b> | EMEA';

// The recommended rules, all on: the templates are plain standalone documents with nothing to excuse.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function htmlProblems(file: string): Promise<string[]> {
  const report = await validator.validateString(readFileSync(file, 'utf8'), file);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

/** The golden file, or a fresh one with UPDATE_GOLDEN=1; golden files are reviewed like code. */
function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every Markdown table row has as many cells as its header: an unescaped pipe or newline in a cell breaks that. */
function tableShapeProblems(markdown: string): string[] {
  const cells = (line: string): number => line.replace(/\\./g, '').split('|').length - 2;
  const problems: string[] = [];
  let header: number | undefined;
  for (const [i, line] of markdown.split('\n').entries()) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    header ??= cells(line);
    if (cells(line) !== header || !line.endsWith('|')) problems.push(`line ${i + 1}: ${line}`);
  }
  return problems;
}

async function cli(args: string[]): Promise<string> {
  const result = await runCliAsync(args);
  expect(result.exitCode, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('crm-migrate docs scope and docs inventory for an engagement', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-engagement-'));
  const project = join(root, 'engagement');
  const docs = join(project, 'docs');
  let scopeJson: { files: { markdown: string; html: string }; customFields: { decisions: { column: string }[] } };
  let inventoryText: string;

  beforeAll(async () => {
    await cli(['sample', '--pair', PAIR, '--out', join(root, 'export')]);
    await cli(['init', project, '--pair', PAIR, '--source', join(root, 'export')]);
    await cli(['discover', '--project', project]);
    await cli(['propose', '--project', project]);
    await cli(['confirm', '--project', project, '--by', 'Dana Reyes', '--include-low-confidence']);
    // One more decision, written by hand after the confirmation, so it is still proposed.
    const yamlFile = join(project, 'migration.yaml');
    const yaml = parseDocument(readFileSync(yamlFile, 'utf8'));
    yaml.addIn(['customFields'], { object: 'organisation', column: TRICKY_COLUMN, action: 'create', to: 'new_regioncode', type: 'text', maxLength: 50, status: 'proposed' });
    writeFileSync(yamlFile, yaml.toString());
    scopeJson = jsonResult(await cli(['docs', 'scope', '--project', project, '--date', DATE, '--json'])) as typeof scopeJson;
    inventoryText = await cli(['docs', 'inventory', '--project', project, '--date', DATE]);
  });

  it('given a confirmed engagement, writes docs/scope.md as the golden file has it', () => {
    expect(scopeJson.files).toEqual({ markdown: join(docs, 'scope.md'), html: join(docs, 'scope.html') });
    expectGolden('scope.md', readFileSync(join(docs, 'scope.md'), 'utf8'));
  });

  it('given the same engagement, writes docs/inventory.md as the golden file has it and says so', () => {
    expect(inventoryText).toContain('Wrote the automation inventory for opencrm--dynamics-365-sales: ');
    expect(inventoryText).toContain(join('docs', 'inventory.md'));
    expectGolden('inventory.md', readFileSync(join(docs, 'inventory.md'), 'utf8'));
  });

  it('given both documents, their HTML passes html-validate and their Markdown tables keep their shape', async () => {
    expect(await htmlProblems(join(docs, 'scope.html'))).toEqual([]);
    expect(await htmlProblems(join(docs, 'inventory.html'))).toEqual([]);
    expect(tableShapeProblems(readFileSync(join(docs, 'scope.md'), 'utf8'))).toEqual([]);
    expect(tableShapeProblems(readFileSync(join(docs, 'inventory.md'), 'utf8'))).toEqual([]);
  });

  it('given a custom column labelled with <b> and |, escapes it in HTML and keeps the Markdown row whole', () => {
    expect(scopeJson.customFields.decisions.map((d) => d.column)).toContain(TRICKY_COLUMN);
    const html = readFileSync(join(docs, 'scope.html'), 'utf8');
    expect(html).toContain('<td>Region &lt;b&gt;code&lt;/b&gt; | EMEA</td>');
    expect(html).not.toContain('<b>code</b>');
    const row = readFileSync(join(docs, 'scope.md'), 'utf8').split('\n').find((l) => l.startsWith('| organisation |') && l.includes('new_regioncode'));
    expect(row).toBe('| organisation | Region \\<b\\>code\\</b\\> \\| EMEA | create | new_regioncode | Single line of text (max 50) | **proposed** |');
  });

  it('given the source platform spec, lists every automation kind with its category equivalent from the destination spec', async () => {
    const catalog = await loadCatalog([bundledPairsDir()]);
    const pair = catalog.pairs.get(PAIR)?.spec;
    const source = catalog.platforms.get(pair?.source ?? '')?.index.spec;
    const destination = catalog.platforms.get(pair?.destination ?? '')?.index.spec;
    const kinds = source?.automations ?? [];
    expect(kinds.length).toBeGreaterThan(0);
    const markdown = readFileSync(join(docs, 'inventory.md'), 'utf8');
    const html = readFileSync(join(docs, 'inventory.html'), 'utf8');
    for (const kind of kinds) {
      const equivalent = destination?.automationEquivalents?.find((e) => e.category === kind.category)?.equivalent;
      const cell = equivalent ?? 'no equivalent';
      expect(markdown.split('\n').find((l) => l.startsWith(`| ${escapeMarkdownCell(kind.name)} |`)), kind.name).toMatch(new RegExp(` \\| (\\*\\*)?${escapeRegExp(escapeMarkdownCell(cell))}(\\*\\*)? \\|$`));
      const escape = (text: string): string => escapeRegExp(Handlebars.Utils.escapeExpression(text));
      expect(html, kind.name).toMatch(new RegExp(`<tr><td>${escape(kind.name)}</td><td>[^<]+</td><td>(<span class="none">)?${escape(cell)}(</span>)?</td></tr>`));
    }
  });

  it('given docs scope --help, documents --date', () => {
    const help = runCli(['docs', 'scope', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/--date=<value>\s+The date printed as "generated"/);
    const bad = runCli(['docs', 'inventory', '--project', project, '--date', '2026-02-30']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--date must be a calendar date as YYYY-MM-DD');
  });
});

describe('the automation inventory of other pairs', () => {
  it('given a Salesforce pair, recommends the Flow tools its destination spec names', async () => {
    const pair = 'smart-crm-online--salesforce-sales-cloud';
    const root = mkdtempSync(join(tmpdir(), 'docs-inventory-sf-'));
    await cli(['sample', '--pair', pair, '--out', join(root, 'export')]);
    await cli(['init', join(root, 'engagement'), '--pair', pair, '--source', join(root, 'export')]);
    const inventory = jsonResult(await cli(['docs', 'inventory', '--project', join(root, 'engagement'), '--json'])) as { items: { category: string; equivalent: string | null }[] };
    const catalog = await loadCatalog([bundledPairsDir()]);
    const flows = (catalog.platforms.get('salesforce-sales-cloud')?.index.spec.automationEquivalents ?? []).filter((e) => /\bFlow\b/.test(e.equivalent));
    expect(flows.length).toBeGreaterThan(0);
    const recommended = inventory.items.filter((i) => flows.some((f) => f.category === i.category));
    expect(recommended.length).toBeGreaterThan(0);
    for (const item of recommended) expect(item.equivalent).toBe(flows.find((f) => f.category === item.category)?.equivalent);
    const markdown = readFileSync(join(root, 'engagement', 'docs', 'inventory.md'), 'utf8');
    expect(markdown).toContain('rebuilt as Record-triggered Flow in the Salesforce sandbox');
  });

  it('given a destination with no equivalent for a category, says so for each kind of it, in both forms', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-inventory-none-'));
    await cli(['sample', '--pair', PAIR, '--out', join(root, 'export')]);
    await cli(['init', join(root, 'engagement'), '--pair', PAIR, '--source', join(root, 'export')]);
    const { engagement } = await loadEngagement(join(root, 'engagement'));
    if (!engagement) throw new Error('the engagement did not load');
    const spec: PlatformSpec = { ...engagement.destination.spec, automationEquivalents: (engagement.destination.spec.automationEquivalents ?? []).filter((e) => e.category !== 'integration') };
    const lacking = (engagement.source.spec.automations ?? []).filter((k) => k.category === 'integration');
    expect(lacking.length).toBeGreaterThan(0);
    const inventory = automationInventory({ ...engagement, destination: new PlatformIndex(spec) }, { generated: DATE });
    expect(inventory.counts.withoutEquivalent).toBe(lacking.length);
    const files = writeAutomationInventory(engagement, inventory);
    const markdown = readFileSync(files.markdown, 'utf8');
    for (const kind of lacking) expect(markdown).toContain(`| ${kind.name} | Integrations and forms | **no equivalent** |`);
    expect(markdown).toContain('- **Rebuild with:** Dynamics 365 Sales has no equivalent for this kind.');
    expect(readFileSync(files.html, 'utf8')).toContain('<span class="none">Dynamics 365 Sales has no equivalent for this kind.</span>');
    expect(await htmlProblems(files.html)).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
