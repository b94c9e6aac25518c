import type { Engagement } from '../engagement/engagement.js';
import type { CsvOptions } from '../source/csv-file.js';
import type { PlannedLoad } from './migration-plan.js';

/** How to read one load's file: the platform's delimiter, the engagement's or platform's encoding, the known headers. */
export function csvOptions(engagement: Engagement, load?: Pick<PlannedLoad, 'knownColumns' | 'fileName'>): CsvOptions {
  const format = engagement.source.spec.export;
  const encoding = engagement.spec.options?.encoding ?? format?.encoding;
  return {
    ...(format?.delimiter === undefined ? {} : { delimiter: format.delimiter }),
    ...(encoding === undefined ? {} : { encoding }),
    ...(load === undefined ? {} : { known: load.knownColumns, displayName: load.fileName }),
  };
}
