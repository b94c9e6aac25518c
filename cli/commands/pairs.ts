import { Args } from '@oclif/core';
import { BaseCommand, UserError, type Outcome } from '../base-command.js';
import { catalogDiagnostics, loadCatalog } from '../../engine/spec/catalog.js';
import { specDirs } from '../specs-flag.js';
import { hasErrors } from '../../engine/diagnostics/diagnostic.js';
import { summarizePair, type PairSummary } from '../../engine/spec/pair-summary.js';
import { listedRows } from '../../engine/spec/pair-model.js';
import { closestNames } from '../../engine/util/suggest.js';
import { EXIT } from '../exit-codes.js';
import { table } from '../printers/table.js';

export default class Pairs extends BaseCommand<PairSummary[] | PairSummary> {
  static override summary = 'List the migration pairs, or show one.';
  static override description = 'Every figure is computed from the pair spec: object rows, how many map 1:1, lossy rows, loads.';
  static override examples = ['<%= config.bin %> pairs', '<%= config.bin %> pairs vtiger--dynamics-365-sales', '<%= config.bin %> pairs --json'];
  static override args = { id: Args.string({ description: 'A pair id to show.' }) };

  protected async execute(): Promise<Outcome<PairSummary[] | PairSummary>> {
    const { args, flags } = await this.parse(Pairs);
    const catalog = await loadCatalog(specDirs(flags.specs));
    if (hasErrors(catalogDiagnostics(catalog))) {
      throw new UserError('The specs have errors; run `crm-migrate validate` (with the same --specs) to see them.');
    }
    const platforms = new Map([...catalog.platforms].map(([id, p]) => [id, p.spec]));
    const summaries = [...catalog.pairs.values()].map((p) => summarizePair(p.spec, platforms)).sort((a, b) => a.id.localeCompare(b.id));

    if (args.id !== undefined) {
      const summary = summaries.find((s) => s.id === args.id);
      if (!summary) {
        const hint = closestNames(args.id, summaries.map((s) => s.id))[0];
        throw new UserError(`No pair "${args.id}".${hint === undefined ? '' : ` Did you mean "${hint}"?`}`, EXIT.invalid);
      }
      const pair = catalog.pairs.get(summary.id)!.spec;
      const listed = listedRows(pair);
      const also = pair.objects.filter((r) => !listed.includes(r)).map((r) => `Also moved: ${r.source} → ${r.destination}`);
      const text = [
        `${summary.source.name} → ${summary.destination.name} (${summary.id})`,
        `${summary.oneToOne} of ${summary.objects} objects map 1:1; ${summary.lossy} lossy; ${summary.mappingRequired} need a mapping decision; ${summary.loads} loads.`,
        '',
        table(['source', 'destination', 'mapping', 'compatibility'], listed.map((r) => [r.source, r.destination, r.mapping, r.compatibility])),
        ...(also.length === 0 ? [] : ['', ...also]),
      ].join('\n');
      return { data: summary, text };
    }
    const text = table(
      ['id', 'source', 'destination', 'objects', '1:1', 'lossy'],
      summaries.map((s) => [s.id, s.source.name, s.destination.name, String(s.objects), String(s.oneToOne), String(s.lossy)]),
    );
    return { data: summaries, text };
  }
}
