import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type CliResult } from '../run-cli.js';
import { InProcessCli } from './in-process-cli.js';

/**
 * Every command, with --json, prints one document that the envelope schema accepts, whether it succeeds or fails:
 * a script reads `status`, then `result` or `error`, the same way for all of them. One engagement is built by the
 * commands themselves, in order, inside this process (no Node start-up per command).
 */
const PAIR = 'vtiger--dynamics-365-sales';
const root = mkdtempSync(join(tmpdir(), 'crm-migrate-envelope-'));
const project = join(root, 'engagement');
const missing = join(root, 'no-such-engagement');

interface Case {
  args: string[];
  exitCode: number;
  /** The error code a script would branch on, for failures. */
  code?: string;
  /** Run just before the command. */
  prepare?: () => void;
}

/** Sets the engagement's failThreshold to 0 and adds a lead without its Lead Number, which cannot load. */
function plantRowPastThreshold(): void {
  const file = join(project, 'migration.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['options', 'failThreshold'], 0);
  writeFileSync(file, doc.toString());
  const leads = join(root, 'export', 'Leads.csv');
  savedLeads = readFileSync(leads, 'utf8');
  const [header, first] = parse(savedLeads, { to: 2 }) as string[][];
  const row = [...(first as string[])];
  row[(header as string[]).indexOf('Lead Number')] = '';
  writeFileSync(leads, `${savedLeads.replace(/\n?$/, '\n')}${stringify([row])}`);
}
let savedLeads = '';

/** The admin's user list, its third line without a valid email. */
function writeBadUsers(): void {
  writeFileSync(join(root, 'users.csv'), 'email,name,active\ndana@example.com,Dana Reyes,true\nnot-an-email,Sam Ortiz,true\n');
}

/** Puts the export back as the sample wrote it, so later figures compare with discovery's. */
function restoreLeads(): void {
  writeFileSync(join(root, 'export', 'Leads.csv'), savedLeads);
}

/** In the order they run: each success leaves what the next command needs. */
const CASES: Case[] = [
  { args: ['validate', join('pairs', `${PAIR}.yaml`)], exitCode: 0 },
  { args: ['validate', 'test/e2e/validate-broken/specs'], exitCode: 2, code: 'spec/invalid' },
  { args: ['pairs'], exitCode: 0 },
  { args: ['pairs', 'vtigre--dynamics-365-sales'], exitCode: 2 },
  { args: ['estimate', '--pair', PAIR, '--records', '5000'], exitCode: 0 },
  { args: ['estimate', '--pair', 'nope'], exitCode: 2 },
  { args: ['sample', '--pair', PAIR, '--out', join(root, 'export')], exitCode: 0 },
  { args: ['sample', '--pair', PAIR, '--out', join(root, 'x'), '--scale', '0'], exitCode: 2, code: 'cli/usage' },
  { args: ['init', project, '--pair', PAIR, '--source', join(root, 'export')], exitCode: 0 },
  { args: ['init', project, '--pair', PAIR, '--source', join(root, 'export')], exitCode: 2 },
  // Bad input the engine finds (an InputError) carries its file, line and hint into the envelope.
  { args: ['init', join(root, 'other'), '--pair', PAIR, '--source', join(root, 'export'), '--users', join(root, 'users.csv')], exitCode: 2, code: 'users/email', prepare: writeBadUsers },
  { args: ['discover', '--project', project], exitCode: 0 },
  { args: ['discover', '--project', missing], exitCode: 2 },
  { args: ['propose', '--project', project], exitCode: 0 },
  { args: ['propose', '--project', missing], exitCode: 2 },
  { args: ['apply', '--project', project], exitCode: 3, code: 'engagement/unconfirmed' },
  { args: ['confirm', '--project', project, '--by', 'tester@example.com', '--include-low-confidence'], exitCode: 0 },
  { args: ['confirm', '--project', missing], exitCode: 2 },
  { args: ['plan', '--project', project], exitCode: 0 },
  { args: ['plan', '--project', project, '--no-such-flag'], exitCode: 2, code: 'cli/usage' },
  { args: ['plan', '--project', project, '--dry-run'], exitCode: 0 },
  { args: ['apply', '--project', project, '--dry-run'], exitCode: 0 },
  // --force only means something to a delta run; accepting it on a full run would let a person think it did something.
  { args: ['apply', '--project', project, '--force'], exitCode: 2, code: 'cli/usage' },
  { args: ['apply', '--project', project], exitCode: 0 },
  // A lead without its key cannot load: past a threshold of 0 the run exits 1 and says why.
  { args: ['apply', '--project', project, '--delta'], exitCode: 1, code: 'run/threshold', prepare: plantRowPastThreshold },
  { args: ['apply', '--project', missing], exitCode: 2 },
  { args: ['verify', '--project', project, '--sample', '20'], exitCode: 0, prepare: restoreLeads },
  { args: ['verify', '--project', project, '--run', '99'], exitCode: 3, code: 'verify/refused' },
  { args: ['runs', '--project', project], exitCode: 0 },
  { args: ['runs', '--project', missing], exitCode: 2 },
  { args: ['docs', 'scope', '--project', project, '--date', '2026-01-05'], exitCode: 0 },
  { args: ['docs', 'scope', '--project', project, '--date', '5 Jan'], exitCode: 2 },
  { args: ['docs', 'inventory', '--project', project], exitCode: 0 },
  { args: ['docs', 'inventory', '--project', missing], exitCode: 2 },
  { args: ['docs', 'mapping', '--project', project], exitCode: 0 },
  { args: ['docs', 'mapping', '--project', missing], exitCode: 2 },
  { args: ['docs', '--out', join(root, 'site')], exitCode: 0 },
  { args: ['docs', '--out'], exitCode: 2, code: 'cli/usage' },
  // No terminal to ask on and no --yes: refused, and the error says to pass --yes.
  { args: ['rollback', '--project', project], exitCode: 3, code: 'rollback/unconfirmed' },
  { args: ['rollback', '--project', project, '--run', '99', '--yes'], exitCode: 3, code: 'rollback/refused' },
  { args: ['rollback', '--project', project, '--yes'], exitCode: 0 },
  { args: ['demo', '--out', join(root, 'demo')], exitCode: 0 },
  { args: ['demo', '--pair', 'nope', '--out', join(root, 'demo2')], exitCode: 2 },
];

type Envelope = { status: 'success' | 'error'; result: unknown; warnings: string[]; error?: { code: string; message: string; exitCode: number; hint?: string } };

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'cli-envelope.schema.json'), 'utf8')) as object;
const validateEnvelope = new Ajv({ allErrors: true, strict: true }).compile(schema);
const results = new Map<Case, CliResult>();
let commands: string[] = [];

