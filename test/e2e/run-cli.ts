import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs the built CLI the way a user does, without colours, from `cwd` (the repository root by default). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'run.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
}

/**
 * The same, without blocking the test worker: long scenarios made of many runs must leave vitest's own messages
 * room to pass, or the worker times out talking to the runner.
 */
export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: code ?? -1 }));
  });
}

/** One text a golden file can hold: the command, its exit code and both streams. */
export function transcript(args: readonly string[], result: CliResult): string {
  return [`$ crm-migrate ${args.join(' ')}`, `exit ${result.exitCode}`, '--- stdout', result.stdout.trimEnd(), '--- stderr', result.stderr.trimEnd(), ''].join('\n');
}

/** The `result` of a command's `--json` envelope (`{status, result, warnings, error?}`). */
export function jsonResult<T>(stdout: string): T {
  const envelope = JSON.parse(stdout) as { status: string; result: T };
  if (!('result' in envelope)) throw new Error(`not a crm-migrate JSON envelope: ${stdout.slice(0, 200)}`);
  return envelope.result;
}
