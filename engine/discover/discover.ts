import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { compilePlan } from '../plan/migration-plan.js';
import { checkExport } from '../plan/export-check.js';
import { nullCells } from '../source/reference.js';
import { countFileRecords } from '../source/csv-record-count.js';
import { readSourceUsers } from '../source/source-users.js';
import { isPersonLike, selectObjects } from '../sample/object-roles.js';
import type { Discovery } from './discovery.js';
import { FindingCollector } from './findings.js';
import { scanObject, type ObjectScan } from './object-scan.js';
import type { ScanContext } from './scan-context.js';
import { OwnerAudit } from './owner-audit.js';
import { ScratchStore } from './scratch-store.js';
import { StageAudit } from './stage-audit.js';

const ROW_GOTCHAS: ReadonlySet<string> = new Set(['text-too-long', 'unknown-choice-value', 'unusable-file']);

export interface DiscoverOptions {
  /** Called as rows go by, for progress displays. */
  onProgress?: (event: { object: string; rows: number; objectIndex: number; objects: number; done: number; total: number }) => void;
  now?: Date;
}

/**
 * Audits an engagement's export before anything moves: every file of the source platform that is present, compared
 * with the platform's standard template, its custom columns typed from their values, and its rows checked against
 * what the pair will do with them. Reads each file once; what must be compared across files goes through a scratch
 * SQLite store, so memory does not grow with the export.
 */
export async function discover(engagement: Engagement, options: DiscoverOptions = {}): Promise<Discovery> {
  const plan = compilePlan(engagement);
  // The shape check the run makes first, so what would stop or shorten a run is known before anything moves.
  const check = await checkExport(engagement, plan);
  // Every finding names its lines, even when it has none, so reports can list them without asking first.
  // The row gotchas appear in the findings with their rows (gotcha-checks.ts), so the shape lists leave them out.
  const shapeFindings = check.findings.filter((f) => !ROW_GOTCHAS.has(f.code)).map((f) => ({ ...f, lines: f.lines ?? [] }));
  const roles = selectObjects(engagement.pair, engagement.source).byRole;
  const present = engagement.source
    .objectNames()
    .map((name) => ({ name, object: engagement.source.object(name)! }))
    .filter(({ object }) => object.file !== undefined && existsSync(join(engagement.exportDir, object.file)));

  const store = new ScratchStore();
  const sourceUsers = await readSourceUsers(engagement);
  const ctx: ScanContext = {
    engagement,
    plan,
    store,
    findings: new FindingCollector(),
    owners: new OwnerAudit(engagement.spec.users ?? [], sourceUsers),
    stages: new StageAudit(),
    lookupTargets: new Set(plan.loads.flatMap((l) => l.lookups.flatMap((k) => k.targets))),
    ...(roles.company === undefined ? {} : { companyObject: roles.company }),
    ...(roles.deal === undefined ? {} : { dealObject: roles.deal }),
    peopleObjects: new Set(present.filter(({ name, object }) => name !== roles.user && isPersonLike(object)).map(({ name }) => name)),
    nullCells: nullCells(engagement.source.spec.export),
  };
  const scans: ObjectScan[] = [];
  // Totals for progress bars: a byte scan of each file, far cheaper than the audit's own parse.
  const paths = present.map(({ object }) => join(engagement.exportDir, object.file!));
  const fileRows = options.onProgress === undefined ? new Map<string, number>() : await countFileRecords(paths);
  const total = [...fileRows.values()].reduce((n, r) => n + r, 0);
  let before = 0;
  try {
    for (const [objectIndex, { name, object }] of present.entries()) {
      ctx.onRows = (current, rows) => options.onProgress?.({ object: current, rows, objectIndex, objects: present.length, done: before + rows, total });
      if (objectIndex > 0) before += fileRows.get(paths[objectIndex - 1] as string) ?? 0;
      scans.push(await scanObject(name, object, join(engagement.exportDir, object.file!), ctx));
    }
    // A module switched off leaves no file to scan: the export check saw it, and it belongs with the findings.
    for (const off of check.findings.filter((f) => f.code === 'module-disabled')) {
      const object = plan.loads.find((l) => l.fileName === off.file)?.sourceObject ?? off.file;
      ctx.findings.addMissing('module-disabled', { object, file: off.file }, off.message);
    }
    ctx.findings.addGrouped('orphaned-reference', store.orphans());
    ctx.findings.addGrouped('duplicate-email', store.repeats('duplicate-email'));
    ctx.findings.addGrouped('duplicate-company', store.repeats('duplicate-company'));
  } finally {
    store.close();
  }
  return {
    pair: engagement.pair.id,
    source: engagement.source.spec.name,
    destination: engagement.destination.spec.name,
    generatedAt: (options.now ?? new Date()).toISOString(),
    objects: scans.map((s) => s.profile),
    columns: scans.flatMap((s) => s.columns),
    stages: ctx.stages.profiles(),
    owners: ctx.owners.profiles(),
    findings: ctx.findings.list(),
    shape: {
      blockers: shapeFindings.filter((f) => f.severity === 'blocker'),
      warnings: shapeFindings.filter((f) => f.severity === 'warning'),
      notes: shapeFindings.filter((f) => f.severity === 'note' && f.code !== 'not-in-scope'),
      notInScope: check.notInScope,
      // Duplicate lines and rows no load takes are for the run; discovery shows their count and first lines in its
      // findings.
      files: check.files.map(({ notTaken: _rows, ...f }) => ({ ...f, loads: f.loads.map((l) => ({ ...l, duplicates: [] })) })),
    },
  };
}