beforeAll(async () => {
  const cli = await InProcessCli.load();
  commands = cli.commands();
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    for (const c of CASES) {
      c.prepare?.();
      results.set(c, await cli.run([...c.args, '--json']));
    }
  } finally {
    process.chdir(cwd);
  }
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('every command with --json prints one envelope that the schema accepts', () => {
  it('covers every command of the CLI in success and in failure', () => {
    const commandOf = (c: Case): string => (c.args[0] === 'docs' && /^[a-z]/.test(c.args[1] ?? '') ? `docs ${c.args[1]}` : (c.args[0] as string));
    expect(commands.length).toBeGreaterThan(15);
    for (const command of commands) {
      expect(CASES.some((c) => commandOf(c) === command && c.exitCode === 0), `${command} succeeds`).toBe(true);
      expect(CASES.some((c) => commandOf(c) === command && c.exitCode !== 0), `${command} fails`).toBe(true);
    }
  });

  it.each(CASES.map((c) => [c.args.join(' '), c] as const))('crm-migrate %s --json', (_name, c) => {
    const result = results.get(c) as CliResult;
    expect(result.stderr, 'nothing on stderr with --json').toBe('');
    const envelope = JSON.parse(result.stdout) as Envelope;
    expect(validateEnvelope(envelope), JSON.stringify(validateEnvelope.errors)).toBe(true);
    expect(result.exitCode, result.stdout.slice(0, 600)).toBe(c.exitCode);
    if (c.exitCode === 0) {
      expect(envelope.status).toBe('success');
      expect(envelope.result).not.toBeNull();
    } else {
      expect(envelope.status).toBe('error');
      expect(envelope.error?.exitCode).toBe(c.exitCode);
      if (c.code !== undefined) expect(envelope.error?.code).toBe(c.code);
    }
  });

  it('refuses apply --force without --delta, saying --force only applies to --delta', () => {
    const result = results.get(CASES.find((c) => c.args.join(' ') === ['apply', '--project', project, '--force'].join(' ')) as Case) as CliResult;
    const envelope = JSON.parse(result.stdout) as Envelope;
    expect(envelope.error?.message).toContain('--force only applies to --delta');
    expect(envelope.result).toBeNull();
  });

  it('counts in a dry run what the apply after it then did', () => {
    // `apply` runs three times with these arguments: the one that succeeded is the one after the dry run.
    const resultOf = <T>(args: string[]): T => (JSON.parse((results.get(CASES.find((c) => c.exitCode === 0 && c.args.join(' ') === args.join(' ')) as Case) as CliResult).stdout) as { result: T }).result;
    const dry = resultOf<{ dryRun: boolean; totals: { create: number; update: number; unchanged: number; skip: number; hold: number } }>(['apply', '--project', project, '--dry-run']);
    const applied = resultOf<{ loads: { created: number; updated: number; unchanged: number; skipped: number; held: number }[] }>(['apply', '--project', project]);
    const sum = (k: 'created' | 'updated' | 'unchanged' | 'skipped' | 'held'): number => applied.loads.reduce((n, l) => n + l[k], 0);
    expect(dry.dryRun).toBe(true);
    expect(dry.totals.create).toBeGreaterThan(0);
    expect([dry.totals.create, dry.totals.update, dry.totals.unchanged, dry.totals.skip, dry.totals.hold]).toEqual([sum('created'), sum('updated'), sum('unchanged'), sum('skipped'), sum('held')]);
  });

  it('says why apply was refused and what to do, and keeps what it found in result', () => {
    const refused = CASES.find((c) => c.code === 'engagement/unconfirmed') as Case;
    const envelope = JSON.parse((results.get(refused) as CliResult).stdout) as Envelope & { result: { unconfirmed: unknown[] } };
    expect(envelope.error?.hint).toContain('crm-migrate confirm');
    expect(envelope.result.unconfirmed.length).toBeGreaterThan(0);
  });

  it('gives the scope document the same row count as discovery, and says apart what the loads take', () => {
    const resultOf = <T>(args: string[]): T => (JSON.parse((results.get(CASES.find((c) => c.args.join(' ') === args.join(' ')) as Case) as CliResult).stdout) as { result: T }).result;
    const discovery = resultOf<{ objects: { rows: number }[] }>(['discover', '--project', project]);
    const scope = resultOf<{ counts: { rows: number; files: number; loadRows: number }; discovery: { rows: number } }>(['docs', 'scope', '--project', project, '--date', '2026-01-05']);
    const discovered = discovery.objects.reduce((n, o) => n + o.rows, 0);
    expect(discovered).toBeGreaterThan(0);
    expect(scope.counts.rows).toBe(discovered);
    expect(scope.discovery.rows).toBe(discovered);
    expect(scope.counts.files).toBe(discovery.objects.length);
    // Quotes.csv and Sales_Orders.csv each feed a header load and a line load.
    expect(scope.counts.loadRows).toBeGreaterThan(scope.counts.rows);
  });

  it('says why apply exits 1: how many rows did not load against which threshold, and where they are listed', () => {
    const envelope = JSON.parse((results.get(CASES.find((c) => c.code === 'run/threshold') as Case) as CliResult).stdout) as Envelope & { result: { totals: { sourceRows: number; skipped: number; failed: number } } };
    const { sourceRows, skipped, failed } = envelope.result.totals;
    expect(skipped + failed).toBeGreaterThan(0);
    const rate = (skipped + failed) / sourceRows;
    expect(envelope.error?.message).toBe(`Exit 1: ${skipped + failed} of ${sourceRows} rows were skipped or refused (${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)}%), more than failThreshold 0.00% in migration.yaml.`);
    expect(envelope.error?.hint).toMatch(/^See runs\/\d+\/exceptions\.csv for each row and its reason\.$/);
  });

  it('lists the runs with their state, counts and elapsed time', () => {
    const runs = (JSON.parse((results.get(CASES.find((c) => c.args[0] === 'runs' && c.exitCode === 0) as Case) as CliResult).stdout) as { result: { id: number; kind: string; state: string; elapsedMs: number; counts: { created: number; unchanged: number } }[] }).result;
    expect(runs.map((r) => [r.id, r.kind, r.state])).toEqual([
      [1, 'full', 'completed'],
      [2, 'delta', 'completed'],
    ]);
    expect(runs[0]?.counts.created).toBeGreaterThan(400);
    expect(runs[1]?.counts.created).toBe(0);
    expect(runs.every((r) => r.elapsedMs >= 0)).toBe(true);
  });

  it('puts the file, line and hint of bad input in the error', () => {
    const envelope = JSON.parse((results.get(CASES.find((c) => c.code === 'users/email') as Case) as CliResult).stdout) as Envelope & { error: { file: string; line: number } };
    expect(envelope.error).toMatchObject({ file: join(root, 'users.csv'), line: 3, exitCode: 2 });
    expect(envelope.error.hint).toMatch(/email/);
  });

  it('names the missing run on verify and rollback, and asks for --yes where there is no terminal', () => {
    const message = (code: string): string => (JSON.parse((results.get(CASES.find((c) => c.code === code) as Case) as CliResult).stdout) as Envelope).error?.message ?? '';
    expect(message('verify/refused')).toMatch(/There is no run 99/);
    expect(message('rollback/refused')).toMatch(/There is no run 99/);
    const unconfirmed = JSON.parse((results.get(CASES.find((c) => c.code === 'rollback/unconfirmed') as Case) as CliResult).stdout) as Envelope;
    expect(unconfirmed.error?.hint).toContain('--yes');
  });
});
