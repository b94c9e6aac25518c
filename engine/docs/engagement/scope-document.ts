import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement } from '../../engagement/engagement.js';
import { DISCOVERY_DIR } from '../../discover/discovery-report.js';
import type { Exclusion } from '../../spec/generated/pair-spec.js';
import { summarizePair } from '../../spec/pair-summary.js';
import { compilePlan } from '../../plan/migration-plan.js';
import { summarizePlan } from '../../plan/plan-summary.js';
import { SCHEMA_CHANGE_FILES } from '../../plan/schema-change-files.js';
import type { SchemaChangeDocument } from '../../plan/schema-changes.js';
import { savedDiscovery } from '../../discover/saved-discovery.js';
import { countFileRecords } from '../../source/csv-record-count.js';
import { scopeCustomFields, type ScopeCustomFields } from './scope-custom-fields.js';
import { scopeFindings, type ScopeFindings } from './scope-findings.js';
import { scopeObjects, type ScopeObject } from './scope-objects.js';
import { scopeTimeline, type ScopeTimeline } from './scope-timeline.js';

/** One phase of the import order, with the rows it takes from the export. */
export interface ScopePhase {
  phase: number;
  load: string;
  file: string;
  object: string;
  /** Rows the load takes from its file, 0 when the file is missing. */
  rows: number;
  missing: boolean;
  /** Loads that must have run first, comma-separated; empty for a first phase. */
  after: string;
  /** References set in the second pass, once every load has run. */
  secondPass: string;
}

/** The schema-change document, folded to what a project lead needs: how much, where, and where the checklist is. */
export interface ScopeSchemaChanges {
  counts: SchemaChangeDocument['counts'];
  /** What the changes are, in words that add up to `counts.changes`: "23 custom fields, 3 choice values and 1 process". */
  parts: string;
  nothingToChange: boolean;
  objects: { object: string; objectLabel: string; fields: string }[];
  /** The admin's checklist `crm-migrate plan` writes, relative to the docs folder, and whether it exists yet. */
  markdown: string;
  html: string;
  written: boolean;
}

/** The scope document as data: the templates lay it out and nothing here prints. */
export interface ScopeDocument {
  /** The date printed as "generated", passed in so the same engagement always gives the same document. */
  generated: string;
  pair: string;
  source: string;
  destination: string;
  summary: string;
  /** Export files the pair does not read, with their rows: they stay behind. */
  notInScope: { file: string; rows: number; counted: boolean; reason: string }[];
  /** Columns of read files that no mapping reads. */
  unmappedColumns: { file: string; columns: string }[];
  /** What discovery read, when it ran. */
  discovery: { rows: number; files: number; customColumns: number } | null;
  objects: ScopeObject[];
  /**
   * `rows`: records in the export's files, each file counted once (what discovery reads). `loadRows`: rows the loads
   * take, a file that feeds several loads counted once per load (the import order's figures). Missing files count
   * nothing and are listed in `blockers`.
   */
  counts: { objects: number; oneToOne: number; lossy: number; rows: number; files: number; loadRows: number; loadsDiffer: boolean };
  /** Set when the export no longer holds what discovery read (it changed since): both figures, to rerun discover. */
  discoveryOutdated?: { discovered: number; now: number };
  exclusions: Exclusion[];
  /** Lossy rows of the pair and exactly what each loses. */
  lossy: { source: string; destination: string; losses: string[] }[];
  customFields: ScopeCustomFields;
  phases: ScopePhase[];
  /** Export files the plan needs and cannot find. */
  blockers: string[];
  schemaChanges: ScopeSchemaChanges;
  findings: ScopeFindings | null;
  timeline: ScopeTimeline;
}

/** Links from the documents in docs/ (see engagement-doc-files.ts) back to files in the engagement folder. */
const DOCS_TO_ENGAGEMENT = '..';

/**
 * What this engagement moves and what it leaves behind, for the customer's admin and project lead to agree on: built
 * from the pair spec, the decisions in migration.yaml, the plan and (when it ran) discovery.
 */
