/** The shared vocabulary of the value rules: what is stored, how a broken rule is reported. */

/** What SQLite stores: booleans become 0/1, dates stay ISO text. */
export type SqlValue = string | number | null;

export class Rejection {
  constructor(readonly message: string) {}
}

export type Coerce = (value: unknown) => SqlValue | Rejection;

export type Affinity = 'TEXT' | 'INTEGER' | 'REAL';

/** The platform-wide limits a value must also respect. */
export interface ValueLimits {
  /** Earliest accepted date, `YYYY-MM-DD`. */
  dateMin?: string;
  /** Latest accepted date, `YYYY-MM-DD`. */
  dateMax?: string;
}

export type Reject = (value: unknown, problem: string) => Rejection;

export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A value for messages: quoted, and cut short when long. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…${text.endsWith('"') ? '"' : ''}` : text;
}
