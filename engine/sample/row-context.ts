import type { ExportFormat } from '../spec/generated/platform-spec.js';
import type { FileType } from './attachments.js';
import type { Identity } from './identity.js';
import type { Rng } from '../util/rng.js';
import { PLACES, type Place } from './vocabulary-people.js';

/**
 * Facts shared by the columns of one row, drawn before any cell is written so the cells agree with each other: one
 * place for every address column, a creation time that precedes the modification time, a start, duration and end
 * that add up, and the attachment whose name, size and MIME type several columns repeat.
 */
export interface RowContext {
  rng: Rng;
  format: ExportFormat;
  identity: Identity;
  place: Place;
  created: number;
  modified: number;
  start: number;
  minutes: number;
  due: number;
  currency: string;
  /** A random active user, written the way the platform writes owners, for `Created By`-style text columns. */
  user: string;
  pipeline?: string;
  /** The row's `where` value (Call, Task…), which shapes subjects. */
  kind?: string;
  attachment?: { path: string; name: string; type: FileType; size: number };
}

const DAY = 86_400_000;
const FIRST = Date.UTC(2016, 0, 1);
const LAST = Date.UTC(2024, 11, 31);
const NEWEST = Date.UTC(2025, 5, 30);
const DURATIONS = [15, 30, 30, 45, 60, 60, 90] as const;

export function rowContext(rng: Rng, format: ExportFormat, identity: Identity, currency: string, user: string): RowContext {
  const created = FIRST + Math.floor(rng.next() * ((LAST - FIRST) / 60_000)) * 60_000 + rng.int(0, 59) * 1000;
  const modified = Math.min(NEWEST, created + rng.int(0, 400) * DAY + rng.int(0, 600) * 60_000);
  const startDay = Math.floor(created / DAY) + rng.int(0, 90);
  const start = startDay * DAY + (8 * 60 + rng.int(0, 39) * 15) * 60_000;
  return {
    rng,
    format,
    identity,
    place: rng.pick(PLACES),
    created,
    modified,
    start,
    minutes: rng.pick(DURATIONS),
    due: (Math.floor(created / DAY) + rng.int(7, 180)) * DAY,
    currency,
    user,
  };
}

export function epochFor(moment: string, ctx: RowContext): number {
  switch (moment) {
    case 'created':
      return ctx.created;
    case 'modified':
      return ctx.modified;
    case 'start':
      return ctx.start;
    case 'end':
      return ctx.start + ctx.minutes * 60_000;
    case 'due':
      return ctx.due;
    case 'birth':
      return Date.UTC(1955, 0, 1) + ctx.rng.int(0, 45 * 365) * DAY;
    default:
      return FIRST + ctx.rng.int(0, (LAST - FIRST) / DAY) * DAY + ctx.rng.int(8 * 4, 18 * 4) * 15 * 60_000;
  }
}
