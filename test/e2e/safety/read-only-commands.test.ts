import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../run-cli.js';
import { companies, engagement, writeExport } from './small-engagement.js';

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('commands that only read', () => {
  it('given an applied engagement, verify, plan, dry runs and a refused rollback leave sandbox.db and ledger.db byte-identical', async () => {
    const root = mkdtempSync(join(tmpdir(), 'read-only-'));
    const exportDir = join(root, 'export');
    writeExport(exportDir, { companies: companies(3) });
    const project = engagement(join(root, 'engagement'), exportDir);
    expect((await runCliAsync(['apply', '--project', project])).exitCode).toBe(0);
    const files = ['sandbox.db', 'ledger.db'].map((f) => join(project, f));
    const before = files.map(digest);

    const commands = [['verify'], ['plan'], ['verify', '--run', '1'], ['plan', '--dry-run'], ['apply', '--dry-run'], ['apply', '--dry-run', '--delta'], ['rollback']];
    for (const command of commands) {
      const result = await runCliAsync([...command, '--project', project]);
      // rollback without --yes and without a terminal refuses before touching anything
      expect(result.exitCode, `${command.join(' ')}: ${result.stderr}`).toBe(command[0] === 'rollback' ? 3 : 0);
      expect(files.map(digest), `after ${command.join(' ')}`).toEqual(before);
    }
  }, 300_000);
});
