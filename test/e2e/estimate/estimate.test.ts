import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, jsonResult } from '../run-cli.js';

/**
 * The product pages (../shared/seeds) quote each pair's grade, label and timeline; both `crm-migrate estimate` and the
 * generated pair pages must give the same, computed from the specs and pairs/estimator.yaml.
 */
const SEED_FIGURES = [
  { pair: 'smart-crm-online--dynamics-365-sales', letter: 'B', label: 'Standard', timeline: '2-4 weeks' },
  { pair: 'smart-crm-online--salesforce-sales-cloud', letter: 'B', label: 'Standard', timeline: '4-8 weeks' },
  { pair: 'leadsmart-channel-cloud--dynamics-365-sales', letter: 'B', label: 'Standard', timeline: '3-5 weeks' },
  { pair: 'opencrm--dynamics-365-sales', letter: 'B', label: 'Standard', timeline: '3-5 weeks' },
  { pair: 'vtiger--dynamics-365-sales', letter: 'B', label: 'Standard', timeline: '2-4 weeks' },
] as const;

/** The five factors, titled as the product pages title them, in their order. */
const SEED_FACTORS = ['Object compatibility', 'Field mapping clarity', 'Timeline complexity', 'API constraints', 'Data volume sensitivity'];

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'crm-migrate-estimate-site-'));
  const result = runCli(['docs', '--out', site]);
  expect(result.exitCode, result.stderr).toBe(0);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe.each(SEED_FIGURES)('the seed figures of $pair', ({ pair, letter, label, timeline }) => {
  it(`given estimate --pair, prints grade ${letter} ${label} and ${timeline}, with the five factors of the page`, () => {
    const result = runCli(['estimate', '--pair', pair]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Grade:\\s+${letter} ${label} \\(`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^Timeline:\\s+${timeline}$`, 'm'));
    const json = jsonResult(runCli(['estimate', '--pair', pair, '--json']).stdout) as { grade: { letter: string; label: string }; timeline: { text: string }; reasons: { label: string }[] };
    expect(json.grade).toEqual({ letter, label });
    expect(json.timeline.text).toBe(timeline);
    expect(json.reasons.map((r) => r.label)).toEqual(SEED_FACTORS);
  });

  it(`given the generated pair page, its header and complexity section give ${letter} ${label} and ${timeline}`, () => {
    const page = readFileSync(join(site, 'pairs', `${pair}.html`), 'utf8');
    expect(page).toContain(`<dt>Complexity</dt><dd><span class="grade grade-${letter}">${letter}</span> ${label}</dd>`);
    expect(page).toContain(`<dt>Timeline</dt><dd>${timeline}</dd>`);
    expect(page).toContain(`<span class="grade grade-${letter}">${letter}</span> <strong>${label}</strong>, with a typical timeline of ${timeline}.`);
    for (const factor of SEED_FACTORS) expect(page).toContain(factor);
  });
});

describe('crm-migrate estimate', () => {
  it('given 3,000,000 records, exits 0 and says the migration is scoped individually, with no price', () => {
    const result = runCli(['estimate', '--pair', 'vtiger--dynamics-365-sales', '--records', '3000000']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Price:\s+scoped individually/m);
    expect(result.stdout).not.toMatch(/\$\d/);
  });
});
