import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../../engine/sample/index.js';
import type { PairSpec } from '../../../engine/spec/generated/pair-spec.js';
import type { PlatformSpec } from '../../../engine/spec/generated/platform-spec.js';
import { PlatformIndex } from '../../../engine/spec/platform-index.js';
import { parseNumber } from '../../../engine/transforms/numbers.js';
import { readCsv, removeGenerated } from './sample-helpers.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

afterAll(removeGenerated);

/** A platform no code knows about: name references, owners as ids through a staff table, European formats. */
const source: PlatformSpec = {
  id: 'acme-source',
  name: 'Acme Source',
  roles: ['source'],
  summary: 'A made-up source.',
  export: {
    method: 'CSV',
    dateFormat: 'DD.MM.YYYY',
    dateTimeFormat: 'DD.MM.YYYY HH:mm',
    decimalSeparator: ',',
    thousandsSeparator: '.',
    currencySymbol: '€',
    references: 'name',
    owners: 'id',
    userObject: 'staff',
    multiValueSeparator: '|',
  },
  objects: [
    { name: 'org', label: 'Firm', file: 'firms.csv', key: 'Firm No', primaryName: 'Firm', fields: [
      { name: 'Firm No', type: 'id' }, { name: 'Firm', type: 'text' }, { name: 'Umsatz', type: 'money' },
      { name: 'Founded', type: 'date' }, { name: 'Betreuer', type: 'owner' }, { name: 'Labels', type: 'multipicklist' },
    ] },
    { name: 'person', label: 'Person', file: 'people.csv', key: 'Person No', primaryName: 'Surname', fields: [
      { name: 'Person No', type: 'id' }, { name: 'Given Name', type: 'text' }, { name: 'Surname', type: 'text' },
      { name: 'Mail', type: 'email' }, { name: 'Firm', type: 'lookup', targets: ['org'] }, { name: 'Betreuer', type: 'owner' },
      { name: 'Angelegt', type: 'datetime' },
    ] },
    { name: 'staff', label: 'Staff', file: 'staff.csv', key: 'Staff No', primaryName: 'Full Name', fields: [
      { name: 'Staff No', type: 'id' }, { name: 'Full Name', type: 'text' }, { name: 'Mail', type: 'email' }, { name: 'Active', type: 'boolean' },
    ] },
  ],
};

const destination: PlatformSpec = {
  id: 'acme-destination',
  name: 'Acme Destination',
  roles: ['destination'],
  summary: 'A made-up destination.',
  objects: [
    { name: 'account', label: 'Account', fields: [{ name: 'name', type: 'text', maxLength: 40 }, { name: 'revenue', type: 'money' }, { name: 'founded', type: 'date' }, { name: 'owner', type: 'owner' }] },
    { name: 'contact', label: 'Contact', fields: [{ name: 'first', type: 'text' }, { name: 'last', type: 'text' }, { name: 'email', type: 'email' }, { name: 'account', type: 'lookup' }, { name: 'created', type: 'datetime' }, { name: 'owner', type: 'owner' }] },
  ],
};

const pair = {
  id: 'acme-source--acme-destination',
  source: 'acme-source',
  destination: 'acme-destination',
  objects: [
    { id: 'firm', source: 'Firm', destination: 'Account', mapping: '1:1', compatibility: 'fully-supported', narrative: 'x', loads: [{
      id: 'accounts', from: 'org', to: 'account',
      fields: [{ from: 'Firm', to: 'name', transform: 'trim' }, { from: 'Umsatz', to: 'revenue', transform: 'money' }, { from: 'Founded', to: 'founded', transform: 'date' }],
      owner: { from: 'Betreuer', to: 'owner', by: 'email' },
    }] },
    { id: 'person', source: 'Person', destination: 'Contact', mapping: '1:1', compatibility: 'fully-supported', narrative: 'x', loads: [{
      id: 'contacts', from: 'person', to: 'contact',
      fields: [{ from: 'Given Name', to: 'first' }, { from: 'Surname', to: 'last' }, { from: 'Mail', to: 'email', transform: 'email' }, { from: 'Angelegt', to: 'created', transform: 'datetime' }],
      lookups: [{ to: 'account', from: 'Firm', load: 'accounts', by: 'name', onMissing: 'hold' }],
      owner: { from: 'Betreuer', to: 'owner', by: 'email' },
    }] },
  ],
  challenges: [],
  approach: [{ title: 'x', detail: 'x' }],
  summary: 'x',
  overview: 'x',
} as unknown as PairSpec;

describe('generateSample on a pair no code path knows', () => {
  it('given name references, id owners and European formats, returns an export shaped by the specs alone', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'sample-generic-'));
    const manifest = await generateSample({ pair, source: new PlatformIndex(source), destination: new PlatformIndex(destination), outDir, seed: 5 });
    expect(manifest.files.map((f) => f.file)).toEqual(['firms.csv', 'people.csv', 'staff.csv']);

    const firms = readCsv(join(outDir, 'firms.csv')).records;
    const people = readCsv(join(outDir, 'people.csv')).records;
    const staff = readCsv(join(outDir, 'staff.csv')).records;
    const notLoaded = new Set(manifest.problems.filter((p) => p.outcome !== 'loaded').map((p) => `${p.file}:${p.line}`));

    for (const f of firms) {
      expect(Array.from(f.cells.Firm ?? '').length).toBeLessThanOrEqual(40);
      expect(parseNumber(f.cells.Umsatz ?? '', source.export as never, { allowPercent: false })).toBeGreaterThan(0);
      expect(f.cells.Founded).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    }
    const firmNames = new Map<string, number>();
    for (const f of firms.filter((r) => !notLoaded.has(`firms.csv:${r.line}`))) firmNames.set(f.cells.Firm ?? '', (firmNames.get(f.cells.Firm ?? '') ?? 0) + 1);
    const staffIds = new Set(staff.map((s) => s.cells['Staff No']));
    for (const p of people.filter((r) => !manifest.problems.some((q) => q.file === 'people.csv' && q.line === r.line))) {
      if (p.cells.Firm !== '') expect(firmNames.get(p.cells.Firm ?? ''), p.cells.Firm).toBe(1);
      expect(staffIds.has(p.cells.Betreuer)).toBe(true);
    }
    expect(staff.map((s) => s.cells.Active)).toContain('false');
    expect(new Set(manifest.problems.map((p) => p.kind))).toEqual(
      new Set(['duplicate-company', 'duplicate-email', 'missing-company', 'unknown-company', 'unknown-owner', 'inactive-owner', 'malformed-date', 'non-ascii', 'embedded-quote', 'embedded-comma', 'embedded-newline']),
    );
  });

  it('given counts and an object list, returns only those objects with exactly those rows', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'sample-generic-'));
    const manifest = await generateSample({ pair, source: new PlatformIndex(source), destination: new PlatformIndex(destination), outDir, counts: { person: 3 }, objects: ['person'] });
    expect(manifest.files).toEqual([{ object: 'person', file: 'people.csv', rows: 3 }]);
    expect(readCsv(join(outDir, 'people.csv')).records).toHaveLength(3);
  });
});
