import { readdirSync } from 'node:fs';
import { extname } from 'node:path';

/** Where an object's file was found, and how, so a file read under another name is never read silently. */
export interface LocatedFile {
  /** The name in the export folder (the declared one when nothing matched: the file is missing). */
  name: string;
  how: 'declared' | 'engagement' | 'case' | 'timestamped' | 'missing';
  /** Other files that matched as well, when the choice was not the only one. */
  others: string[];
}

/**
 * Finds an object's file the way real exports name it: the engagement's own name for it first, then the name the
 * platform declares, then the same name in another case (`CONTACTS.CSV`), then the name with a timestamp appended
 * (newer Vtiger builds write `Contacts_2026-09-28_1157.csv`). Of several timestamped files the last in name order,
 * the newest for the timestamps exporters write, is read and the others are reported.
 */
export function locateExportFile(entries: readonly string[], declared: string, fromEngagement?: string): LocatedFile {
  if (fromEngagement !== undefined) return { name: fromEngagement, how: entries.includes(fromEngagement) ? 'engagement' : 'missing', others: [] };
  if (entries.includes(declared)) return { name: declared, how: 'declared', others: [] };
  const lower = declared.toLowerCase();
  const sameName = entries.filter((e) => e.toLowerCase() === lower);
  if (sameName.length > 0) return { name: sameName[0] as string, how: 'case', others: sameName.slice(1) };
  const ext = extname(declared).toLowerCase();
  const stem = lower.slice(0, lower.length - ext.length);
  const stamped = entries
    .filter((e) => extname(e).toLowerCase() === ext && /^[_\-\s]*\d[\d_\-\s.:T]*$/.test(e.toLowerCase().slice(stem.length, e.length - ext.length)) && e.toLowerCase().startsWith(stem))
    .sort();
  if (stamped.length > 0) return { name: stamped.at(-1) as string, how: 'timestamped', others: stamped.slice(0, -1) };
  return { name: declared, how: 'missing', others: [] };
}

/** The export folder's file names, or none when it cannot be listed (the check reports the folder itself). */
export function exportEntries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