export async function scopeDocument(engagement: Engagement, options: { generated: string }): Promise<ScopeDocument> {
  const plan = compilePlan(engagement);
  const summary = await summarizePlan(engagement);
  const discovery = savedDiscovery(engagement);
  const { pair } = engagement;
  const pairCounts = summarizePair(pair, new Map([engagement.source.spec, engagement.destination.spec].map((p) => [p.id, p])));

  const known = summary.phases.map((p) => p.sourceRows).filter((n): n is number => n !== undefined);
  const exported = known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
  const discovered = discovery?.objects.reduce((n, o) => n + o.rows, 0);
  const doc = summary.schemaDocument;
  // The export's own row count, each file once, over the files discovery read and the files the plan loads.
  const files = [...new Set([...plan.loads.map((l) => l.file), ...(discovery?.objects ?? []).map((o) => join(engagement.exportDir, o.file))])].filter((f) => existsSync(f));
  const inExport = [...(await countFileRecords(files)).values()].reduce((a, b) => a + b, 0);

  return {
    generated: options.generated,
    pair: pair.id,
    source: engagement.source.spec.shortName ?? engagement.source.spec.name,
    destination: engagement.destination.spec.shortName ?? engagement.destination.spec.name,
    summary: pair.summary,
    discovery: discovery === undefined ? null : { rows: discovered ?? 0, files: discovery.objects.length, customColumns: discovery.columns.length },
    objects: scopeObjects(engagement, plan, summary.phases, discovery),
    counts: { objects: pairCounts.objects, oneToOne: pairCounts.oneToOne, lossy: pairCounts.lossy, rows: inExport, files: files.length, loadRows: exported ?? 0, loadsDiffer: (exported ?? 0) !== inExport },
    ...(discovered !== undefined && discovered !== inExport ? { discoveryOutdated: { discovered, now: inExport } } : {}),
    exclusions: (pair.exclusions ?? []).map((e) => ({ what: e.what, reason: e.reason })),
    notInScope: summary.notInScope.map((f) => ({ file: f.file, rows: f.rows ?? 0, counted: f.rows !== null, reason: f.reason })),
    unmappedColumns: summary.unmappedColumns.map((u) => ({ file: u.file, columns: u.columns.join(', ') })),
    lossy: pair.objects.filter((r) => r.mapping === 'lossy').map((r) => ({ source: r.source, destination: r.destination, losses: r.losses ?? [] })),
    customFields: scopeCustomFields(engagement),
    phases: summary.phases.map((p) => ({
      phase: p.phase,
      load: p.load,
      file: p.file,
      object: p.object,
      rows: p.sourceRows ?? 0,
      missing: p.sourceRows === undefined,
      after: p.dependsOn.join(', '),
      secondPass: p.deferred.join('; '),
    })),
    blockers: summary.blockers,
    schemaChanges: {
      counts: doc.counts,
      parts: changeParts(doc.counts),
      nothingToChange: doc.nothingToChange,
      objects: doc.fieldGroups.map((g) => ({ object: g.object, objectLabel: g.objectLabel, fields: g.fields.map((f) => f.name).join(', ') })),
      markdown: `${DOCS_TO_ENGAGEMENT}/${SCHEMA_CHANGE_FILES.markdown}`,
      html: `${DOCS_TO_ENGAGEMENT}/${SCHEMA_CHANGE_FILES.html}`,
      written: existsSync(join(engagement.dir, SCHEMA_CHANGE_FILES.markdown)),
    },
    findings:
      discovery === undefined
        ? null
        : scopeFindings(discovery, { markdown: `${DOCS_TO_ENGAGEMENT}/${DISCOVERY_DIR}/discovery.md`, html: `${DOCS_TO_ENGAGEMENT}/${DISCOVERY_DIR}/discovery.html` }),
    timeline: await scopeTimeline(engagement, { ...(discovered === undefined ? {} : { discovered }), ...(exported === undefined ? {} : { exported }) }),
  };
}

/** The kinds of change, each with its count, joined as a sentence lists them; kinds with none are left out. */
function changeParts(counts: SchemaChangeDocument['counts']): string {
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const parts = [
    counts.objects > 0 ? count(counts.objects, 'custom object', 'custom objects') : '',
    count(counts.fields, 'custom field', 'custom fields'),
    count(counts.optionValues, 'choice value', 'choice values'),
    counts.processes > 0 ? count(counts.processes, 'process', 'processes') : '',
  ].filter((p) => p !== '');
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
