import type { Engagement } from '../engagement/engagement.js';
import { ROW_KEY, type CsvOptions } from '../source/csv-file.js';
import type { PlannedLoad } from './migration-plan.js';

/** How the export's files are read: the platform's delimiter, the engagement's or platform's encoding. */
export function csvOptions(engagement: Engagement): CsvOptions {
  const format = engagement.source.spec.export;
  const encoding = engagement.spec.options?.encoding ?? format?.encoding;
  return {
    ...(format?.delimiter === undefined ? {} : { delimiter: format.delimiter }),
    ...(encoding === undefined ? {} : { encoding }),
    // Data Loader files of a Salesforce-shaped export name links by relationship columns (`Account.External_Id__c`).
    ...(format?.shape === 'salesforce-data-export' ? { relationshipColumns: {} } : {}),
  };
}

/**
 * How one load's file is read, the same in the export check, the run and verify: the known column names (shared by
 * every load of the file, so they all see one header), the engagement's header aliases and the name for messages.
 */
export function loadCsvOptions(base: CsvOptions, load: Pick<PlannedLoad, 'knownColumns' | 'fileName' | 'headerAliases' | 'keyColumns'>): CsvOptions {
  return {
    ...base,
    known: load.knownColumns,
    displayName: load.fileName,
    ...(load.headerAliases === undefined ? {} : { aliases: load.headerAliases }),
    ...(load.keyColumns.includes(ROW_KEY) ? { rowNumberColumn: ROW_KEY } : {}),
    ...(base.relationshipColumns === undefined || load.keyColumns.length !== 1 ? {} : { relationshipColumns: { key: load.keyColumns[0] as string } }),
  };
}
