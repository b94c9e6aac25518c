import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { runCliAsync, type CliResult } from '../run-cli.js';

/**
 * Engagements over exports written by hand in the tests, shaped like Smart CRM Online's (one file per object, label
 * headers, `MM/DD/YYYY HH:mm` dates, owners by email), with the damage real files carry. Nothing here comes from
 * `sample`: the generator and the engine would share our assumptions.
 */
export const PAIR = 'smart-crm-online--dynamics-365-sales';
export const OWNER = 'ana.reyes@acme.example';

export const COMPANY_HEADER =
  'Company ID,Company Name,Website,Phone,Industry,Employees,Annual Revenue,Street,City,State,Postal Code,Country,Description,Owner Email,Created Date,Last Modified Date';
export const CONTACT_HEADER =
  'Contact ID,First Name,Last Name,Email,Phone,Mobile,Job Title,Street,City,State,Postal Code,Country,Company,Company ID,Tags,Owner Email,Created Date,Last Modified Date';
export const DEAL_HEADER =
  'Deal ID,Deal Name,Pipeline,Stage,Deal Value,Currency,Expected Close Date,Closed Date,Company,Company ID,Contact Email,Description,Tags,Owner Email,Created Date,Last Modified Date';
export const NOTE_HEADER = 'Note ID,Title,Body,Contact Email,Deal ID,Company ID,Owner Email,Created Date,Last Modified Date';

/** One company row: id, name, and the cells a test wants to spoil. */
export function company(id: string, name: string, cells: { website?: string; industry?: string; created?: string } = {}): string {
  const website = cells.website ?? `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  return `${id},${name},${website},+1 555 0100,${cells.industry ?? 'Retail'},12,"$1,200.00",1 Main St,Springfield,IL,62701,United States,,${OWNER},${cells.created ?? '03/14/2022 09:30'},03/15/2022 10:00`;
}

export function contact(id: string, last: string, email: string, companyId: string): string {
  return `${id},Kim,${last},${email},,,Buyer,,,,,,,${companyId},,${OWNER},04/01/2022 08:00,04/02/2022 08:00`;
}

export function deal(id: string, name: string, companyId: string, contactEmail: string): string {
  return `${id},${name},Sales Pipeline,Lead In,"$5,000.00",USD,12/01/2022,,,${companyId},${contactEmail},,,${OWNER},05/01/2022 08:00,05/02/2022 08:00`;
}

export function note(id: string, contactEmail: string, dealId: string, companyId: string): string {
  return `${id},Call notes,Spoke about renewal,${contactEmail},${dealId},${companyId},${OWNER},06/01/2022 08:00,06/02/2022 08:00`;
}

export function lines(header: string, rows: readonly string[], ending = '\n'): string {
  return [header, ...rows].join(ending) + ending;
}

/** An engagement folder beside an export folder holding exactly `files`. */
export function engagementWith(files: Record<string, string | Buffer>, extraYaml = ''): { project: string; exportDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'real-export-'));
  const exportDir = join(root, 'export');
  const project = join(root, 'engagement');
  mkdirSync(exportDir);
  mkdirSync(project);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(exportDir, name), body);
  writeFileSync(
    join(project, 'migration.yaml'),
    `pair: ${PAIR}\nsource: ../export\ntarget: sqlite:sandbox.db\nusers:\n  - { email: ${OWNER}, name: Ana Reyes }\n${extraYaml}`,
  );
  return { project, exportDir };
}

export interface JsonRun<T> {
  result: T | undefined;
  error: { code: string; message: string; file?: string; line?: number } | undefined;
  exitCode: number;
  raw: CliResult;
}

/**
 * Runs a command with `--json` and splits the envelope. Asynchronous, so a test made of many runs leaves vitest's
 * worker free to talk to the runner (a blocking spawn starves it into a timeout).
 */
export async function json<T>(args: readonly string[]): Promise<JsonRun<T>> {
  const raw = await runCliAsync([...args, '--json']);
  const envelope = (raw.stdout.trim() === '' ? {} : JSON.parse(raw.stdout)) as { result?: T; error?: JsonRun<T>['error'] };
  return { result: envelope.result, error: envelope.error, exitCode: raw.exitCode, raw };
}

export function apply(project: string): Promise<JsonRun<RunReport>> {
  return json<RunReport>(['apply', '--project', project]);
}

/** Rows of a report CSV in the engagement folder, as objects; none when the file was not written. */
export function reportRows(project: string, file: string | undefined): Record<string, string>[] {
  if (file === undefined || !existsSync(join(project, file))) return [];
  return parse(readFileSync(join(project, file)), { columns: true }) as Record<string, string>[];
}

/**
 * The conservation rule every run keeps, checked on `apply --json`: per file, `rows` is what the test wrote, and for
 * each load the rows it takes are all accounted for as created, updated, unchanged, skipped, held, refused or
 * duplicates. Returns the file's accounting for further checks.
 */
export function expectBalanced(report: RunReport, file: string, rowsWritten: number): NonNullable<RunReport['accounting']>[number] {
  expect(report.imbalances).toEqual([]);
  const account = report.accounting?.find((a) => a.file === file);
  expect(account, `${file} has an accounting`).toBeDefined();
  const a = account as NonNullable<typeof account>;
  expect(a.rows).toBe(rowsWritten);
  expect(a.loads.length).toBeGreaterThan(0);
  for (const share of a.loads) {
    const done = share.created + share.updated + share.unchanged + share.skipped + share.held + share.refused + share.duplicates;
    expect({ load: share.load, done }).toEqual({ load: share.load, done: share.expected });
  }
  expect(a.balanced).toBe(true);
  return a;
}

/**
 * Every file the run accounted for balances, and holds the rows the test wrote into it: counted here with csv-parse
 * from the file in `exportDir`, not from the run's own count (0 for an optional file the export lacks). At least one
 * file must be accounted for.
 */
export function expectEveryFileBalanced(report: RunReport, exportDir: string): void {
  const files = report.accounting ?? [];
  expect(files.length).toBeGreaterThan(0);
  for (const { file } of files) {
    // An optional file the export does not have is accounted for at 0 rows.
    const path = join(exportDir, file);
    const records = existsSync(path) ? (parse(readFileSync(path), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]) : [[]];
    expectBalanced(report, file, records.length - 1);
  }
}

export function checksum(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent';
}
