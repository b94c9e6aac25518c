import { UserError } from './base-command.js';
import { EXIT } from './exit-codes.js';
import { loadCatalog } from '../engine/spec/catalog.js';
import { specDirs } from './specs-flag.js';
import type { PairSpec } from '../engine/spec/generated/pair-spec.js';
import type { PlatformIndex } from '../engine/spec/platform-index.js';
import { closestNames } from '../engine/util/suggest.js';

/** A pair by id (bundled, or from the `--specs` folders) with its two platforms, or a usage error that suggests the closest id. */
export async function bundledPair(id: string, specs?: string): Promise<{ pair: PairSpec; source: PlatformIndex; destination: PlatformIndex }> {
  const catalog = await loadCatalog(specDirs(specs));
  const loaded = catalog.pairs.get(id);
  if (!loaded) {
    const hint = closestNames(id, catalog.pairs.keys())[0];
    throw new UserError(`No pair "${id}".${hint === undefined ? ` Known pairs: ${[...catalog.pairs.keys()].join(', ')}.` : ` Did you mean "${hint}"?`}`, EXIT.invalid);
  }
  const source = catalog.platforms.get(loaded.spec.source)?.sourceIndex;
  const destination = catalog.platforms.get(loaded.spec.destination)?.index;
  if (!source || !destination) throw new UserError(`Pair "${id}" names a platform that has no spec.`, EXIT.invalid);
  return { pair: loaded.spec, source, destination };
}
