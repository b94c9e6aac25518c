import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../../engagement/engagement.js';
import { stringify } from 'csv-stringify/sync';
import { renderTemplate } from '../../render/render.js';
import { neutraliseCell } from '../../util/spreadsheet-cell.js';
import { MAPPING_CSV_COLUMNS, mappingCsvRows, type MappingDocument } from './mapping-document.js';
import type { AutomationInventory } from './automation-inventory.js';
import type { ScopeDocument } from './scope-document.js';

/** The engagement's documents live in `docs/` directly inside the engagement folder; links out of it go up one level. */
export const ENGAGEMENT_DOCS_DIR = 'docs';

/** Absolute paths of one document's two forms. */
export interface EngagementDocFiles {
  markdown: string;
  html: string;
}

/** Renders one document as Markdown (for the repository) and HTML (for the customer) into the engagement's docs folder. */
function writeDocument(engagement: Engagement, name: 'scope' | 'inventory' | 'mapping', view: object): EngagementDocFiles {
  const dir = join(engagement.dir, ENGAGEMENT_DOCS_DIR);
  mkdirSync(dir, { recursive: true });
  const files = { markdown: join(dir, `${name}.md`), html: join(dir, `${name}.html`) };
  writeFileSync(files.markdown, renderTemplate(`${name}.md.hbs`, view, 'markdown'));
  writeFileSync(files.html, renderTemplate(`${name}.html.hbs`, view, 'html'));
  return files;
}

export function writeScopeDocument(engagement: Engagement, scope: ScopeDocument): EngagementDocFiles {
  return writeDocument(engagement, 'scope', scope);
}

export function writeAutomationInventory(engagement: Engagement, inventory: AutomationInventory): EngagementDocFiles {
  return writeDocument(engagement, 'inventory', inventory);
}

/** The mapping document as Markdown, HTML and a CSV a spreadsheet opens with every text cell safe from formulas. */
export function writeMappingDocument(engagement: Engagement, document: MappingDocument): EngagementDocFiles & { csv: string } {
  const files = writeDocument(engagement, 'mapping', document);
  const csv = join(engagement.dir, ENGAGEMENT_DOCS_DIR, 'mapping.csv');
  const rows = mappingCsvRows(document).map((row) => MAPPING_CSV_COLUMNS.map((column) => neutraliseCell(row[column] ?? '')));
  writeFileSync(csv, stringify([[...MAPPING_CSV_COLUMNS], ...rows]));
  return { ...files, csv };
}
