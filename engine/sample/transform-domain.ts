import type { FieldMapping, PairSpec, StageTable, TransformCall, TransformStep } from '../spec/generated/pair-spec.js';
import { asList } from '../spec/pair-model.js';
import type { Semantic } from './types.js';

/**
 * What a mapping's transforms accept, which is what the sample must write for the row to load: the first transform
 * that reads the value decides (`date` wants the platform's date format, `map` one of its `from` values, `stage` a
 * stage of the table). Text clean-ups (`trim`, `upper`, `strip-html`, `prefix`) accept anything; `default`
 * accepts a blank cell.
 */
export interface Domain {
  semantic?: Semantic;
  values?: string[];
  stageTable?: StageTable;
  blankable: boolean;
  /** The `tags` transform re-joins a multi-value cell. */
  tags?: boolean;
  html?: boolean;
}

const PASS_THROUGH = new Set(['trim', 'lower', 'upper', 'title-case', 'prefix', 'join']);

const SEMANTIC_OF: Record<string, Semantic> = {
  date: 'date',
  datetime: 'datetime',
  money: 'money',
  number: 'decimal',
  integer: 'integer',
  boolean: 'boolean',
  email: 'email',
  url: 'url',
  phone: 'phone',
  tags: 'tags',
  'split-name': 'full-name',
  'split-address': 'address',
};

function callOf(step: TransformStep): TransformCall {
  return typeof step === 'string' ? { name: step } : step;
}

export function domainOf(mapping: FieldMapping, pair: PairSpec): Domain {
  const domain: Domain = { blankable: false };
  for (const step of asList(mapping.transform)) {
    const call = callOf(step);
    if (call.name === 'default') {
      domain.blankable = true;
      continue;
    }
    if (call.name === 'strip-html') {
      domain.html = true;
      continue;
    }
    if (PASS_THROUGH.has(call.name)) continue;
    if (call.name === 'stage') {
      const table = (pair.stageTables ?? []).find((t) => t.id === call.table);
      if (table) {
        domain.values = table.rows.map((r) => r.source);
        domain.stageTable = table;
      }
      return domain;
    }
    if (call.name === 'map') {
      domain.values = (call.values ?? []).map((v) => v.from);
      return domain;
    }
    const semantic = SEMANTIC_OF[call.name];
    if (semantic !== undefined) {
      domain.semantic = semantic;
      if (semantic === 'tags') domain.tags = true;
      return domain;
    }
    // An unknown transform: nothing is known about what it accepts, so the column keeps its platform meaning.
    return domain;
  }
  return domain;
}

/** Intersects value lists case-insensitively, keeping the first list's spelling; undefined means "anything". */
export function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const keep = new Set(b.map((v) => v.toLowerCase()));
  return a.filter((v) => keep.has(v.toLowerCase()));
}

/** Source columns a mapping reads. */
export function columnsOf(mapping: FieldMapping): string[] {
  return asList(mapping.from);
}
