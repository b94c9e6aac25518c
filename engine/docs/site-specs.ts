import type { Catalog } from '../spec/catalog.js';
import type { PairSpec } from '../spec/generated/pair-spec.js';
import type { PlatformSpec } from '../spec/generated/platform-spec.js';
import { PlatformIndex } from '../spec/platform-index.js';

/** The specs a documentation site is generated from: every pair, and the platforms they name. */
export interface SiteSpecs {
  /** Sorted by id, so pages and listings come out in the same order on every run. */
  pairs: PairSpec[];
  platforms: Map<string, PlatformIndex>;
}

export function siteSpecsFromCatalog(catalog: Catalog): SiteSpecs {
  return siteSpecs(
    [...catalog.pairs.values()].map((p) => p.spec),
    [...catalog.platforms.values()].map((p) => p.spec),
  );
}

export function siteSpecs(pairs: readonly PairSpec[], platforms: readonly PlatformSpec[]): SiteSpecs {
  return {
    pairs: [...pairs].sort((a, b) => a.id.localeCompare(b.id)),
    platforms: new Map([...platforms].sort((a, b) => a.id.localeCompare(b.id)).map((p) => [p.id, new PlatformIndex(p)])),
  };
}

export function platformOf(specs: SiteSpecs, id: string): PlatformIndex {
  const platform = specs.platforms.get(id);
  if (platform === undefined) throw new Error(`crm-migrate docs: no platform spec "${id}"`);
  return platform;
}

/** The name a page shows for a platform. */
export function platformName(specs: SiteSpecs, id: string): string {
  return specs.platforms.get(id)?.spec.name ?? id;
}

export function platformSpecMap(specs: SiteSpecs): Map<string, PlatformSpec> {
  return new Map([...specs.platforms].map(([id, p]) => [id, p.spec]));
}
