import type { EngagementSpec } from '../generated/engagement-spec.js';
import type { TransformCall } from '../generated/pair-spec.js';
import type { FormatOverrides, PlatformField, PlatformObject, PlatformSpec } from '../generated/platform-spec.js';
import { isTimeZone } from '../../transforms/date-format.js';
import { compileFormat, missingUnits } from '../../transforms/date-tokens.js';
import { closestNames } from '../../util/suggest.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { Reporter } from './reporter.js';

/**
 * Format strings and time zones are data that only fail when a row is read; these checks make them fail in
 * `validate` instead, at the string that is wrong, with the format or zone that was probably meant.
 */

let zoneNames: readonly string[] | undefined;
const timeZones = (): readonly string[] => (zoneNames ??= [...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** One date or date-time format: it must be able to match something, and name a whole date (and an hour). */
export function checkDateFormat(reporter: Reporter, format: unknown, kind: 'date' | 'datetime', at: string): void {
  if (typeof format !== 'string') return;
  const compiled = compileFormat(format);
  const what = kind === 'date' ? 'Date format' : 'Date-time format';
  if (compiled.problems.length > 0) {
    const fix = compiled.suggestion === undefined || compileFormat(compiled.suggestion).problems.length > 0 ? undefined : compiled.suggestion;
    const hint = fix === undefined ? '' : ` Did you mean "${fix}"?`;
    reporter.report('spec/date-format', at, `${what} "${format}" can never match a value: ${compiled.problems.join('; ')}.${hint}`, 'error', fix === undefined ? [] : [fix]);
    return;
  }
  const missing = missingUnits(format, kind);
  if (missing.length > 0) {
    reporter.report('spec/date-format', at, `${what} "${format}" does not name the ${missing.join(', ')}, so the value it reads is not a ${kind === 'date' ? 'date' : 'point in time'}.`);
  }
}

export function checkTimeZone(reporter: Reporter, zone: unknown, at: string): void {
  if (typeof zone !== 'string' || isTimeZone(zone)) return;
  reporter.unknown('spec/time-zone', at, 'Time zone', zone, 'the IANA time zone database (e.g. "Europe/Berlin")', timeZones());
}

function checkLocale(reporter: Reporter, locale: unknown, at: string): void {
  if (typeof locale !== 'string') return;
  try {
    if (Intl.getCanonicalLocales(locale).length === 1) return;
  } catch {
    // fall through to the report
  }
  reporter.report('spec/invalid-value', at, `Locale "${locale}" is not a BCP 47 language tag such as "en-US", "de" or "es".`);
}

/** The keys a platform's `export`, an object's or column's `formats` or an engagement's `formats` entry share. */
export function checkFormatKeys(reporter: Reporter, formats: FormatOverrides | undefined, at: string): void {
  if (formats === null || typeof formats !== 'object') return;
  (formats.dateFormats ?? []).forEach((f, i) => checkDateFormat(reporter, f, 'date', `${at}/dateFormats/${i}`));
  (formats.dateTimeFormats ?? []).forEach((f, i) => checkDateFormat(reporter, f, 'datetime', `${at}/dateTimeFormats/${i}`));
  checkTimeZone(reporter, formats.timeZone, `${at}/timeZone`);
  checkLocale(reporter, formats.locale, `${at}/locale`);
  if (typeof formats.decimalSeparator === 'string' && formats.decimalSeparator === formats.thousandsSeparator) {
    reporter.report('spec/invalid-value', `${at}/thousandsSeparator`, `The thousands separator "${formats.thousandsSeparator}" is also the decimal separator, so no number with a fraction can be read.`);
  }
}

/** A platform's export formats and every object's and column's own. */
export function checkPlatformFormats(reporter: Reporter, platform: PlatformSpec): void {
  const exported = platform.export;
  if (exported !== undefined && exported !== null) {
    checkDateFormat(reporter, exported.dateFormat, 'date', '/export/dateFormat');
    checkDateFormat(reporter, exported.dateTimeFormat, 'datetime', '/export/dateTimeFormat');
    checkFormatKeys(reporter, exported, '/export');
  }
  const objects = (list: readonly PlatformObject[] | undefined, at: string): void =>
    (list ?? []).forEach((object, i) => {
      if (object === null || typeof object !== 'object') return;
      checkFormatKeys(reporter, object.formats, `${at}/${i}/formats`);
      (object.fields ?? []).forEach((field: PlatformField, j) => {
        if (field !== null && typeof field === 'object') checkFormatKeys(reporter, field.formats, `${at}/${i}/fields/${j}/formats`);
      });
    });
  objects(platform.objects, '/objects');
  objects(platform.exportObjects, '/exportObjects');
}

/** `formats` and `timeZone` on a `date` or `datetime` step. */
export function checkCallFormats(reporter: Reporter, call: TransformCall, at: string): void {
  const kind = call.name === 'date' ? 'date' : 'datetime';
  (call.formats ?? []).forEach((f, i) => checkDateFormat(reporter, f, kind, `${at}/formats/${i}`));
  checkTimeZone(reporter, call.timeZone, `${at}/timeZone`);
}

/**
 * An engagement's formats: valid strings and zones, and objects and columns the source platform has (an entry for
 * a name that does not exist would silently change nothing).
 */
export function checkEngagementFormats(reporter: Reporter, engagement: EngagementSpec, source: PlatformSpec | undefined): void {
  checkTimeZone(reporter, engagement.options?.timeZone, '/options/timeZone');
  (engagement.formats ?? []).forEach((entry, i) => {
    const at = `/formats/${i}`;
    checkFormatKeys(reporter, entry, at);
    if (entry.column !== undefined && entry.object === undefined) {
      reporter.report('spec/missing-property', at, `A format for column "${entry.column}" needs "object", the source object the column belongs to.`);
      return;
    }
    if (source === undefined || entry.object === undefined) return;
    const object = source.objects.find((o) => o.name === entry.object);
    if (object === undefined) {
      reporter.unknown('spec/unknown-object', `${at}/object`, 'Source object', entry.object, `the ${source.name} platform spec`, source.objects.map((o) => o.name));
      return;
    }
    // Custom columns are not in the platform spec; the engagement's custom-field decisions name them.
    const custom = (engagement.customFields ?? []).filter((d) => d.object === object.name).map((d) => d.column);
    const known = [...object.fields.map((f) => f.name), ...custom];
    if (entry.column !== undefined && !known.includes(entry.column)) {
      const near = closestNames(entry.column, known);
      const hint = near.length > 0 ? ` Did you mean "${near[0]}"?` : '';
      reporter.report('spec/unknown-column', `${at}/column`, `Column "${entry.column}" is neither in the ${source.name} export of "${object.name}" nor a custom column of this engagement, so these formats may apply to nothing.${hint}`, 'warning', near);
    }
  });
}

/** The engagement file's format checks as diagnostics of `file` (migration.yaml). */
export function engagementFormatDiagnostics(file: string, engagement: EngagementSpec, source: PlatformSpec | undefined): Diagnostic[] {
  const reporter = new Reporter(file);
  checkEngagementFormats(reporter, engagement, source);
  return reporter.diagnostics;
}
