import { renderTemplate } from '../../render/render.js';
import { LINE_ENDING, USER_KEY_FIELD } from './bulk-csv-package.js';
import type { PackageFile, PackageStep } from './package-files.js';

export type PackageFormat = 'dataverse' | 'salesforce';

/** What each file of a package is, in one line for the admin. */
function describe(name: string, format: PackageFormat, steps: readonly PackageStep[]): string {
  if (name === 'data.zip') return 'The Configuration Migration Tool data package to import (the two XML files below and [Content_Types].xml, zipped).';
  if (name === 'data_schema.xml') return 'The package schema, unzipped for review: each entity and the fields the package fills.';
  if (name === 'data.xml') return 'The records, unzipped for review: one record element per record, keyed by its GUID.';
  if (name === 'manifest.json') return 'The import steps for scripts: file, object, operation, external id field and row count of each.';
  const step = steps.find((s) => s.file === name);
  if (format === 'salesforce' && step !== undefined) {
    return step.links === undefined
      ? `Bulk API 2.0 upsert file for ${step.object}, step ${step.step}.`
      : `Lookups of ${step.object} that name records of the same or a later step, set once every record exists (step ${step.step}).`;
  }
  return 'Part of the package.';
}

export function packageReadme(options: {
  format: PackageFormat;
  pairName: string;
  destinationName: string;
  sourceKeyField: string;
  files: readonly PackageFile[];
  steps: readonly PackageStep[];
  /** The attribute carrying original creation dates, when the package fills it. */
  auditDateField: string | undefined;
}): string {
  const { format, steps } = options;
  return renderTemplate(
    'package/readme.md.hbs',
    {
      pairName: options.pairName,
      destinationName: options.destinationName,
      sourceKeyField: options.sourceKeyField,
      dataverse: format === 'dataverse',
      userKeyField: USER_KEY_FIELD,
      auditDateField: options.auditDateField ?? false,
      lineEnding: LINE_ENDING,
      total: steps.filter((s) => s.links === undefined).reduce((n, s) => n + s.rows, 0),
      files: options.files.map((f) => ({ name: f.name, description: describe(f.name, format, steps) })),
      steps: steps.map((s) => ({ ...s, links: s.links ?? [], linkList: (s.links ?? []).join(', ') })),
    },
    'markdown',
  );
}
