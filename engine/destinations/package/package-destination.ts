import { join } from 'node:path';
import type {
  Destination,
  DestinationRecord,
  DestinationSetup,
  OutgoingRecord,
  RecordPatch,
  RecordResult,
  SetupProblem,
} from '../destination.js';
import { idStyle } from '../model/record-ids.js';
import { Sandbox } from '../sandbox/sandbox.js';
import { keyOf } from '../model/table-schema.js';
import { bulkCsvPackage } from './bulk-csv-package.js';
import { cmtPackage } from './cmt-package.js';
import { writePackageFiles, type PackageFile } from './package-files.js';
import { packageReadme, type PackageFormat } from './package-readme.js';
import { readStoredRecords } from './stored-records.js';

/** The sandbox file inside the package folder that holds the records between runs. */
export const PACKAGE_DB = 'package.db';

/**
 * `package:DIR`: a sandbox in `DIR/package.db` does the loading, so the destination's rules are enforced, a rerun
 * upserts, and verify, rollback and delta work as on any target; closing after a write (re)writes the importer's
 * files from what the sandbox then holds, in the plan's order. The package therefore always shows the state of the
 * last run: a rollback followed by close leaves an empty one.
 */
export class PackageDestination implements Destination {
  readonly label: string;
  readonly preferredBatchSize: number;
  private readonly sandbox: Sandbox;
  private setup: DestinationSetup | undefined;
  private written = false;

  constructor(
    private readonly dir: string,
    private readonly pairName: string,
  ) {
    this.label = `package:${dir}`;
    this.sandbox = new Sandbox(join(dir, PACKAGE_DB));
    this.preferredBatchSize = this.sandbox.preferredBatchSize;
  }

  async open(setup: DestinationSetup): Promise<SetupProblem[]> {
    this.setup = setup;
    const problems = await this.sandbox.open(setup);
    if (format(setup) === undefined) {
      problems.push({ message: `${setup.destination.name} has no native-importer package format; package targets support Dataverse and Salesforce.` });
    }
    return problems;
  }

  async upsert(object: string, records: readonly OutgoingRecord[]): Promise<RecordResult[]> {
    this.written = true;
    return this.sandbox.upsert(object, records);
  }

  async patch(object: string, patches: readonly RecordPatch[]): Promise<RecordResult[]> {
    this.written = true;
    return this.sandbox.patch(object, patches);
  }

  read(object: string, ids: readonly string[], attributes?: readonly string[]): Promise<Map<string, DestinationRecord>> {
    return this.sandbox.read(object, ids, attributes);
  }

  normalize(object: string, values: DestinationRecord): DestinationRecord {
    return this.sandbox.normalize(object, values);
  }

  versions(object: string, ids: readonly string[]): Promise<Map<string, string>> {
    return this.sandbox.versions(object, ids);
  }

  async remove(object: string, ids: readonly string[]): Promise<RecordResult[]> {
    this.written = true;
    return this.sandbox.remove(object, ids);
  }

  async restore(object: string, records: readonly { id: string; values: DestinationRecord }[]): Promise<RecordResult[]> {
    this.written = true;
    return this.sandbox.restore(object, records);
  }

  count(object: string): Promise<number> {
    return this.sandbox.count(object);
  }

  users(): Promise<Map<string, { id: string; active: boolean; name: string }>> {
    return this.sandbox.users();
  }

  async close(): Promise<void> {
    // The sandbox closes first, so that the package is read from the one committed file.
    await this.sandbox.close();
    const setup = this.setup;
    const kind = setup === undefined ? undefined : format(setup);
    if (setup !== undefined && kind !== undefined && this.written) this.writePackage(setup, kind);
    this.setup = undefined;
    this.written = false;
  }

  private writePackage(setup: DestinationSetup, kind: PackageFormat): void {
    const stored = readStoredRecords(join(this.dir, PACKAGE_DB), setup);
    const sourceKeyField = setup.destination.rules?.sourceKeyField ?? (kind === 'dataverse' ? 'new_sourcekey' : 'Legacy_Id__c');
    const { files, steps } = kind === 'dataverse' ? cmtPackage(stored) : bulkCsvPackage(stored);
    const manifest = {
      pair: this.pairName,
      format: kind === 'dataverse' ? 'configuration-migration-tool' : 'bulk-api-2.0-csv',
      operation: 'upsert',
      externalIdFieldName: sourceKeyField,
      ...(kind === 'salesforce' ? { lineEnding: 'LF', columnDelimiter: 'COMMA' } : {}),
      steps,
    };
    const all: PackageFile[] = [...files, { name: 'manifest.json', content: JSON.stringify(manifest, null, 2) + '\n' }];
    const readme = packageReadme({
      format: kind,
      pairName: this.pairName,
      destinationName: setup.destination.name,
      sourceKeyField,
      files: all,
      steps,
      auditDateField: AUDIT_DATE_FIELDS.find((name) => stored.objects.some((o) => o.attributes.some((a) => a.name === name))),
    });
    writePackageFiles(this.dir, [...all, { name: 'README.md', content: readme }]);
  }
}

/** Attributes that set a record's original creation date, which the importing user needs a permission to write. */
const AUDIT_DATE_FIELDS = ['overriddencreatedon', 'CreatedDate'];

/** Which importer the destination has, told by the shape of its record ids (the one place that knows them). */
function format(setup: DestinationSetup): PackageFormat | undefined {
  const userObject = setup.destination.rules?.userObject;
  const object = setup.destination.objects.find((o) => o.name === userObject) ?? setup.destination.objects[0];
  if (object === undefined) return undefined;
  return idStyle(keyOf(object));
}
