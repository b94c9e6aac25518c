import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../util/input-error.js';

export const LOCK_FILE = 'engagement.lock';

/** Who holds an engagement: written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface EngagementLock {
  /** Set when the lock was left by a process that is gone, and this one took it over. */
  readonly tookOverFrom: LockHolder | undefined;
  /** A sentence for the run report when the lock was taken over. */
  readonly note: string | undefined;
  release(): void;
}

/**
 * One writer per engagement. `apply`, `apply --delta` and `rollback` write the same ledger and destination; two at
 * once interleave their batches and duplicate ledger entries. The lock is a file in the engagement folder created
 * with O_EXCL (atomic on local file systems), holding the holder's pid, host and start time. A second writer is
 * refused, naming the holder. A lock left by a killed process on this host (its pid is gone) is taken over, and said
 * so; a lock from another host cannot be checked and is only ever removed by a person.
 */
export function acquireEngagementLock(engagementDir: string, command: string, now: Date = new Date()): EngagementLock {
  const path = join(engagementDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString(), command };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (create(path, me)) return held(path, me, tookOverFrom);
    const holder = readHolder(path);
    if (holder === undefined) continue; // released between our attempt and the read: try again
    if (holder.host !== me.host || isAlive(holder.pid)) throw refused(path, holder);
    // The holder is gone. Move its file aside atomically: of several processes doing this at once, one moves it.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (moved !== undefined && moved.pid !== holder.pid) {
      // Someone else took it over in between and we moved their live lock: give it back.
      try {
        linkSync(aside, path);
      } catch {
        // they will find their lock gone and it is theirs to notice; we are refused either way
      }
      unlinkQuietly(aside);
      throw refused(path, moved);
    }
    unlinkQuietly(aside);
    tookOverFrom = holder;
  }
  const holder = readHolder(path);
  throw holder === undefined
    ? new InputError('the engagement lock could not be taken.', { code: 'run/locked', kind: 'refused', file: LOCK_FILE, hint: 'Try again.' })
    : refused(path, holder);
}

function create(path: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new InputError(`the engagement lock cannot be created (${code ?? String(error)}).`, {
      code: 'run/lock-unwritable',
      kind: 'refused',
      file: LOCK_FILE,
      hint: `Runs write into the engagement folder: make ${dirname(path)} writable (or run from a copy of it).`,
    });
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function held(path: string, me: LockHolder, tookOverFrom: LockHolder | undefined): EngagementLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own lock is removed: never one a later process took over.
    if (readHolder(path)?.pid === me.pid) unlinkQuietly(path);
  };
  // A process ended on purpose mid-run (Ctrl-C: the CLI exits once the ledger is safe) gives the lock back too.
  process.once('exit', release);
  return {
    tookOverFrom,
    note:
      tookOverFrom === undefined
        ? undefined
        : `Took over the engagement lock left by ${tookOverFrom.command} (pid ${tookOverFrom.pid} on ${tookOverFrom.host}, started ${tookOverFrom.startedAt}), which is no longer running.`,
    release,
  };
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return { pid: Number(value.pid), host: String(value.host ?? ''), startedAt: String(value.startedAt ?? ''), command: String(value.command ?? 'a run') };
  } catch {
    // A lock file cut short by a crash while it was written: its writer died before it could start work.
    return { pid: 0, host: hostname(), startedAt: '', command: 'a run' };
  }
}

/** Signal 0 checks that the process exists; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function refused(path: string, holder: LockHolder): InputError {
  return new InputError(
    `another crm-migrate ${holder.command} is working on this engagement (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}).`,
    {
      code: 'run/locked',
      kind: 'refused',
      file: LOCK_FILE,
      hint: `Wait for it to finish and run again. If that process is gone for good (it ran on another machine), delete ${path}.`,
    },
  );
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
