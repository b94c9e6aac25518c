import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireEngagementLock, LOCK_FILE } from '../../../engine/run/engagement-lock.js';
import { InputError } from '../../../engine/util/input-error.js';

/** The pid of a process that has exited: what a killed run leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function refusal(work: () => unknown): InputError {
  try {
    work();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the engagement lock', () => {
  it('given no lock, takes it with pid, host and start time, and removes it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const lock = acquireEngagementLock(dir, 'apply', new Date('2026-12-04T10:00:00Z'));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, host: hostname(), startedAt: '2026-12-04T10:00:00.000Z', command: 'apply' });
    expect(lock.note).toBeUndefined();
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('given a lock held by a live process, refuses (exit 3) naming the holder, and leaves the lock alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const holder = { pid: process.ppid, host: hostname(), startedAt: '2026-12-04T09:00:00.000Z', command: 'rollback' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder));
    const error = refusal(() => acquireEngagementLock(dir, 'apply'));
    expect(error.kind).toBe('refused');
    expect(error.file).toBe(LOCK_FILE);
    expect(error.message).toBe(`another crm-migrate rollback is working on this engagement (pid ${process.ppid} on ${hostname()}, started 2026-12-04T09:00:00.000Z).`);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual(holder);
  });

  it('given a second acquire in the same engagement while the first is held, refuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const first = acquireEngagementLock(dir, 'apply');
    expect(refusal(() => acquireEngagementLock(dir, 'apply --delta')).message).toContain(`pid ${process.pid}`);
    first.release();
    acquireEngagementLock(dir, 'apply --delta').release();
  });

  it('given a lock left by a process that is gone, takes it over and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), startedAt: '2026-12-04T08:00:00.000Z', command: 'apply' }));
    const lock = acquireEngagementLock(dir, 'rollback');
    expect(lock.tookOverFrom?.pid).toBe(pid);
    expect(lock.note).toBe(`Took over the engagement lock left by apply (pid ${pid} on ${hostname()}, started 2026-12-04T08:00:00.000Z), which is no longer running.`);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('given a lock from another host, refuses: whether that process lives cannot be checked from here', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'other-host.example', startedAt: '2026-12-04T08:00:00.000Z', command: 'apply' }));
    const error = refusal(() => acquireEngagementLock(dir, 'apply'));
    expect(error.message).toContain('on other-host.example');
    expect(error.hint).toContain(`delete ${join(dir, LOCK_FILE)}`);
  });

  it('given its lock taken over by another process, release leaves the new holder\'s lock in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const lock = acquireEngagementLock(dir, 'apply');
    const other = JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: 'later', command: 'apply' });
    writeFileSync(join(dir, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it('given an engagement folder it cannot write, refuses with what to do instead of crashing', () => {
    const error = refusal(() => acquireEngagementLock(join(mkdtempSync(join(tmpdir(), 'lock-')), 'no-such-folder'), 'apply'));
    expect(error.code).toBe('run/lock-unwritable');
    expect(error.message).toBe('the engagement lock cannot be created (ENOENT).');
  });
});
