import { statSync } from 'node:fs';
import type { Engagement } from '../engagement/engagement.js';
import { openCsv, ROW_KEY } from '../source/csv-file.js';
import { RowShape, type ShapeProblem } from './row-shape.js';
import type { HeaderNote } from '../source/header-match.js';
import { closestNames } from '../util/suggest.js';
import { csvOptions, loadCsvOptions } from './csv-options.js';
import { DuplicateKeys } from './duplicate-keys.js';
import { GotchaFindings } from './gotcha-findings.js';
import { loadColumns, requiredColumns } from './load-columns.js';
import type { MigrationPlan, PlannedLoad } from './migration-plan.js';
import { outOfScopeFiles } from './out-of-scope.js';
import { RowFilter } from './row-filter.js';
import { RowsNotTaken } from './rows-not-taken.js';
import type { ExportCheck, FileAccount, ShapeFinding } from './shape-findings.js';
import { ValueCoverage } from './value-coverage.js';
import { checkHeap } from '../util/heap-budget.js';

const FIRST_LINES = 5;
/** Past this many a column is not a list of pipelines: the processes stop growing and the checklist stays readable. */
const MAX_PIPELINES = 50;

export interface ExportCheckOptions {
  onRows?: (file: string, rows: number) => void;
}

/**
 * Reads every file the plan loads once, before anything moves, and says what would go wrong: files missing, empty
 * or not text, headers the loads cannot find or find twice, rows sharing a key, rows wider than the header, values
 * the value tables or the destination would refuse. It also counts what every load will take from each file, so a
 * run's figures can be checked against the export, and lists what the pair leaves behind. A file the parser cannot
 * read throws an InputError naming file and line: reading everything first means that happens before any write.
 */
export async function checkExport(engagement: Engagement, plan: MigrationPlan, options: ExportCheckOptions = {}): Promise<ExportCheck> {
  const findings: ShapeFinding[] = [];
  const files: FileAccount[] = [];
  const byFile = new Map<string, PlannedLoad[]>();
  for (const load of plan.loads) byFile.set(load.file, [...(byFile.get(load.file) ?? []), load]);
  for (const [path, loads] of byFile) {
    const account = await checkFile(engagement, plan, path, loads, findings, options);
    if (account !== undefined) files.push(account);
  }
  // A role the destination keeps no attendee record for (Salesforce: the organizer is the owner) is said, not dropped.
  for (const load of plan.loads) {
    for (const role of load.attendees?.unstored ?? []) {
      findings.push({ code: 'attendee-role', severity: 'note', file: load.fileName, load: load.id, ...(role.column === undefined ? {} : { column: role.column }), message: `${engagement.destination.spec.name} keeps no ${role.role} attendee on ${load.object}, so ${role.column ?? 'the owner'} is not written as one` });
    }
  }
  const notInScope = outOfScopeFiles(engagement, plan);
  for (const file of notInScope) {
    findings.push({ code: 'not-in-scope', severity: 'note', file: file.file, message: `not read by this pair (${file.reason})${file.rows === null ? '' : `: ${file.rows} rows stay behind`}`, ...(file.rows === null ? {} : { count: file.rows }) });
  }
  return { files, notInScope, findings };
}

