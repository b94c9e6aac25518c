import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Engagement } from '../engagement/engagement.js';
import type { MigrationPlan } from './migration-plan.js';
import type { OutOfScopeFile } from './shape-findings.js';

/** Files our own `sample` command writes beside an export; they are not export data. */
const OWN_ARTEFACTS = new Set(['crm-migrate-sample.json']);
/** Files whose rows are counted when the pair does not read them; any other file is only named. */
export const TABLE_FILES = new Set(['.csv', '.tsv', '.txt']);

/**
 * Every file at the top of the export folder that no load reads: an object the pair does not map, one its
 * exclusions leave behind (with their reason), or a file the source platform does not describe. Their rows are
 * counted (physical lines after the header) so the scope document can say how much stays behind.
 */
export function outOfScopeFiles(engagement: Engagement, plan: MigrationPlan): OutOfScopeFile[] {
  const read = new Set(plan.loads.map((l) => basename(l.file).toLowerCase()));
  const userObject = engagement.source.spec.export?.userObject;
  const userFile = userObject === undefined ? undefined : engagement.source.object(userObject)?.file;
  if (userFile !== undefined) read.add(userFile.toLowerCase());
  const objectByFile = new Map(
    engagement.source.objectNames().map((name) => [(engagement.source.object(name)?.file ?? `${name}.csv`).toLowerCase(), name] as const),
  );
  let entries: string[];
  try {
    entries = readdirSync(engagement.exportDir).sort();
  } catch {
    return [];
  }
  const out: OutOfScopeFile[] = [];
  for (const name of entries) {
    if (name.startsWith('.') || OWN_ARTEFACTS.has(name) || read.has(name.toLowerCase())) continue;
    const path = join(engagement.exportDir, name);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue;
    }
    if (!isFile) continue;
    const table = TABLE_FILES.has(extname(name).toLowerCase());
    const object = objectByFile.get(name.toLowerCase());
    const passedOver = plan.loads.find((l) => l.found.others.includes(name));
    const reason = passedOver !== undefined ? `another file for ${passedOver.sourceObject}; ${passedOver.fileName} was read instead` : table ? reasonFor(engagement, object) : 'not a CSV file, so not read';
    out.push({ file: name, rows: table ? countRows(path) : null, reason });
  }
  return out;
}

function reasonFor(engagement: Engagement, object: string | undefined): string {
  if (object === undefined) return `not a file of the ${engagement.source.spec.name} export this pair describes`;
  const exclusion = (engagement.pair.exclusions ?? []).find((e) => (e.objects ?? []).includes(object));
  if (exclusion !== undefined) return `excluded: ${exclusion.reason}`;
  return `the pair does not map ${object}`;
}

/**
 * Lines after the header that hold something. A count, not a parse: a file nobody reads may be in any shape, and a
 * quoted value spanning lines makes this an upper bound, which is what "stays behind" needs. The file is streamed in
 * chunks, byte by byte, so a stray multi-gigabyte export costs time but not memory; newline is byte 0x0A in every
 * encoding an export uses (UTF-16's NUL halves count as blank).
 */
function countRows(path: string): number | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunk = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    let lineHasText = false;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      for (let i = 0; i < read; i += 1) {
        const byte = chunk[i]!;
        if (byte === 0x0a) {
          if (lineHasText) lines += 1;
          lineHasText = false;
        } else if (!BLANK_BYTES.has(byte)) lineHasText = true;
      }
    }
    if (lineHasText) lines += 1;
    return Math.max(0, lines - 1);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Bytes that leave a line blank: what String.prototype.trim removes in latin1, and UTF-16's NUL halves. */
const BLANK_BYTES = new Set([0x00, 0x09, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]);
