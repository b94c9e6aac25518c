import type { DestinationRecord } from '../destination.js';
import type { SalesforceClient } from './salesforce-client.js';

/** Ids or keys per `IN (...)` clause: keeps each query URL far below Salesforce's length limit. */
export const IN_CHUNK = 200;

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: (DestinationRecord & { attributes?: unknown })[];
}

/** Runs a SOQL query and follows `nextRecordsUrl` until done; records come back without their `attributes` entry. */
export async function query(client: SalesforceClient, soql: string): Promise<DestinationRecord[]> {
  let page = await client.call<QueryPage>('GET', `${client.apiBase}/query?q=${encodeURIComponent(soql)}`);
  const records = page.records.map(strip);
  while (!page.done && page.nextRecordsUrl !== undefined) {
    page = await client.call<QueryPage>('GET', page.nextRecordsUrl);
    records.push(...page.records.map(strip));
  }
  return records;
}

export async function countRecords(client: SalesforceClient, object: string): Promise<number> {
  const page = await client.call<QueryPage>('GET', `${client.apiBase}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${object}`)}`);
  return page.totalSize;
}

/** Records whose `field` is one of `values`, with `Id`, `SystemModstamp`, `field` and the attributes named; in parallel chunks. */
export async function selectWhereIn(client: SalesforceClient, object: string, field: string, values: readonly string[], attributes: readonly string[]): Promise<DestinationRecord[]> {
  const columns = [...new Set(['Id', 'SystemModstamp', field, ...attributes])].join(', ');
  const chunks: string[][] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) chunks.push(values.slice(i, i + IN_CHUNK));
  const pages = await Promise.all(chunks.map((chunk) => query(client, `SELECT ${columns} FROM ${object} WHERE ${field} IN (${chunk.map(literal).join(', ')})`)));
  return pages.flat();
}

/** A SOQL string literal: backslashes and single quotes escaped, as the SOQL reference requires. */
export function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function strip(record: DestinationRecord & { attributes?: unknown }): DestinationRecord {
  const { attributes: _ignored, ...rest } = record;
  return rest;
}
