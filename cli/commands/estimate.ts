import { Flags } from '@oclif/core';
import { BaseCommand, type Outcome } from '../base-command.js';
import { bundledPair } from '../pair-flag.js';
import { table } from '../printers/table.js';
import { estimateMigration, type Estimate } from '../../engine/estimate/estimate.js';
import { loadEstimatorRules } from '../../engine/estimate/estimator-rules.js';
import { count, money } from '../../engine/estimate/wording.js';

export default class EstimateCommand extends BaseCommand<Estimate> {
  static override summary = "Grade a pair's migration and give its timeline and price, with the reasons.";
  static override description =
    'Every figure comes from the rules in pairs/estimator.yaml, through the five factors the product pages name: object compatibility, field mapping clarity, API constraints and data volume sensitivity score points and the total picks the grade; timeline complexity (the object-count category) gives the weeks. Without --records the estimate has no price; above the rules\' record limit the migration is scoped individually.';
  static override examples = [
    '<%= config.bin %> estimate --pair vtiger--dynamics-365-sales',
    '<%= config.bin %> estimate --pair opencrm--dynamics-365-sales --records 500000',
    '<%= config.bin %> estimate --pair vtiger--dynamics-365-sales --records 3000000 --json',
  ];
  static override flags = {
    pair: Flags.string({ description: 'The pair id (see `crm-migrate pairs`).', required: true }),
    records: Flags.integer({ description: 'How many records the export holds, all objects together.', min: 0 }),
  };

  protected async execute(): Promise<Outcome<Estimate>> {
    const { flags } = await this.parse(EstimateCommand);
    const { pair, source, destination } = await bundledPair(flags.pair, flags.specs);
    const input = { pair, source: source.spec, destination: destination.spec, ...(flags.records === undefined ? {} : { records: flags.records }) };
    const estimate = estimateMigration(input, await loadEstimatorRules());

    const volume = flags.records === undefined ? '' : `, ${flags.records.toLocaleString('en-US')} records`;
    const text = [
      `${source.spec.name} → ${destination.spec.name} (${pair.id})${volume}`,
      `Grade:     ${estimate.grade.letter} ${estimate.grade.label} (${count(estimate.points, 'point')})`,
      `Timeline:  ${estimate.timeline.text}`,
      `Price:     ${priceLine(estimate)}`,
      '',
      table(
        ['factor', 'points', 'reason'],
        estimate.reasons.map((r) => [r.label, String(r.points), r.detail]),
      ),
    ].join('\n');
    return { data: estimate, text };
  }
}

function priceLine(estimate: Estimate): string {
  if (estimate.price !== undefined) {
    const { currency, breakdown } = estimate.price;
    return `${estimate.price.text} (${breakdown.map((b) => `${b.item}: ${money(b.amount, currency)}`).join(' + ')})`;
  }
  if (estimate.scopedIndividually) {
    return `scoped individually: ${(estimate.records ?? 0).toLocaleString('en-US')} records is more than the ${estimate.recordLimit.toLocaleString('en-US')} a fixed price covers.`;
  }
  return 'needs a record count: run again with --records N.';
}
