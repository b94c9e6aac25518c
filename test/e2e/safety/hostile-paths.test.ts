import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../engine/run/run-report.js';
import { runCliAsync } from '../run-cli.js';
import { companies, engagement, jsonResult, OWNER, writeExport } from './small-engagement.js';

const SECRET = 'crm-migrate-test-secret-3f9a';

/** One attachment row per hostile path kind, plus one good file, all on company 100. */
const ATTACHMENTS: { id: string; path: string; reason: string }[] = [
  { id: '1', path: 'attachments/1/quote.txt', reason: '' },
  { id: '2', path: '../../../../proc/self/environ', reason: 'is outside the export folder' },
  { id: '3', path: '../secret.env', reason: 'is outside the export folder' },
  { id: '4', path: '/proc/self/environ', reason: 'is an absolute path' },
  { id: '5', path: 'attachments/5/escape.txt', reason: 'is a link that points outside the export folder' },
  { id: '6', path: 'attachments/1', reason: 'is a directory, not a regular file' },
  { id: '7', path: 'attachments/7/pipe', reason: 'is a named pipe (FIFO), not a regular file' },
  { id: '8', path: '/dev/zero', reason: 'is an absolute path' },
  { id: '9', path: 'attachments/9/zero', reason: 'is a link that points outside the export folder' },
  { id: '10', path: 'attachments/10/huge.pdf', reason: "over the destination's limit of 5,242,880 bytes" },
];

/** An engagement whose attachments.csv names each hostile path, with the files, links and FIFO in place. */
function hostileEngagement(): string {
  const root = mkdtempSync(join(tmpdir(), 'hostile-paths-'));
  const exportDir = join(root, 'export');
  writeExport(exportDir, {
    companies: companies(1),
    attachments: ATTACHMENTS.map((a) => ({ 'Attachment ID': a.id, 'File Name': `file-${a.id}`, 'File Path': a.path, 'Company ID': '100', 'Owner Email': OWNER, 'Created Date': '01/02/2024 10:00' })),
  });
  for (const id of ['1', '5', '7', '9', '10']) mkdirSync(join(exportDir, 'attachments', id), { recursive: true });
  writeFileSync(join(exportDir, 'attachments', '1', 'quote.txt'), 'price list 2024\n');
  writeFileSync(join(root, 'secret.env'), `API_KEY=${SECRET}\n`);
  symlinkSync(join(root, 'secret.env'), join(exportDir, 'attachments', '5', 'escape.txt'));
  execFileSync('mkfifo', [join(exportDir, 'attachments', '7', 'pipe')]);
  symlinkSync('/dev/zero', join(exportDir, 'attachments', '9', 'zero'));
  writeFileSync(join(exportDir, 'attachments', '10', 'huge.pdf'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x25));

  return engagement(join(root, 'engagement'), exportDir);
}

describe('attachment rows naming hostile paths', () => {
  it('given escapes, an absolute path, symlinks out, a directory, a FIFO, /dev/zero and an oversized file, reads none, reports each by file and line, and loads the rest', async () => {
    const project = hostileEngagement();
    // The secret is in the environment too, where /proc/self/environ would expose it.
    const result = await runCliAsync(['apply', '--project', project, '--json'], { env: { CRM_TEST_SECRET: SECRET } });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = jsonResult<RunReport>(result.stdout);
    const attachments = report.loads.find((l) => l.load === 'attachments');
    expect(attachments).toMatchObject({ sourceRows: 10, created: 1, skipped: 9 });

    const exceptions = parse(readFileSync(join(project, 'runs', '1', 'exceptions.csv')), { columns: true }) as Record<string, string>[];
    const hostile = ATTACHMENTS.filter((a) => a.reason !== '');
    expect(exceptions.map((e) => [e['file'], e['line'], e['status'], e['column'], e['value']])).toEqual(
      hostile.map((a) => ['attachments.csv', String(Number(a.id) + 1), 'skipped', 'File Path', a.path]),
    );
    hostile.forEach((a, i) => expect(exceptions[i]?.['reason']).toContain(a.reason));

    const db = new Database(join(project, 'sandbox.db'), { readonly: true });
    const notes = db.prepare('SELECT filename, documentbody FROM annotation').all() as { filename: string; documentbody: string }[];
    db.close();
    expect(notes).toEqual([{ filename: 'quote.txt', documentbody: Buffer.from('price list 2024\n').toString('base64') }]);
    expect(readFileSync(join(project, 'sandbox.db')).includes(SECRET)).toBe(false);
    expect(readFileSync(join(project, 'sandbox.db')).includes(Buffer.from(`API_KEY=${SECRET}`).toString('base64').slice(0, 16))).toBe(false);
  }, 60_000);

  it('given the same export, discover lists each unusable attachment by line before anything moves', async () => {
    const project = hostileEngagement();
    const result = await runCliAsync(['discover', '--project', project]);
    expect(result.exitCode, result.stderr).toBe(0);
    const discovery = JSON.parse(readFileSync(join(project, 'discovery', 'discovery.json'), 'utf8')) as { findings: { kind: string; file: string; column?: string; count: number; examples: { line: number; value?: string }[] }[] };
    const unusable = discovery.findings.filter((f) => f.kind === 'unusable-file');
    expect(unusable.map((f) => [f.file, f.column, f.count])).toEqual([['attachments.csv', 'File Path', 9]]);
    expect(unusable[0]?.examples[0]).toMatchObject({ line: 3, value: '../../../../proc/self/environ' });
  }, 60_000);
});
