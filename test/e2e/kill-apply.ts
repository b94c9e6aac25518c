import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from './run-cli.js';

/** How many records the project's ledger holds; 0 while it does not exist yet or is locked. */
export function ledgerEntries(project: string): number {
  try {
    const db = new Database(join(project, 'ledger.db'), { readonly: true, timeout: 50 });
    try {
      return (db.prepare('SELECT count(*) AS n FROM ledger').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Starts `apply`, waits until the ledger holds `entries` records, then kills the process outright. */
export async function killHalfway(project: string, entries: number): Promise<number> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), 'apply', '--project', project, '--json'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let seen = 0;
  while (child.exitCode === null) {
    seen = ledgerEntries(project);
    if (seen >= entries) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  return seen;
}
