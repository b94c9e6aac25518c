import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { loadEstimatorRules } from '../estimate/estimator-rules.js';
import { renderIndexPage } from './index-page.js';
import { renderPairPage } from './pair-page.js';
import type { EstimateContext } from './pair-estimate-view.js';
import { renderPlatformPage } from './platform-page.js';
import type { SiteSpecs } from './site-specs.js';
import { INDEX_PAGE, STYLESHEET, pairPagePath, platformPagePath } from './site-paths.js';

/** What `writeSite` wrote, as paths relative to the site's folder. */
export interface WrittenSite {
  outDir: string;
  index: string;
  pairs: string[];
  platforms: string[];
  stylesheet: string;
}

/** The site's pages as path → HTML, before anything touches the disk. */
export function renderSite(specs: SiteSpecs, estimates: EstimateContext): Map<string, string> {
  const pages = new Map<string, string>([[INDEX_PAGE, renderIndexPage(specs, estimates)]]);
  for (const pair of specs.pairs) pages.set(pairPagePath(pair.id), renderPairPage(pair, specs, estimates));
  for (const id of specs.platforms.keys()) pages.set(platformPagePath(id), renderPlatformPage(id, specs));
  return pages;
}

/**
 * Writes the index, one page per pair, one per platform and the shared stylesheet into `outDir`. Every link is
 * relative, so the folder can be opened from disk or served from any path.
 */
export async function writeSite(outDir: string, specs: SiteSpecs): Promise<WrittenSite> {
  const pages = renderSite(specs, { rules: await loadEstimatorRules() });
  for (const [path, html] of pages) {
    const file = join(outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  copyFileSync(join(packageRoot(), 'templates', 'site', STYLESHEET), join(outDir, STYLESHEET));
  return {
    outDir,
    index: INDEX_PAGE,
    pairs: specs.pairs.map((p) => pairPagePath(p.id)),
    platforms: [...specs.platforms.keys()].map((id) => platformPagePath(id)),
    stylesheet: STYLESHEET,
  };
}
