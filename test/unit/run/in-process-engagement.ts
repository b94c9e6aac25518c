import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Destination } from '../../../engine/destinations/destination.js';
import { createSandbox } from '../../../engine/destinations/sandbox/index.js';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';
import { initEngagement } from '../../../engine/engagement/init-engagement.js';
import type { RunReport } from '../../../engine/run/run-report.js';
import { applyRun, type ApplyOptions } from '../../../engine/run/apply-run.js';
import { rollbackRun, type RollbackReport } from '../../../engine/run/rollback-run.js';
import { verifyRun } from '../../../engine/verify/verify-run.js';
import type { VerificationReport } from '../../../engine/verify/verification-report.js';
import { OWNER, PAIR, writeExport, type ExportRows } from '../../e2e/safety/small-engagement.js';

/**
 * An engagement run in this process, without the CLI: the same engine calls `apply` and `rollback` make, on a Smart
 * CRM Online export written by the test and a sandbox target. Fast enough to check the ledger's behaviour row by row.
 */
export interface InProcessEngagement {
  dir: string;
  exportDir: string;
  /** Rewrites the export, as a source system would between two runs. */
  export(rows: ExportRows): void;
  /** Edits one export file by hand, line by line (the files are CRLF): damage as other systems write it. */
  editExport(file: string, edit: (lines: string[]) => string[]): void;
  apply(options?: ApplyOptions, wrap?: (destination: Destination) => Destination): Promise<RunReport>;
  rollback(runId?: number): Promise<RollbackReport>;
  /** A run's row report (`exceptions`, `success`…) as rows by column name; a report the run did not write has none. */
  report(name: string, runId?: number): Record<string, string>[];
  /** `verify` of the destination's current state, with every row of the export in the sample when `sample` is large. */
  verify(sample: number): Promise<VerificationReport>;
  /** Rows of the sandbox's `account` table: name by source key. */
  accounts(): Map<string, string>;
  /** `UPDATE` on the sandbox, as a person editing records in the destination. */
  editInDestination(sql: string): void;
  /** The ledger's runs, oldest first. */
  runs(): { id: number; kind: string; status: string }[];
}

export async function inProcessEngagement(rows: ExportRows, options: { batchSize?: number } = {}): Promise<InProcessEngagement> {
  const root = mkdtempSync(join(tmpdir(), 'run-in-process-'));
  const exportDir = join(root, 'export');
  const dir = join(root, 'engagement');
  writeExport(exportDir, rows);
  const init = await initEngagement(dir, { pair: PAIR, source: exportDir, users: { list: [{ email: OWNER, name: 'Ann Lee' }], from: 'file' } });
  expect(init.diagnostics).toEqual([]);
  const file = join(dir, 'migration.yaml');
  const batch = options.batchSize === undefined ? '' : `\n  batchSize: ${options.batchSize}`;
  writeFileSync(file, readFileSync(file, 'utf8').replace('failThreshold: 0.05', `failThreshold: 1${batch}`));

  // Loading the specs costs about a second; migration.yaml does not change between runs, so it is loaded once.
  let loaded: Engagement | undefined;
  const engagement = async (): Promise<Engagement> => {
    if (loaded !== undefined) return loaded;
    const load = await loadEngagement(dir);
    expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    loaded = load.engagement as Engagement;
    return loaded;
  };
  const sandbox = (): Destination => createSandbox(join(dir, 'sandbox.db'));
  const query = <T>(path: string, sql: string): T[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  return {
    dir,
    exportDir,
    export: (next) => writeExport(exportDir, next),
    editExport(file, edit) {
      const path = join(exportDir, file);
      writeFileSync(path, edit(readFileSync(path, 'utf8').split('\r\n')).join('\r\n'));
    },
    async apply(applyOptions = {}, wrap = (d) => d) {
      const destination = wrap(sandbox());
      try {
        return await applyRun(await engagement(), destination, applyOptions);
      } finally {
        await destination.close();
      }
    },
    async rollback(runId) {
      const destination = sandbox();
      try {
        return await rollbackRun(await engagement(), destination, runId);
      } finally {
        await destination.close();
      }
    },
    report(name, runId = 1) {
      const file = join(dir, 'runs', String(runId), `${name}.csv`);
      return existsSync(file) ? (parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[]) : [];
    },
    async verify(sample) {
      const destination = sandbox();
      try {
        return await verifyRun(await engagement(), destination, { sample, seed: 1 });
      } finally {
        await destination.close();
      }
    },
    accounts: () => new Map(query<{ key: string; name: string }>(join(dir, 'sandbox.db'), 'SELECT _source_key AS key, name FROM account').map((r) => [r.key, r.name])),
    editInDestination(sql) {
      const db = new Database(join(dir, 'sandbox.db'));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    runs: () => query(join(dir, 'ledger.db'), 'SELECT id, kind, status FROM runs ORDER BY id'),
  };
}

/**
 * A target that goes down after `writes` upsert calls: the last call reaches the destination, then the process
 * "dies" before the ledger hears of it, as when apply is killed between a write and its record.
 */
export function crashingAfter(writes: number): (destination: Destination) => Destination {
  return (destination) => {
    let calls = 0;
    return aroundUpsert(async (upsert, ...args) => {
      const results = await upsert(...args);
      calls += 1;
      if (calls >= writes) throw new Error('simulated crash after the destination wrote');
      return results;
    })(destination);
  };
}

/** A target that notes the source key of every record sent to it. */
export function countingUpserts(sent: string[]): (destination: Destination) => Destination {
  return aroundUpsert((upsert, ...args) => {
    for (const record of args[1]) sent.push(record.sourceKey);
    return upsert(...args);
  });
}

/**
 * A target that refuses the record of this source key by its own rules: the record reaches it carrying an attribute
 * the table does not have, as a mapping to a removed custom field would.
 */
export function refusing(sourceKey: string): (destination: Destination) => Destination {
  return aroundUpsert((upsert, object, records) =>
    upsert(object, records.map((r) => (r.sourceKey === sourceKey ? { ...r, values: { ...r.values, new_removedfield: 'x' } } : r))),
  );
}

/** The target as it is, with its `upsert` calls passed through `around`. */
function aroundUpsert(around: (upsert: Destination['upsert'], ...args: Parameters<Destination['upsert']>) => ReturnType<Destination['upsert']>): (destination: Destination) => Destination {
  return (destination) =>
    new Proxy(destination, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property === 'upsert') return (...args: Parameters<Destination['upsert']>) => around(target.upsert.bind(target), ...args);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
}
