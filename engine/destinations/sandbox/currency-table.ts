import type { Database } from 'better-sqlite3';
import type { CurrencyRecordRule } from '../currency-codes.js';
import type { IdFactory } from '../model/record-ids.js';
import { SOURCE_KEY, type TableSchema } from '../model/table-schema.js';
import { quoteName } from './sqlite-tables.js';

/**
 * The sandbox's currency records: one per currency of the engagement (keyed `currency:<code>`, so reruns update it),
 * with its rate stored as Dataverse does (units of the currency per unit of the base currency). Returns every currency
 * record the table holds, by ISO code.
 */
export function seedCurrencies(
  db: Database,
  schema: TableSchema,
  record: CurrencyRecordRule['record'],
  currencies: readonly { code: string; rate: number }[],
  newId: IdFactory,
): Map<string, string> {
  const names = [record.codeField, ...(record.rateField === undefined ? [] : [record.rateField]), ...(record.nameField === undefined ? [] : [record.nameField])];
  const quoted = names.map(quoteName);
  const table = quoteName(schema.object);
  const insert = db.prepare(
    `INSERT INTO ${table} (${quoteName(schema.key)}, ${quoteName(SOURCE_KEY)}, ${quoted.join(', ')}) VALUES (${['?', '?', ...names.map(() => '?')].join(', ')}) ` +
      `ON CONFLICT(${quoteName(SOURCE_KEY)}) DO UPDATE SET ${quoted.map((q) => `${q} = excluded.${q}`).join(', ')} ` +
      // Only a changed currency is written: a command that only reads must leave the file as it was.
      `WHERE ${quoted.map((q) => `${q} IS NOT excluded.${q}`).join(' OR ')}`,
  );
  const display = new Intl.DisplayNames(['en'], { type: 'currency' });
  for (const { code, rate } of currencies) {
    const sourceKey = `currency:${code}`;
    const values: (string | number)[] = [code];
    if (record.rateField !== undefined) values.push(Number((1 / rate).toPrecision(10)));
    if (record.nameField !== undefined) values.push(display.of(code) ?? code);
    insert.run(newId(sourceKey), sourceKey, ...values);
  }
  const rows = db.prepare(`SELECT ${quoteName(schema.key)} AS id, ${quoteName(record.codeField)} AS code FROM ${table}`).all() as { id: string; code: unknown }[];
  return new Map(rows.filter((r) => typeof r.code === 'string').map((r) => [String(r.code).toUpperCase(), r.id]));
}
