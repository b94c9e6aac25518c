import type { PlatformSpec } from '../generated/platform-spec.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { Reporter } from './reporter.js';
import { checkPlatformFormats } from './check-formats.js';

/** What the schema cannot say about a platform spec: unique names, and columns named by an object that it has. */
export function checkPlatform(file: string, platform: PlatformSpec): Diagnostic[] {
  const reporter = new Reporter(file);
  const isSource = platform.roles?.includes('source') === true;
  // A platform that is also a destination exports `exportObjects`, or its model as `<name>.csv` files (source-view.ts).
  const exportsModel = isSource && platform.roles?.includes('destination') === true;
  if (isSource && platform.export === undefined) reporter.report('spec/missing-property', '', 'A source platform needs "export", which says how its data leaves it.');

  const objectNames = new Set<string>();
  (platform.objects ?? []).forEach((object, i) => {
    if (typeof object?.name !== 'string') return;
    const at = `/objects/${i}`;
    if (objectNames.has(object.name)) reporter.report('spec/duplicate-id', `${at}/name`, `Object "${object.name}" is declared twice.`);
    objectNames.add(object.name);
    if (isSource && !exportsModel && object.file === undefined) reporter.report('spec/missing-property', at, `Source object "${object.name}" needs "file", the export file holding its rows.`);

    const fieldNames = new Set<string>();
    (object.fields ?? []).forEach((field, j) => {
      if (typeof field?.name !== 'string') return;
      if (fieldNames.has(field.name)) reporter.report('spec/duplicate-id', `${at}/fields/${j}/name`, `Field "${field.name}" of "${object.name}" is declared twice.`);
      fieldNames.add(field.name);
    });
    for (const key of ['key', 'primaryName', 'modifiedField', 'currencyColumn'] as const) {
      const name = object[key];
      if (typeof name === 'string' && !fieldNames.has(name)) {
        reporter.unknown('spec/unknown-column', `${at}/${key}`, 'Field', name, `object "${object.name}"`, fieldNames);
      }
    }
  });

  (platform.exportObjects ?? []).forEach((object, i) => {
    if (typeof object?.name === 'string' && object.file === undefined) reporter.report('spec/missing-property', `/exportObjects/${i}`, `Export object "${object.name}" needs "file", the export file holding its rows.`);
  });
  checkPlatformFormats(reporter, platform);
  const userObject = platform.export?.userObject;
  if (typeof userObject === 'string' && !objectNames.has(userObject)) {
    reporter.unknown('spec/unknown-object', '/export/userObject', 'Object', userObject, 'this platform', objectNames);
  }
  const rules = platform.rules;
  for (const key of ['userObject'] as const) {
    if (typeof rules?.[key] === 'string' && !objectNames.has(rules[key])) {
      reporter.unknown('spec/unknown-object', `/rules/${key}`, 'Object', rules[key], 'this platform', objectNames);
    }
  }
  // A currency kept as records needs its table here: the sandbox holds it and a live target is asked for it.
  const currencyObject = rules?.currency?.record?.object;
  if (typeof currencyObject === 'string' && platform.extends === undefined && !objectNames.has(currencyObject)) {
    reporter.unknown('spec/unknown-object', '/rules/currency/record/object', 'Object', currencyObject, 'this platform', objectNames);
  }
  return reporter.diagnostics;
}
