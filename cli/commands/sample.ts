import { Flags } from '@oclif/core';
import { BaseCommand, type Outcome } from '../base-command.js';
import { bundledPair } from '../pair-flag.js';
import { generateSample, type SampleManifest } from '../../engine/sample/index.js';

export default class Sample extends BaseCommand<SampleManifest> {
  static override summary = "Write a realistic synthetic export of a pair's source CRM, in that CRM's own export shape.";
  static override description =
    'The same seed always gives the same files. The export carries the problems real exports have (duplicates, orphans, unknown and inactive owners, malformed dates, custom columns); crm-migrate-sample.json lists each one with its file and line.';
  static override examples = ['<%= config.bin %> sample --pair vtiger--dynamics-365-sales --out ./export', '<%= config.bin %> sample --pair opencrm--dynamics-365-sales --out ./big --scale 20 --seed 7'];
  static override flags = {
    pair: Flags.string({ description: 'The pair id (see `crm-migrate pairs`).', required: true }),
    out: Flags.string({ description: 'The folder to write the export into.', required: true }),
    seed: Flags.integer({ description: 'Seed of the generator.', default: 1 }),
    scale: Flags.integer({ description: 'Multiplies every object\'s row count.', default: 1, min: 1 }),
  };

  protected async execute(): Promise<Outcome<SampleManifest>> {
    const { flags } = await this.parse(Sample);
    const { pair, source, destination } = await bundledPair(flags.pair, flags.specs);
    const manifest = await generateSample({ pair, source, destination, outDir: flags.out, seed: flags.seed, scale: flags.scale });
    const rows = manifest.files.reduce((n, f) => n + f.rows, 0);
    const text = [
      `Wrote a ${source.spec.name} export to ${flags.out}: ${manifest.files.length} files, ${rows} rows, ${manifest.problems.length} planted problems.`,
      ...manifest.files.map((f) => `  ${f.file}: ${f.rows} rows`),
    ].join('\n');
    return { data: manifest, text };
  }
}
