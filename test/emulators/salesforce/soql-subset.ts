import type { DestinationRecord } from '../../../engine/destinations/destination.js';
import type { SalesforceOrg } from './salesforce-org.js';

/**
 * The SOQL the target sends, and nothing more: `SELECT COUNT() FROM X`, `SELECT a, b FROM X` and
 * `SELECT a, b FROM X WHERE f IN ('v', ...)`. Anything else is a MALFORMED_QUERY, as a real org would answer a typo.
 */
export type SoqlAnswer = { totalSize: number; done: true; records: DestinationRecord[] } | { error: string };

const SELECT = /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(\w+)\s+IN\s*\((.*)\))?\s*$/is;

export function runSoql(org: SalesforceOrg, soql: string): SoqlAnswer {
  const m = SELECT.exec(soql.trim());
  if (m === null) return { error: `unexpected token in: ${soql.slice(0, 80)}` };
  const [, columnText, object, whereField, inList] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const describe = org.describe(object);
  if (describe === undefined) return { error: `sObject type '${object}' is not supported.` };
  if (/^COUNT\(\)$/i.test(columnText.trim())) return { totalSize: org.records(object).size, done: true, records: [] };
  const columns = columnText.split(',').map((c) => c.trim());
  const known = new Set(describe.fields.map((f) => f.name));
  const unknown = [...columns, ...(whereField ? [whereField] : [])].find((c) => !known.has(c));
  if (unknown !== undefined) return { error: `No such column '${unknown}' on entity '${object}'.` };
  const table = org.records(object);
  let rows: DestinationRecord[];
  if (whereField === 'Id' && inList !== undefined) {
    rows = literals(inList).map((id) => table.get(id)).filter((r): r is DestinationRecord => r !== undefined);
  } else if (whereField === org.sourceKeyField && inList !== undefined) {
    rows = literals(inList).map((key) => org.recordByKey(object, key)).filter((r): r is DestinationRecord => r !== undefined);
  } else if (whereField !== undefined && inList !== undefined) {
    const wanted = new Set(literals(inList));
    rows = [...table.values()].filter((r) => wanted.has(String(r[whereField] ?? '')));
  } else rows = [...table.values()];
  const records = rows.map((r) => ({ attributes: { type: object, url: `/sobjects/${object}/${String(r.Id)}` }, ...Object.fromEntries(columns.map((c) => [c, r[c] ?? null])) }) as unknown as DestinationRecord);
  return { totalSize: records.length, done: true, records };
}

/** `'a', 'b\'c'` as the strings they quote. */
function literals(list: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'/g;
  for (let m = re.exec(list); m !== null; m = re.exec(list)) out.push((m[1] as string).replace(/\\(.)/g, '$1'));
  return out;
}
