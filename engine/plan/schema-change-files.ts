import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { renderTemplate } from '../render/render.js';
import type { SchemaChangeDocument } from './schema-changes.js';

/** The schema-change document's files, named relative to the engagement folder. */
export interface SchemaChangeFiles {
  markdown: string;
  html: string;
}

export const SCHEMA_CHANGE_FILES: SchemaChangeFiles = { markdown: 'schema-changes.md', html: 'schema-changes.html' };

export function renderSchemaChanges(document: SchemaChangeDocument, kind: 'markdown' | 'html'): string {
  return renderTemplate(kind === 'markdown' ? 'schema-changes.md.hbs' : 'schema-changes.html.hbs', document, kind);
}

/** Writes both forms of the document into the engagement folder, where the admin and the next `plan` find them. */
export function writeSchemaChangeFiles(engagement: Engagement, document: SchemaChangeDocument): SchemaChangeFiles {
  writeFileSync(join(engagement.dir, SCHEMA_CHANGE_FILES.markdown), renderSchemaChanges(document, 'markdown'));
  writeFileSync(join(engagement.dir, SCHEMA_CHANGE_FILES.html), renderSchemaChanges(document, 'html'));
  return { ...SCHEMA_CHANGE_FILES };
}
