import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import { packageRoot } from '../util/package-root.js';
import type { MigrationPlan } from './migration-plan.js';
import { TABLE_FILES } from './out-of-scope.js';

/** Raised when the export check changes what it reads or reports, so a check remembered by an older build is not reused. */
const CHECK_FORMAT = 2;

/**
 * A digest of everything an export check's result depends on: the bytes of the files the plan reads and of the other
 * table files at the top of the export folder (whose rows the check counts as left behind), the compiled plan, the
 * engagement and both platform specs, and the tool's version. Two checks with one key would find the same, so a run
 * may reuse the result a run before it remembered (see run/export-check-memo).
 *
 * Hashing reads each file once at the speed of the disk; parsing it, as the check does, is many times slower. A file
 * inside a subfolder (an attachment) is not hashed: the check only notes attachments over the size limit, and the
 * run checks each one again as it reads it.
 */
export async function exportCheckKey(engagement: Engagement, plan: MigrationPlan): Promise<string> {
  const hash = createHash('sha256');
  const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  const { spec, pair, source, destination } = engagement;
  hash.update(JSON.stringify({ format: CHECK_FORMAT, version, spec, pair, source: source.spec, destination: destination.spec, plan }));
  const read = new Set(plan.loads.map((l) => l.file));
  let names: string[] = [];
  try {
    names = readdirSync(engagement.exportDir);
  } catch {
    // A missing export folder is the check's to report; its key only has to differ from a present one's.
  }
  const files = new Set([...read, ...names.map((name) => join(engagement.exportDir, name))]);
  for (const path of [...files].sort()) {
    hash.update(`\u0000${path}\u0000`);
    let size = -1;
    try {
      const stat = statSync(path);
      size = stat.isFile() ? stat.size : -2;
    } catch {
      // Missing: the check reports it; the key records it.
    }
    hash.update(String(size));
    // The check reads the files the plan loads and counts the rows of other table files; any other file (an archive
    // beside the export) it only names, so its size stands for it rather than gigabytes of hashing.
    if (size < 0 || (!read.has(path) && !TABLE_FILES.has(extname(path).toLowerCase()))) continue;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