async function checkFile(engagement: Engagement, plan: MigrationPlan, path: string, loads: PlannedLoad[], findings: ShapeFinding[], options: ExportCheckOptions): Promise<FileAccount | undefined> {
  const file = (loads[0] as PlannedLoad).fileName;
  const add = (finding: Omit<ShapeFinding, 'file'>): void => void findings.push({ file, ...finding });
  const found = (loads[0] as PlannedLoad).found;
  if (found.how === 'case' || found.how === 'timestamped') {
    add({ code: 'file-variant', severity: 'note', message: `read for ${loads.map((l) => l.id).join(', ')}: the platform names this file differently (${found.how === 'case' ? 'in another case' : 'without a timestamp'})` });
  }
  if (found.others.length > 0) {
    add({ code: 'file-variant', severity: 'warning', message: `chosen over ${found.others.join(', ')}, which match the same object: name the file in migration.yaml (files) if another one is meant` });
  }
  let stat;
  try {
    stat = statSync(path);
  } catch {
    // An object the customer never used exports no file: nothing of it can load, which a person should know, but it
    // is no reason to hold back the rest.
    const module = engagement.source.object((loads[0] as PlannedLoad).sourceObject)?.requiresModule;
    if (module !== undefined) {
      // Vtiger exports no Quotes or Sales Orders at all while Inventory is off: the records exist, the file does not.
      add({ code: 'module-disabled', severity: 'warning', message: `the export has no such file: ${engagement.source.spec.name} exports it only while its ${module} module is enabled, so nothing loads for ${loads.map((l) => l.id).join(', ')}. Enable ${module} and export again, or confirm the instance has none` });
    } else {
      add({ code: 'missing-file', severity: 'warning', message: `the export has no such file, so nothing loads for ${loads.map((l) => l.id).join(', ')}` });
    }
    return { file, rows: 0, excluded: 0, blankLines: 0, encoding: '', loads: loads.map((l) => ({ load: l.id, rows: 0, duplicates: [] })), unmappedColumns: [] };
  }
  if (!stat.isFile()) {
    add({ code: 'unreadable-file', severity: 'blocker', message: 'this is not a regular file' });
    return undefined;
  }
  const csv = await openCsv(path, loadCsvOptions(csvOptions(engagement), loads[0] as PlannedLoad));
  const { headers } = csv;
  const account: FileAccount = { file, rows: 0, excluded: 0, blankLines: 0, encoding: csv.encoding.name, loads: [], unmappedColumns: [] };
  if (stat.size === 0 || headers.length === 0) {
    add({ code: 'empty-file', severity: 'warning', message: 'the file is empty: no header and no rows, so nothing loads from it' });
    account.loads = loads.map((l) => ({ load: l.id, rows: 0, duplicates: [] }));
    return account;
  }
  if (headers.some((h) => h.includes('\u0000'))) {
    add({ code: 'binary-file', severity: 'blocker', message: 'the file holds NUL bytes where its header should be: it is binary or damaged, not a CSV export' });
    return undefined;
  }
  reportHeaders(csv.headerNotes, headers, loads, add);

  const read = new Set(loads.flatMap(loadColumns));
  const perLoad = loads.map((load) => ({
    load,
    filter: new RowFilter(load, headers),
    keyAt: load.keyColumns.map((c) => headers.indexOf(c)),
    shape: new RowShape(load, headers),
    keys: new DuplicateKeys(load.duplicates),
    rows: 0,
    blankKeys: [] as number[],
    coverage: new ValueCoverage(engagement, plan, load, headers),
    gotchas: new GotchaFindings(engagement, plan, load, headers),
    pipelineAt: load.process === undefined ? -1 : headers.indexOf(load.process.from),
    pipelines: new Set<string>(),
  }));
  const wide: number[] = [];
  let wideCount = 0;
  const short: number[] = [];
  let shortCount = 0;
  const notTaken = new RowsNotTaken(loads, headers);
  for await (const rows of csv.chunks) {
    for (const row of rows) {
      account.rows += 1;
      let taken = false;
      let misshapen: ShapeProblem['kind'] | undefined;
      for (const entry of perLoad) {
        if (!entry.filter.belongsHere(row.cells)) continue;
        taken = true;
        entry.rows += 1;
        // A row the load skips for its shape claims no key, so a whole row with the same key is not called its repeat.
        const problem = entry.shape.problem(row);
        if (problem !== undefined) {
          misshapen ??= problem.kind;
          continue;
        }
        const key = entry.keyAt.map((i) => (i < 0 ? '' : (row.cells[i] ?? '').trim())).join('|');
        if (key.replaceAll('|', '') === '') {
          if (entry.blankKeys.length < FIRST_LINES) entry.blankKeys.push(row.line);
        } else entry.keys.add(key, row.line, row.cells);
        entry.coverage.add(row.cells, row.line);
        entry.gotchas.add(row.cells, row.line);
        if (entry.pipelineAt >= 0 && entry.pipelines.size < MAX_PIPELINES) {
          const pipeline = (row.cells[entry.pipelineAt] ?? '').trim();
          if (pipeline !== '') entry.pipelines.add(pipeline);
        }
      }
      if (!taken) {
        account.excluded += 1;
        notTaken.add(row.cells, row.line);
      }
      if (misshapen !== undefined) {
        const lines = misshapen === 'wide' ? wide : short;
        if (lines.length < FIRST_LINES) lines.push(row.line);
        if (misshapen === 'wide') wideCount += 1;
        else shortCount += 1;
      }
      if (account.rows % 10_000 === 0) {
        options.onRows?.(file, account.rows);
        checkHeap();
      }
    }
  }
  options.onRows?.(file, account.rows);
  account.blankLines = csv.stats.blankLines.length;
  account.unmappedColumns = headers.map((h, i) => h || `(column ${i + 1}, no header)`).filter((h) => !read.has(h));

  for (const problem of csv.stats.textProblems.slice(0, 1)) {
    const lines = csv.stats.textProblems.map((p) => p.line);
    add({ code: 'invalid-text', severity: 'blocker', message: `${problem.problem} (read as ${csv.encoding.name}): declare the export's encoding (options.encoding in migration.yaml) or fix the bytes`, lines: lines.slice(0, FIRST_LINES), count: lines.length });
  }
  if (account.rows === 0) add({ code: 'header-only', severity: 'note', message: 'the file has a header and no rows' });
  const leftOut = notTaken.account();
  if (leftOut !== undefined) account.notTaken = leftOut;
  const notTakenFinding = notTaken.finding();
  if (notTakenFinding !== undefined) add(notTakenFinding);
  if (shortCount > 0) add({ code: 'short-row', severity: 'warning', message: `${shortCount} rows end before a column their load reads (a line break inside an unquoted cell?): they are skipped and reported`, lines: short, count: shortCount });
  if (wideCount > 0) add({ code: 'wide-row', severity: 'warning', message: `${wideCount} rows have more cells than the header has columns (an unquoted delimiter?): they are skipped and reported`, lines: wide, count: wideCount });
  for (const entry of perLoad) {
    const duplicates = entry.keys.rows();
    account.loads.push({ load: entry.load.id, rows: entry.rows, duplicates, ...(entry.load.process === undefined ? {} : { pipelines: [...entry.pipelines] }) });
    if (duplicates.length > 0) {
      const exact = duplicates.filter((d) => d.exact).length;
      const what = entry.load.duplicates === 'hold' ? 'are held, every row of each key' : entry.load.duplicates === 'last' ? 'do not load: the last row of each key does' : 'do not load: the first row of each key does';
      add({
        code: 'duplicate-key',
        severity: 'warning',
        load: entry.load.id,
        column: entry.load.keyColumns.join(' + '),
        message: `${duplicates.length} rows repeat a source key of ${entry.load.id} (${exact} identical, ${duplicates.length - exact} conflicting) and ${what}; line ${duplicates[0]?.line} repeats line ${duplicates[0]?.of}`,
        lines: duplicates.slice(0, FIRST_LINES).map((d) => d.line),
        count: duplicates.length,
      });
    }
    if (entry.load.keyColumns.includes(ROW_KEY)) {
      add({ code: 'row-key', severity: 'warning', load: entry.load.id, message: `${entry.load.id} keys rows by their line (the file has no id column): a rerun of this same file upserts, but a delta cannot follow a row whose line moved; run a full apply on a new export` });
    }
    if (entry.blankKeys.length > 0) {
      add({ code: 'blank-key', severity: 'warning', load: entry.load.id, column: entry.load.keyColumns.join(' + '), message: `rows with no source key (${entry.load.keyColumns.join(', ')}) cannot be upserted and are skipped`, lines: entry.blankKeys });
    }
    for (const refused of entry.coverage.refused()) add(refused);
    for (const gotcha of entry.gotchas.findings()) add(gotcha);
  }
  return account;
}

