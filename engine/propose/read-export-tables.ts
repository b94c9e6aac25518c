import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Discovery } from '../discover/discovery.js';
import type { Engagement } from '../engagement/engagement.js';
import { openCsv } from '../source/csv-file.js';
import { nullCells, parseReference } from '../source/reference.js';
import { recordNameColumns, type ExportTable, type UserDirectory } from './column-evidence.js';

/**
 * Rows read per file for the evidence. Uniqueness and overlap are measured on these; past them a rate is a sample's
 * rate, which the reason says. Memory stays bounded by this, not by the export's size.
 */
export const EVIDENCE_ROWS = 50_000;

export interface ExportEvidenceInput {
  tables: ExportTable[];
  users: UserDirectory;
  /** Turns a cell into the value a reference matches (strips Vtiger's `Accounts::::`). */
  clean: (cell: string) => string;
}

const fold = (v: string): string => v.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads, for every export file discovery found, the columns evidence needs: the key, the name columns and the custom
 * columns, plus the user table (ids, emails, names) joined with the destination's users.
 */
export async function readExportTables(engagement: Engagement, discovery: Discovery): Promise<ExportEvidenceInput> {
  const format = engagement.source.spec.export;
  const nulls = nullCells(format);
  const userObject = format?.userObject;
  const ids = new Set<string>();
  const emails = new Set((engagement.spec.users ?? []).map((u) => fold(u.email)));
  const names = new Set((engagement.spec.users ?? []).map((u) => fold(u.name)));
  const tables: ExportTable[] = [];
  for (const profile of discovery.objects) {
    const object = engagement.source.object(profile.object);
    const path = join(engagement.exportDir, profile.file);
    if (object === undefined || !existsSync(path)) continue;
    const names_ = recordNameColumns(object.nameColumns ?? (object.primaryName === undefined ? [] : [object.primaryName]), profile.headers);
    const emailColumn = object.fields.find((f) => f.type === 'email')?.name;
    const isUsers = profile.object === userObject;
    const wanted = new Set([object.key, ...names_, ...profile.customColumns, ...(isUsers ? [emailColumn] : [])].filter((c): c is string => c !== undefined));
    const csv = await openCsv(path, { ...(format?.delimiter === undefined ? {} : { delimiter: format.delimiter }), ...(format?.encoding === undefined ? {} : { encoding: format.encoding }), known: profile.headers });
    const at = csv.headers.map((h, i) => [h, i] as const).filter(([h]) => wanted.has(h));
    const columns = new Map(at.map(([h]) => [h, [] as string[]]));
    let rows = 0;
    for await (const row of csv.rows) {
      if (rows >= EVIDENCE_ROWS) break;
      rows += 1;
      for (const [h, i] of at) {
        const raw = row.cells[i] ?? '';
        columns.get(h)!.push(nulls.has(raw.trim()) ? '' : raw);
      }
    }
    if (isUsers) {
      for (const v of columns.get(object.key ?? '') ?? []) if (v.trim() !== '') ids.add(v.trim());
      for (const v of columns.get(emailColumn ?? '') ?? []) if (v.trim() !== '') emails.add(fold(v));
      const first = columns.get(names_[0] ?? '') ?? [];
      first.forEach((_, i) => {
        const name = names_.map((c) => columns.get(c)?.[i] ?? '').filter((v) => v.trim() !== '').join(' ');
        if (name !== '') names.add(fold(name));
      });
    }
    tables.push({
      object: profile.object,
      rows,
      columns,
      ...(object.key === undefined ? {} : { key: object.key }),
      names: names_,
      custom: profile.customColumns.filter((c) => columns.has(c)),
    });
  }
  return { tables, users: { ids, emails, names }, clean: (cell) => parseReference(cell, format).value };
}
