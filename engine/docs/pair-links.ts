import type { PairSpec } from '../spec/generated/pair-spec.js';
import { platformName, type SiteSpecs } from './site-specs.js';
import { hrefFrom, pairPagePath } from './site-paths.js';

export interface PairLink {
  label: string;
  href: string;
}

/** Links from the page at `fromPage` to the pages of the pairs `keep` selects, in id order. */
export function pairLinks(specs: SiteSpecs, fromPage: string, keep: (pair: PairSpec) => boolean): PairLink[] {
  return specs.pairs.filter(keep).map((pair) => ({ label: pairTitle(specs, pair), href: hrefFrom(fromPage, pairPagePath(pair.id)) }));
}

/** How a pair is named in headings and links. */
export function pairTitle(specs: SiteSpecs, pair: PairSpec): string {
  return `${platformName(specs, pair.source)} to ${platformName(specs, pair.destination)}`;
}
