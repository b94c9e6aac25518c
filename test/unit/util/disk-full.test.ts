import { existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RowReportWriter } from '../../../engine/util/row-report-writer.js';
import { diskFullError, reportingDiskFull } from '../../../engine/util/disk-full.js';
import { InputError } from '../../../engine/util/input-error.js';

/** SQLite's own "database or disk is full", provoked by capping the database at two pages. */
function sqliteFull(): unknown {
  const db = new Database(':memory:');
  db.pragma('max_page_count = 2');
  try {
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 100; i += 1) insert.run('x'.repeat(1000));
    return undefined;
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
}

describe('a full disk', () => {
  it('given SQLITE_FULL from better-sqlite3, becomes a refusal (exit 3) naming the database and saying the run resumes', () => {
    const error = diskFullError(sqliteFull(), '/e/sandbox.db');
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ kind: 'refused', code: 'io/disk-full', file: '/e/sandbox.db' });
    expect(error?.hint).toContain('run the same command again: a run resumes where it stopped');
  });

  it.skipIf(!existsSync('/dev/full'))('given ENOSPC from a file write (which carries no path), names the path the caller was writing', async () => {
    let thrown: unknown;
    try {
      writeFileSync('/dev/full', 'x');
    } catch (error) {
      thrown = error;
    }
    expect(diskFullError(thrown, '/e/runs/1/exceptions.csv')).toMatchObject({ code: 'io/disk-full', file: '/e/runs/1/exceptions.csv' });
    await expect(reportingDiskFull('/e', async () => writeFileSync('/dev/full', 'x'))).rejects.toMatchObject({ code: 'io/disk-full', kind: 'refused' });
  });

  it.skipIf(!existsSync('/dev/full'))('given a report CSV on a full disk, fails its close with the refusal instead of crashing the process', async () => {
    const writer = new RowReportWriter<{ line: number; reason: string }>('/dev/full', ['line', 'reason']);
    for (let i = 0; i < 1000; i += 1) writer.write({ line: i, reason: 'x'.repeat(100) });
    await expect(writer.close()).rejects.toMatchObject({ code: 'io/disk-full', file: '/dev/full' });
  });

  it('given any other error, passes it through unchanged', async () => {
    const other = new Error('constraint failed');
    expect(diskFullError(other, '/e')).toBeUndefined();
    await expect(reportingDiskFull('/e', () => Promise.reject(other))).rejects.toBe(other);
  });
});
