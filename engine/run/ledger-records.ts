import type { DestinationRecord } from '../destinations/destination.js';
import type { RecordClose } from './close-split.js';
import type { RowState } from './row-states.js';

/** The records the ledger (ledger.ts) keeps and hands out: runs, entries, batch outcomes and write-ahead intents. */
export type RunKind = 'full' | 'delta' | 'rollback';
/** `rolling-back`: a rollback of the run began and has not finished (it was killed); running rollback again finishes it. */
export type RunStatus = 'running' | 'completed' | 'rolling-back' | 'rolled-back';

export interface RunInfo {
  id: number;
  kind: RunKind;
  status: RunStatus;
  target: string;
  pair: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface LedgerEntry {
  seq: number;
  load: string;
  object: string;
  sourceKey: string;
  destId: string;
  /** `closed`: the close step closed the record; rollback reopens it by restoring `previous`. */
  action: 'created' | 'updated' | 'patched' | 'closed';
  previous: DestinationRecord | null;
  /** What the ledger knew of the source row before this run wrote it, so rollback can put that back too. */
  previousState: RowState | null;
}

export interface BatchOutcome {
  sourceKey: string;
  destId: string;
  action: 'created' | 'updated' | 'patched' | 'unchanged';
  previous?: DestinationRecord | null;
  /** Name and email under which later loads may look the record up. */
  names?: { kind: 'name' | 'email'; value: string }[];
  /** The source row's fingerprint and modified value, and the version the destination reported. */
  state?: { fingerprint: string; modified: string | null; version: string | null };
  /** A won or lost row loaded open: kept until the close step has closed it, so a killed run still closes it. */
  close?: RecordClose & { line: number };
  /** What the run reported about the row's values (JSON of ValueIssue[]): a resumed run reports it again without mapping. */
  issues?: string;
}

/** What a batch was about to change, written before the destination is touched so that a crash can be accounted for. */
export interface Intent {
  load: string;
  object: string;
  batch: number;
  /** Source key to the values the record held before, or null when it did not exist. */
  before: Record<string, DestinationRecord | null>;
}
