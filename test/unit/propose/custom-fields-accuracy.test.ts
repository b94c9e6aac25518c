import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../engine/discover/discovery.js';
import { proposeCustomFields } from '../../../engine/propose/propose-custom-fields.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import type { PairSpec } from '../../../engine/spec/generated/pair-spec.js';
import { LABELLED_COLUMNS, type LabelledColumn } from './labelled-columns.js';

function profile(l: LabelledColumn): ColumnProfile {
  return {
    object: l.object,
    file: `${l.object}.csv`,
    column: l.column,
    custom: true,
    type: l.type,
    ...(l.options ? { options: l.options } : {}),
    maxLength: Math.max(...l.samples.map((s) => s.length)),
    filled: l.samples.length,
    rows: l.samples.length,
    samples: l.samples,
  };
}

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog([bundledPairsDir()]);
});

function decide(pairId: string, labelled: LabelledColumn[]) {
  const pair = catalog.pairs.get(pairId)?.spec as PairSpec;
  const destination = catalog.platforms.get(pair.destination)!.index;
  return proposeCustomFields({ columns: labelled.map(profile), pair, destination });
}

describe('custom field proposer on the labelled set', () => {
  it('covers the four source platforms with at least 60 columns', () => {
    expect(LABELLED_COLUMNS.length).toBeGreaterThanOrEqual(60);
    const sources = new Set(LABELLED_COLUMNS.map((l) => l.pair.split('--')[0]));
    expect(sources.size).toBe(4);
  });

  it('gets at least 90% of first choices right', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const pairId of new Set(LABELLED_COLUMNS.map((l) => l.pair))) {
      const set = LABELLED_COLUMNS.filter((l) => l.pair === pairId);
      // One column at a time, so an earlier column cannot take a later one's attribute.
      for (const l of set) {
        const [d] = decide(pairId, [l]);
        const got = d!.action === 'map' ? d!.to! : d!.action;
        if (got === l.expect) right++;
        else wrong.push(`${pairId} ${l.object}."${l.column}": expected ${l.expect}, got ${got} (${d!.reason})`);
      }
    }
    const accuracy = right / LABELLED_COLUMNS.length;
    console.log(`custom-field proposer first-choice accuracy: ${right}/${LABELLED_COLUMNS.length} = ${(accuracy * 100).toFixed(1)}%`);
    if (wrong.length > 0) console.log(`misses:\n  ${wrong.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps its accuracy when each pair\'s columns are proposed together', () => {
    let right = 0;
    for (const pairId of new Set(LABELLED_COLUMNS.map((l) => l.pair))) {
      const set = LABELLED_COLUMNS.filter((l) => l.pair === pairId);
      decide(pairId, set).forEach((d, i) => {
        if ((d.action === 'map' ? d.to : d.action) === set[i]!.expect) right++;
      });
    }
    console.log(`batched first-choice accuracy: ${right}/${LABELLED_COLUMNS.length}`);
    expect(right / LABELLED_COLUMNS.length).toBeGreaterThanOrEqual(0.9);
  });
});
