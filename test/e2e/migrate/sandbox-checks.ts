import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';

/** A SHA-256 of every table's rows in primary-key order: equal checksums mean equal content. */
/**
 * A checksum per table of every row's data. The row version is left out: like Dataverse's versionnumber it records
 * that a row was written, so a rollback restores the data but not the version.
 */
export function tableChecksums(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const sums: Record<string, string> = {};
    for (const { name } of tables) {
      const hash = createHash('sha256');
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).iterate()) {
        const { _version: _ignored, ...data } = row as Record<string, unknown>;
        hash.update(JSON.stringify(data));
      }
      sums[name] = hash.digest('hex');
    }
    return sums;
  } finally {
    db.close();
  }
}

/**
 * Every lookup value in the sandbox that points nowhere: a non-empty lookup or owner column whose id is not the
 * primary key of any table the sandbox has. Tables the sandbox does not model (currencies) are ignored, as the
 * sandbox itself does.
 */
export function brokenLookups(path: string, destination: PlatformSpec): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name));
    const keyOf = new Map(destination.objects.map((o) => [o.name, o.key ?? `${o.name}id`]));
    const broken: string[] = [];
    for (const object of destination.objects) {
      if (!tables.has(object.name)) continue;
      const columns = new Set(db.prepare<[], { name: string }>(`PRAGMA table_info("${object.name}")`).all().map((c) => c.name));
      for (const field of object.fields) {
        if ((field.type !== 'lookup' && field.type !== 'owner') || !columns.has(field.name)) continue;
        const targets = (field.targets ?? []).filter((t) => tables.has(t));
        if (targets.length === 0) continue;
        const exists = targets.map((t) => `EXISTS (SELECT 1 FROM "${t}" WHERE "${keyOf.get(t) ?? 'id'}" = o."${field.name}")`).join(' OR ');
        const rows = db
          .prepare<[], { id: string; value: string }>(`SELECT o."${object.key ?? 'id'}" AS id, o."${field.name}" AS value FROM "${object.name}" o WHERE o."${field.name}" IS NOT NULL AND o."${field.name}" <> '' AND NOT (${exists})`)
          .all();
        for (const r of rows) broken.push(`${object.name}.${field.name} of ${r.id} -> ${r.value}`);
      }
    }
    return broken;
  } finally {
    db.close();
  }
}
