import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type { Engagement } from '../../../engine/engagement/engagement.js';
import { compilePlan, type PlannedLoad, type PlannedLookup } from '../../../engine/plan/migration-plan.js';
import { parseReference } from '../../../engine/source/reference.js';
import { closeOutcome } from '../../../engine/spec/close-rule.js';

/**
 * Checks the sandbox against the source export with logic of its own rather than the engine's row mapper, so that a
 * mapping bug cannot hide behind itself. Each returned string is one violation.
 */
export function violations(engagement: Engagement): string[] {
  const { loads } = plan(engagement);
  const sandbox = new Database(join(engagement.dir, 'sandbox.db'), { readonly: true });
  const ledger = new Database(join(engagement.dir, 'ledger.db'), { readonly: true });
  const idOf = (load: string, key: string): string | undefined =>
    ledger.prepare<[string, string], { dest_id: string }>('SELECT dest_id FROM keymap WHERE load = ? AND source_key = ?').get(load, key)?.dest_id;
  const out: string[] = [];
  try {
    for (const load of loads) out.push(...checkLoad(engagement, load, sandbox, idOf));
  } finally {
    sandbox.close();
    ledger.close();
  }
  return out;
}

const indexes = new Map<string, Map<string, string[]>>();

/** Source keys of a load's rows by lower-case name or email, read straight from its file. */
function index(engagement: Engagement, loadId: string, by: 'name' | 'email'): Map<string, string[]> {
  const id = `${engagement.dir}|${loadId}|${by}`;
  const cached = indexes.get(id);
  if (cached) return cached;
  const load = plan(engagement).loads.find((l) => l.id === loadId) as PlannedLoad;
  const columns = by === 'name' ? load.nameColumns : load.emailColumn === undefined ? [] : [load.emailColumn];
  const out = new Map<string, string[]>();
  for (const row of parse(readFileSync(load.file), { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[]) {
    if (load.filter && !load.filter.values.has((row[load.filter.column] ?? '').trim().toLowerCase())) continue;
    const value = columns.map((c) => (row[c] ?? '').trim()).filter((v) => v !== '').join(' ').toLowerCase();
    if (value === '') continue;
    out.set(value, [...(out.get(value) ?? []), load.keyColumns.map((c) => (row[c] ?? '').trim()).join('|')]);
  }
  indexes.set(id, out);
  return out;
}

/** `load|source key|column` of every value a run left empty and reported in its blanked.csv. */
function blankedCells(engagement: Engagement): Set<string> {
  const out = new Set<string>();
  const runs = join(engagement.dir, 'runs');
  for (const run of existsSync(runs) ? readdirSync(runs) : []) {
    const file = join(runs, run, 'blanked.csv');
    if (!existsSync(file)) continue;
    for (const r of parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[]) out.add(`${r['load']}|${r['source_key']}|${r['column']}`);
  }
  return out;
}

const plans = new WeakMap<Engagement, ReturnType<typeof compilePlan>>();
function plan(engagement: Engagement): ReturnType<typeof compilePlan> {
  const cached = plans.get(engagement) ?? compilePlan(engagement);
  plans.set(engagement, cached);
  return cached;
}

function checkLoad(engagement: Engagement, load: PlannedLoad, sandbox: Database.Database, idOf: (load: string, key: string) => string | undefined): string[] {
  const out: string[] = [];
  const rows = parse(readFileSync(load.file), { columns: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  const object = engagement.destination.object(load.object);
  const keyColumn = object?.key ?? 'id';
  const format = engagement.source.spec.export;
  const nulls = new Set(format?.nullValues ?? []);
  const cell = (row: Record<string, string>, column: string): string => {
    const v = (row[column] ?? '').trim();
    return nulls.has(v) ? '' : v;
  };
  // Lookups writing one attribute are fallbacks, tried in order; each group has one right answer.
  const groups = new Map<string, PlannedLookup[]>();
  for (const lookup of load.lookups) groups.set(lookup.to, [...(groups.get(lookup.to) ?? []), lookup]);
  const dated = load.fields.filter((f) => f.columns.length === 1 && f.steps.some((s) => s === 'date' || s === 'datetime'));
  const staged = load.fields.filter((f) => {
    const last = f.steps.at(-1);
    return f.columns.length === 1 && typeof last === 'object' && last.name === 'stage' && (last.output ?? 'stage') === 'stage';
  });
  const owner = load.owner?.by === 'email' && format?.owners === 'email' ? load.owner : undefined;
  const userObject = engagement.destination.spec.rules?.userObject;
  const emailField = engagement.destination.spec.rules?.userEmailField;
  const userKey = engagement.destination.object(userObject ?? '')?.key;

  for (const row of rows) {
    if (load.filter && !load.filter.values.has(cell(row, load.filter.column).toLowerCase())) continue;
    const key = load.keyColumns.map((c) => cell(row, c)).join('|');
    const id = idOf(load.id, key);
    if (id === undefined) continue;
    const record = sandbox.prepare(`SELECT * FROM "${load.object}" WHERE "${keyColumn}" = ?`).get(id) as Record<string, unknown> | undefined;
    if (!record) {
      out.push(`${load.id} ${key}: in the key map but not in ${load.object}`);
      continue;
    }
    for (const [to, lookups] of groups) {
      let expected: string | undefined;
      let reference = '';
      for (const lookup of lookups) {
        const ref = parseReference(cell(row, lookup.column), format).value;
        if (ref === '') continue;
        reference ||= `${lookup.column} = ${ref}`;
        for (const target of lookup.targets) {
          const keys = lookup.by === 'key' ? [ref] : (index(engagement, target, lookup.by).get(ref.toLowerCase()) ?? []);
          expected = keys.length === 1 ? idOf(target, keys[0] as string) : undefined;
          if (expected !== undefined) break;
        }
        if (expected !== undefined) break;
      }
      const actual = record[to] ?? null;
      if (expected !== undefined && actual !== expected) out.push(`${load.id} ${key}: ${to} is ${String(actual)}, expected ${expected} (${reference})`);
      if (expected === undefined && actual !== null) out.push(`${load.id} ${key}: ${to} is ${String(actual)} though ${reference || 'no reference'} matches nothing`);
    }
    for (const field of dated) {
      // Only a won or lost record gets the attributes its close writes (an actual close date); an open one stays without.
      const close = load.close;
      if (close !== undefined && close.closeOnly.includes(field.to) && closeOutcome(close, record[close.state]) === undefined) continue;
      // A date the engine could not read may arrive empty, but only when the run reported it in blanked.csv.
      const reported = blankedCells(engagement).has(`${load.id}|${key}|${field.columns[0] as string}`);
      if (cell(row, field.columns[0] as string) !== '' && (record[field.to] === null || record[field.to] === undefined) && !reported) {
        out.push(`${load.id} ${key}: ${field.to} is empty though ${field.columns[0]} has a value`);
      }
    }
    for (const field of staged) {
      const last = field.steps.at(-1) as { table?: string };
      const source = cell(row, field.columns[0] as string).replace(/\s+/g, '').toLowerCase();
      const stage = plan(engagement).stageTables.get(last.table ?? '')?.find((r) => r.source.replace(/\s+/g, '').toLowerCase() === source)?.stage;
      if (stage === undefined) continue;
      const option = engagement.destination.field(load.object, field.to)?.options?.find((o) => o.label === stage);
      const allowed = [stage, ...(option === undefined ? [] : [option.value])].map(String);
      if (!allowed.includes(String(record[field.to]))) out.push(`${load.id} ${key}: ${field.to} is ${String(record[field.to])}, expected stage ${stage}`);
    }
    if (owner && userObject && emailField && userKey) {
      const email = cell(row, owner.from).toLowerCase();
      const user = sandbox.prepare(`SELECT "${userKey}" AS id FROM "${userObject}" WHERE lower("${emailField}") = ?`).get(email) as { id: string } | undefined;
      if (user === undefined || record[owner.to] !== user.id) out.push(`${load.id} ${key}: ${owner.to} is ${String(record[owner.to])}, not the user with email ${email}`);
    }
  }
  return out;
}
