import { existsSync } from 'node:fs';
import type { PlannedLoad } from '../plan/migration-plan.js';
import { openCsv } from '../source/csv-file.js';
import type { MapperContext } from '../run/mapper-context.js';
import { isBlankKey, RowMapper } from '../run/row-mapper.js';
import { hashString, mix, Rng } from '../util/rng.js';
import { Reservoir } from './reservoir.js';
import { loadCsvOptions } from '../plan/csv-options.js';
import { RowShape } from '../plan/row-shape.js';

/** One source row picked for checking, as the export holds it. */
export interface SampledRow {
  line: number;
  cells: string[];
  sourceKey: string;
  /** Under `duplicates: hold`, the row's source key repeats in the file, so no row of it was loaded. */
  repeatsKey?: boolean;
  /** The run skips the row for its shape (cells that do not line up with the header), so it wrote nothing for it. */
  misshapen?: boolean;
}

export interface LoadSample {
  load: PlannedLoad;
  headers: string[];
  /** The rows picked, in file order. */
  rows: SampledRow[];
  /**
   * Rows of the load that could have been picked (after its `where` filter and the run restriction); a row repeating
   * the source key of a row being held replaces it rather than counting again.
   */
  candidates: number;
}

export interface SampleOptions {
  /** Rows to pick in all, spread evenly over the loads that have rows (see `spread`). */
  size: number;
  seed: number;
  delimiter?: string;
  /** Restricts the candidates (to the rows one run wrote); every row of the load when omitted. */
  qualifies?: (load: PlannedLoad, sourceKey: string) => boolean;
  /** After each load's file is read, with how many loads are read so far (for progress displays). */
  onLoadRead?: (loads: number) => void;
}

/**
 * Picks rows at random from every load's file, reading each file once and holding only the picked rows, never the
 * file. Each load draws from its own generator, seeded by the seed and the load, so the same seed on the same export
 * picks the same rows. A reservoir of the full size is kept per load because each load's share depends on how many
 * rows the others have, known only at the end; the share is then drawn from the reservoir, which keeps it uniform.
 */
export async function sampleRows(loads: readonly PlannedLoad[], context: MapperContext, options: SampleOptions): Promise<LoadSample[]> {
  const drawn: { sample: LoadSample; reservoir: Reservoir<SampledRow>; rng: Rng }[] = [];
  for (const load of loads) {
    if (!existsSync(load.file)) continue;
    const rng = new Rng(mix(options.seed, hashString(load.id)));
    const reservoir = new Reservoir<SampledRow>(options.size, rng);
    const csv = await openCsv(load.file, loadCsvOptions({ ...context.csv, ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }) }, load));
    const mapper = new RowMapper({ ...context, load, headers: csv.headers });
    const shape = new RowShape(load, csv.headers);
    // Under the default duplicates policy the first row of a key is the one loaded; later ones are reported, not kept.
    // Under `hold` no row of a repeated key is loaded, which is known only once the whole file is read.
    const seen = load.duplicates === 'last' ? undefined : new Set<string>();
    const repeated = new Set<string>();
    for await (const row of csv.rows) {
      if (!mapper.belongsHere(row.cells)) continue;
      const sourceKey = mapper.sourceKey(row.cells);
      // A row skipped for its shape claims no key, as in the run: a whole row with the same key is the one loaded.
      if (shape.problem(row) !== undefined) {
        if (options.qualifies === undefined || options.qualifies(load, sourceKey)) reservoir.offer({ line: row.line, cells: row.cells, sourceKey, misshapen: true }, undefined);
        continue;
      }
      if (seen !== undefined && !isBlankKey(sourceKey)) {
        if (seen.has(sourceKey)) {
          if (load.duplicates === 'first') continue;
          repeated.add(sourceKey);
        }
        seen.add(sourceKey);
      }
      if (options.qualifies !== undefined && !options.qualifies(load, sourceKey)) continue;
      // Rows without a key are never merged: each is a row of its own that could not load.
      reservoir.offer({ line: row.line, cells: row.cells, sourceKey }, isBlankKey(sourceKey) ? undefined : sourceKey);
    }
    for (const row of reservoir.sample()) if (repeated.has(row.sourceKey)) row.repeatsKey = true;
    drawn.push({ sample: { load, headers: csv.headers, rows: [], candidates: reservoir.offered }, reservoir, rng });
    options.onLoadRead?.(loads.indexOf(load) + 1);
  }
  const shares = spread(options.size, drawn.map((d) => d.sample.candidates));
  drawn.forEach(({ sample, reservoir, rng }, index) => {
    sample.rows = rng.some(reservoir.sample(), shares[index] ?? 0).sort((a, b) => a.line - b.line);
  });
  return drawn.map((d) => d.sample);
}

/**
 * Shares of `size` for loads holding `available` rows each: as even as possible, never more than a load holds, and
 * what a small load cannot take goes to the others, so that the shares add up to `size` whenever the rows do.
 */
export function spread(size: number, available: readonly number[]): number[] {
  const shares = available.map(() => 0);
  // Smallest first: each takes at most an even part of what is left, leaving its unused part to the larger ones.
  const order = available.map((_, index) => index).filter((index) => (available[index] ?? 0) > 0);
  order.sort((a, b) => (available[a] ?? 0) - (available[b] ?? 0));
  let left = size;
  order.forEach((index, position) => {
    const share = Math.min(available[index] ?? 0, Math.ceil(left / (order.length - position)));
    shares[index] = share;
    left -= share;
  });
  return shares;
}
