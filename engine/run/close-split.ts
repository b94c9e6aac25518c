import type { DestinationRecord } from '../destinations/destination.js';
import { closeOutcome, type CloseOutcome, type CloseRule } from '../spec/close-rule.js';
import { closeWatched } from '../destinations/close-values.js';

/** What the close step needs of a won or lost row, kept from its mapped values when the row is loaded open. */
export interface RecordClose {
  outcome: CloseOutcome;
  /** The mapped actual close date and revenue, as the close writes them (null when the pair maps none). */
  date: string | number | boolean | null;
  revenue: string | number | boolean | null;
  /** A status reason the pair mapped for the closed record (Out-Sold); null leaves the platform's default. */
  status: string | number | boolean | null;
  /** The record's name, for the close record's subject. */
  name: string | null;
}

/**
 * Splits a mapped record into what its create writes and what its close writes. Attributes only the close writes
 * (an actual revenue) are never part of a create; a won or lost record is created open (its state left out, or the
 * platform's open value) and keeps its outcome, close date and revenue for the close step.
 */
export function splitClose(close: CloseRule, mapped: DestinationRecord): { values: DestinationRecord; close?: RecordClose } {
  const values: DestinationRecord = { ...mapped };
  for (const attribute of close.closeOnly) delete values[attribute];
  const outcome = closeOutcome(close, mapped[close.state]);
  if (outcome === undefined) return { values };
  if (close.open === undefined) delete values[close.state];
  else values[close.state] = close.open;
  const status = close.status === undefined ? null : (mapped[close.status.attribute] ?? null);
  if (close.status !== undefined) delete values[close.status.attribute];
  const pick = (attribute: string | undefined): string | number | boolean | null => (attribute === undefined ? null : (mapped[attribute] ?? null));
  const name = pick(close.nameAttribute);
  return { values, close: { outcome, date: pick(close.date), revenue: pick(close.revenue), status, name: name === null ? null : String(name) } };
}

/**
 * A rerun must not reopen a deal the close step closed (Salesforce's open stage), nor put back the expected date and
 * amount the close replaced: a won or lost record the destination already holds closed is sent without them.
 */
export function keepClosed<T extends { values: DestinationRecord; close?: RecordClose }>(close: CloseRule, records: readonly T[], stored: (record: T) => DestinationRecord | undefined): T[] {
  const closedAttributes = closeWatched(close);
  return records.map((record) => {
    const current = stored(record);
    if (record.close === undefined || current === undefined || closeOutcome(close, current[close.state]) === undefined) return record;
    const values = { ...record.values };
    for (const attribute of closedAttributes) delete values[attribute];
    return { ...record, values };
  });
}

/** Records that already exist, sent without the attributes the destination takes only on create. */
export function withoutCreateOnly<T extends { values: DestinationRecord }>(createOnly: readonly string[], records: readonly T[], exists: (record: T) => boolean): T[] {
  return records.map((record) => {
    if (!exists(record) || !createOnly.some((a) => a in record.values)) return record;
    const values = { ...record.values };
    for (const attribute of createOnly) delete values[attribute];
    return { ...record, values };
  });
}

/**
 * What a mapped record holds once the run is over, close step included: an open record has none of the attributes
 * only the close writes; a closed one has the status the close gave it. `verify` compares with this.
 */
export function afterClose(close: CloseRule, mapped: DestinationRecord): DestinationRecord {
  const values = { ...mapped };
  const outcome = closeOutcome(close, mapped[close.state]);
  if (outcome === undefined) {
    for (const attribute of close.closeOnly) delete values[attribute];
    return values;
  }
  const status = close.status;
  if (status !== undefined && status.attribute in values && !close.closedStatuses[outcome].includes(String(values[status.attribute]).toLowerCase())) values[status.attribute] = status[outcome];
  return values;
}