function reportHeaders(notes: readonly HeaderNote[], headers: readonly string[], loads: readonly PlannedLoad[], add: (f: Omit<ShapeFinding, 'file'>) => void): void {
  const needed = new Set(loads.flatMap(requiredColumns));
  for (const note of notes) {
    if (note.kind === 'variant') {
      add({ code: 'header-variant', severity: 'note', column: note.expected, lines: [1], message: `header ${JSON.stringify(note.found)} in column ${note.column + 1} is read as "${note.expected}" (${note.reason ?? 'it differs in case, spaces or invisible characters'})` });
    } else if (note.kind === 'duplicate') {
      const severity = needed.has(note.name) ? 'blocker' : 'warning';
      add({ code: 'duplicate-header', severity, column: note.name, lines: [1], message: `the header names "${note.name}" in ${note.columns.length} columns (${note.columns.map((c) => c + 1).join(', ')}): only the first would be read; rename or remove the others` });
    }
  }
  for (const load of loads) {
    const required = new Set(requiredColumns(load));
    for (const column of loadColumns(load)) {
      if (headers.includes(column) || column === load.modifiedColumn) continue;
      const guess = closestNames(column, headers.filter((h) => h !== ''))[0];
      const didYouMean = guess === undefined ? '' : `. Did you mean "${guess}"?`;
      if (required.has(column)) {
        add({ code: 'missing-column', severity: 'blocker', load: load.id, column, lines: [1], message: `${load.id} reads column "${column}", which the file does not have${didYouMean}` });
      } else {
        const fed = [...load.fields.filter((f) => f.columns.includes(column)).map((f) => f.to), ...load.lookups.filter((l) => l.columns.includes(column)).map((l) => l.to)];
        add({ code: 'missing-column', severity: 'warning', load: load.id, column, lines: [1], message: `${load.id} reads column "${column}", which the file does not have: ${fed.join(', ')} stays blank on every record${didYouMean}` });
      }
    }
  }
}
