import { describe, expect, it } from 'vitest';
import { shapeReader } from '../../../engine/discover/value-shapes.js';
import type { ExportFormat } from '../../../engine/spec/generated/platform-spec.js';

const zoho: ExportFormat = {
  method: 'CSV export',
  references: 'id',
  owners: 'user-name',
  dateFormat: 'DD MMM, YYYY',
  dateTimeFormat: 'DD MMM, YYYY HH:mm:ss',
};

describe('custom column shapes read with every declared date format', () => {
  it('given a value in the second candidate format, reads it as a date-time; with only the main format, not', () => {
    const withCandidates = shapeReader({ ...zoho, dateTimeFormats: ['DD MMM, YYYY HH:mm:ss', 'MM/DD/YYYY hh:mm A'] });
    expect(withCandidates.shapes('04/15/2021 11:03 PM')).toContain('datetime');
    expect(shapeReader(zoho).shapes('04/15/2021 11:03 PM')).not.toContain('datetime');
  });

  it('given month names, reads them as dates in the declared locale', () => {
    expect(shapeReader(zoho).shapes('16 Apr, 2021')).toContain('date');
    expect(shapeReader({ ...zoho, locale: 'es' }).shapes('16 abr, 2021')).toContain('date');
  });
});
