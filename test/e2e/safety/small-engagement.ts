import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { expect } from 'vitest';
import { runCli } from '../run-cli.js';

export const PAIR = 'smart-crm-online--dynamics-365-sales';
export const OWNER = 'ann.lee@northwind-sales.example';

/** Headers of a Smart CRM Online CSV export, as its exports write them (see EXPORT-FORMATS.md). */
const HEADERS = {
  companies: ['Company ID', 'Company Name', 'Website', 'Phone', 'Industry', 'Employees', 'Annual Revenue', 'Street', 'City', 'State', 'Postal Code', 'Country', 'Description', 'Owner Email', 'Created Date', 'Last Modified Date'],
  contacts: ['Contact ID', 'First Name', 'Last Name', 'Email', 'Phone', 'Mobile', 'Job Title', 'Street', 'City', 'State', 'Postal Code', 'Country', 'Company', 'Company ID', 'Tags', 'Owner Email', 'Created Date', 'Last Modified Date'],
  deals: ['Deal ID', 'Deal Name', 'Pipeline', 'Stage', 'Deal Value', 'Currency', 'Expected Close Date', 'Closed Date', 'Company', 'Company ID', 'Contact Email', 'Description', 'Tags', 'Owner Email', 'Created Date', 'Last Modified Date'],
  activities: ['Activity ID', 'Activity Type', 'Subject', 'Body', 'Start', 'End', 'Duration (min)', 'Direction', 'Disposition', 'Status', 'Priority', 'Due Date', 'Location', 'From', 'To', 'Contact Email', 'Deal ID', 'Company ID', 'Owner Email', 'Created Date', 'Last Modified Date'],
  notes: ['Note ID', 'Title', 'Body', 'Contact Email', 'Deal ID', 'Company ID', 'Owner Email', 'Created Date', 'Last Modified Date'],
  attachments: ['Attachment ID', 'File Name', 'File Path', 'Size (bytes)', 'Contact Email', 'Deal ID', 'Company ID', 'Owner Email', 'Created Date'],
} as const;

export type ExportRows = Partial<Record<keyof typeof HEADERS, Record<string, string>[]>>;

/** `count` companies owned by OWNER, named `Company <n>`, with ids from 100. */
export function companies(count: number, from = 100): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => ({
    'Company ID': String(from + i),
    'Company Name': `Company ${from + i}`,
    City: 'Leeds',
    Country: 'United Kingdom',
    'Owner Email': OWNER,
    'Created Date': '01/02/2024 10:00',
    'Last Modified Date': '01/02/2024 10:00',
  }));
}

/** Writes every file the pair reads (those not given as header-only files) into `dir`. */
export function writeExport(dir: string, rows: ExportRows): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, headers] of Object.entries(HEADERS)) {
    const data = rows[file as keyof typeof HEADERS] ?? [];
    writeFileSync(join(dir, `${file}.csv`), stringify([headers, ...data.map((r) => headers.map((h) => r[h] ?? ''))], { record_delimiter: 'windows' }));
  }
}

/**
 * An engagement on `exportDir` with OWNER as its one destination user, a fail threshold that lets a run with
 * deliberately bad rows complete, and an optional batch size (small batches make a run long enough to interrupt).
 */
export function engagement(project: string, exportDir: string, options: { batchSize?: number; users?: string[]; pair?: string } = {}): string {
  expect(runCli(['init', project, '--pair', options.pair ?? PAIR, '--source', exportDir]).exitCode).toBe(0);
  const file = join(project, 'migration.yaml');
  const users = (options.users ?? [OWNER]).map((email) => `  - { email: ${email}, name: ${email.split('@')[0]} }`).join('\n');
  let text = readFileSync(file, 'utf8').replace(/^users: \[\]$/m, `users:\n${users}`);
  text = text.replace('failThreshold: 0.05', `failThreshold: 1${options.batchSize === undefined ? '' : `\n  batchSize: ${options.batchSize}`}`);
  writeFileSync(file, text);
  return project;
}

/** The command's result from its `--json` output: the envelope's `result` (or the document itself, before envelopes). */
export function jsonResult<T>(stdout: string): T {
  const document = JSON.parse(stdout) as { result?: T };
  return (document.result ?? document) as T;
}
