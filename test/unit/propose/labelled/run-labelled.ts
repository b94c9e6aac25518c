import { parse } from 'csv-parse/sync';
import { ColumnProfiler } from '../../../../engine/discover/column-profiler.js';
import type { ColumnProfile, StageProfile } from '../../../../engine/discover/discovery.js';
import { gatherEvidence, recordNameColumns, type ExportTable } from '../../../../engine/propose/column-evidence.js';
import { proposeCustomFieldsWithBasis } from '../../../../engine/propose/propose-custom-fields.js';
import { proposeStageTableWithBasis } from '../../../../engine/propose/propose-stage-table.js';
import { parseReference } from '../../../../engine/source/reference.js';
import type { Catalog } from '../../../../engine/spec/catalog.js';
import type { CustomFieldDecision, StageDecision } from '../../../../engine/spec/generated/engagement-spec.js';
import type { PairSpec } from '../../../../engine/spec/generated/pair-spec.js';
import { decisionOf, matchesLabel, type LabelledExport } from './labelled-export.js';

export interface ColumnOutcome {
  shape: string;
  name: string;
  label: string;
  why: string;
  decision: CustomFieldDecision;
  basis: string;
  right: boolean;
}

export interface StageOutcome {
  shape: string;
  value: string;
  expected: string;
  decision: StageDecision;
  basis: string;
  right: boolean;
}

const fold = (v: string): string => v.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Runs the proposer on one labelled export exactly as `propose` runs it on a real one: columns typed by discovery's
 * profiler, evidence gathered from the files' values, the pair's slots judged against the headers present.
 */
export function runLabelled(catalog: Catalog, ex: LabelledExport): { columns: ColumnOutcome[]; stages: StageOutcome[]; unlabelled: string[] } {
  const pair = catalog.pairs.get(ex.pair)!.spec as PairSpec;
  const source = catalog.platforms.get(pair.source)!.sourceIndex;
  const destination = catalog.platforms.get(pair.destination)!.index;
  const format = source.spec.export!;
  const tables: ExportTable[] = [];
  const profiles: ColumnProfile[] = [];
  const headers = new Map<string, string[]>();
  const ids = new Set<string>();
  const emails = new Set(ex.users.map((u) => fold(u.email)));
  const names = new Set(ex.users.map((u) => fold(u.name)));
  for (const [objectName, text] of Object.entries(ex.files)) {
    const object = source.object(objectName);
    if (object === undefined) throw new Error(`${ex.shape}: ${objectName} is not an object of ${pair.source}`);
    const [head, ...rows] = parse(text, { relax_column_count: true, bom: true }) as string[][];
    const header = head!.map((h) => h.trim());
    headers.set(objectName, header);
    const standard = new Set(object.fields.map((f) => f.name));
    const custom = header.filter((h) => h !== '' && !standard.has(h));
    const nulls = new Set(format.nullValues ?? []);
    const columns = new Map(header.map((h, i) => [h, rows.map((r) => (nulls.has((r[i] ?? '').trim()) ? '' : (r[i] ?? '')))]));
    const nameColumns = recordNameColumns(object.nameColumns ?? (object.primaryName === undefined ? [] : [object.primaryName]), header);
    tables.push({ object: objectName, rows: rows.length, columns, ...(object.key === undefined ? {} : { key: object.key }), names: nameColumns, custom });
    for (const column of custom) {
      const profiler = new ColumnProfiler(format);
      columns.get(column)!.forEach((v, i) => profiler.add(v, i + 2));
      const { strays: _s, strayCount: _c, ...result } = profiler.result();
      profiles.push({ object: objectName, file: object.file ?? `${objectName}.csv`, column, custom: true, ...result });
    }
    if (objectName === format.userObject) {
      const email = object.fields.find((f) => f.type === 'email')?.name ?? 'Email';
      for (const v of columns.get(object.key ?? '') ?? []) if (v.trim() !== '') ids.add(v.trim());
      for (const v of columns.get(email) ?? []) if (v.trim() !== '') emails.add(fold(v));
      for (const v of columns.get(nameColumns[0] ?? '') ?? []) if (v.trim() !== '') names.add(fold(v));
    }
  }
  const evidence = gatherEvidence(tables, { ids, emails, names }, (cell) => parseReference(cell, format).value);
  const decisions = proposeCustomFieldsWithBasis({ columns: profiles, pair, destination, evidence, headers });
  const unlabelled: string[] = [];
  const columns = decisions.flatMap(({ decision, basis }): ColumnOutcome[] => {
    const name = `${decision.object}.${decision.column}`;
    const label = ex.columns[name];
    if (label === undefined) {
      unlabelled.push(`${ex.shape} ${name}`);
      return [];
    }
    return [{ shape: ex.shape, name, label: label[0], why: label[1], decision, basis, right: matchesLabel(decisionOf(decision), label[0]) }];
  });
  for (const name of Object.keys(ex.columns)) if (!columns.some((c) => c.name === name)) unlabelled.push(`${ex.shape} ${name} (labelled, but not a custom column of the files)`);

  const profile: StageProfile = { load: ex.stageLoad, column: ex.stageColumn, values: ex.stages.map((s) => ({ value: s.value, count: 1, ...(s.probability === undefined ? {} : { probability: s.probability }) })) };
  const stageDecisions = ex.stages.length === 0 ? [] : proposeStageTableWithBasis([profile], pair, destination);
  const stages = ex.stages.map((s): StageOutcome => {
    const { decision, basis } = stageDecisions.find((d) => d.decision.source === s.value)!;
    return { shape: ex.shape, value: s.value, expected: `${s.stage}/${s.outcome}`, decision, basis, right: decision.stage === s.stage && decision.outcome === s.outcome };
  });
  return { columns, stages, unlabelled };
}
