import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { BaseCommand, UserError, type Outcome } from '../../base-command.js';
import { displayPath } from '../../printers/display-path.js';
import { catalogDiagnostics, loadCatalog } from '../../../engine/spec/catalog.js';
import { specDirs } from '../../specs-flag.js';
import { hasErrors } from '../../../engine/diagnostics/diagnostic.js';
import { siteSpecsFromCatalog } from '../../../engine/docs/site-specs.js';
import { writeSite, type WrittenSite } from '../../../engine/docs/write-site.js';

export default class Docs extends BaseCommand<WrittenSite> {
  static override summary = 'Write a static HTML site from the specs: an index of pairs, one page per pair and one per platform.';
  static override description =
    'Every figure on the pages (object counts, grade, timeline, import order, estimates) is computed from the bundled pair and platform specs. Links are relative, so the folder opens straight from disk; the pages need no network.';
  static override examples = ['<%= config.bin %> docs', '<%= config.bin %> docs --out public/migrations'];
  static override flags = { out: Flags.string({ description: 'Folder to write the site into.', default: 'site' }) };

  static override longRunning = true;

  protected async execute(): Promise<Outcome<WrittenSite>> {
    const { flags } = await this.parse(Docs);
    const catalog = await loadCatalog(specDirs(flags.specs));
    if (hasErrors(catalogDiagnostics(catalog))) {
      throw new UserError('The specs have errors; run `crm-migrate validate` (with the same --specs) to see them.');
    }
    const outDir = resolve(flags.out);
    const specs = siteSpecsFromCatalog(catalog);
    // Rendering is one synchronous stretch: the bar names the step and the page count, and is cleared when done.
    const progress = this.progress('pages');
    progress.begin('docs: rendering the site', 1 + specs.pairs.length + specs.platforms.size);
    let site: WrittenSite;
    try {
      site = await writeSite(outDir, specs);
    } finally {
      progress.stop();
    }
    const text = [
      `Wrote the documentation site to ${displayPath(outDir)}:`,
      `  ${site.index} (index of ${site.pairs.length} pairs)`,
      `  ${site.pairs.length} pair pages in pairs/`,
      `  ${site.platforms.length} platform pages in platforms/`,
      `  ${site.stylesheet}`,
      `Open ${displayPath(resolve(outDir, site.index))} in a browser.`,
    ].join('\n');
    return { data: site, text };
  }
}
