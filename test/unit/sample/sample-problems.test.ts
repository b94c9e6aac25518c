import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleManifest, SampleProblem } from '../../../engine/sample/index.js';
import { parseIso, parseWithFormat } from '../../../engine/transforms/date-format.js';
import { generate, readCsv, removeGenerated, validPairs, type BundledPair, type ParsedRecord } from './sample-helpers.js';

const pairs = await validPairs();
afterAll(removeGenerated);

/** The destination user an owner cell stands for, through the user table when owners are exported as ids. */
function ownerEmail(pair: BundledPair, dir: string, manifest: SampleManifest, value: string): string | undefined {
  const format = pair.source.spec.export;
  if (format?.owners === 'email') return value;
  if (format?.owners === 'user-name') return manifest.destinationUsers.find((u) => u.name === value)?.email ?? `unknown:${value}`;
  const users = pair.source.object(format?.userObject ?? '');
  if (!users?.file || !users.key) return undefined;
  const emailColumn = users.fields?.find((f) => f.type === 'email')?.name ?? 'Email';
  return readCsv(join(dir, users.file)).records.find((r) => r.cells[users.key as string] === value)?.cells[emailColumn];
}

function isDate(value: string, formats: string[]): boolean {
  return formats.some((f) => {
    const parsed = parseWithFormat(value, f);
    return parsed !== undefined && !('problem' in parsed);
  }) || (parseIso(value) !== undefined && !('problem' in (parseIso(value) as object)));
}

describe('planted problems in generated samples', () => {
  describe.each(pairs.map((p) => [p.id, p] as const))('%s', (_id, pair) => {
    let dir: string;
    let manifest: SampleManifest;
    const files = new Map<string, ParsedRecord[]>();
    const at = (p: SampleProblem): ParsedRecord | undefined => files.get(p.file)?.find((r) => r.line === p.line);

    beforeAll(async () => {
      ({ dir, manifest } = await generate(pair, { seed: Number(process.env.SAMPLE_SEED ?? 11) }));
      for (const f of manifest.files) files.set(f.file, readCsv(join(dir, f.file)).records);
    });

    it('given the manifest, returns problems whose line starts a record holding the planted value', () => {
      expect(manifest.problems.length).toBeGreaterThan(0);
      for (const p of manifest.problems) {
        const record = at(p);
        expect(record, `${p.file}:${p.line} ${p.kind}`).toBeDefined();
        expect(record?.cells[p.column ?? ''], `${p.file}:${p.line} ${p.kind}`).toBe(p.value);
        const key = pair.source.object(p.object)?.key;
        if (key !== undefined) expect(record?.cells[key]).toBe(p.key);
      }
    });

    it('given the text problems, returns values that really carry them', () => {
      const checks: Record<string, (v: string) => boolean> = {
        'non-ascii': (v) => /[^\x00-\x7f]/.test(v),
        'embedded-quote': (v) => v.includes('"'),
        'embedded-comma': (v) => v.includes(','),
        'embedded-newline': (v) => v.includes('\n'),
      };
      const kinds = new Set(manifest.problems.map((p) => p.kind));
      expect(manifest.problems.filter((q) => checks[q.kind]).length).toBeGreaterThanOrEqual(Object.keys(checks).length);
      for (const kind of Object.keys(checks)) expect(kinds.has(kind as SampleProblem['kind']), kind).toBe(true);
      for (const p of manifest.problems.filter((q) => checks[q.kind])) expect(checks[p.kind]?.(p.value ?? ''), `${p.file}:${p.line}`).toBe(true);
    });

    it('given a multi-line value, returns later records starting on later physical lines', () => {
      const multi = manifest.problems.find((p) => p.kind === 'embedded-newline');
      const records = files.get(multi?.file ?? '') ?? [];
      const index = records.findIndex((r) => r.line === multi?.line);
      expect(records[index + 1]?.line ?? Infinity).toBeGreaterThan((multi?.line ?? 0) + 1);
    });

    it('given the duplicate problems, returns another record with the same value in that column', () => {
      const duplicates = manifest.problems.filter((q) => q.kind === 'duplicate-company' || q.kind === 'duplicate-email');
      expect(duplicates.length).toBeGreaterThan(0);
      for (const p of duplicates) {
        const twins = (files.get(p.file) ?? []).filter((r) => r.cells[p.column ?? ''] === p.value);
        expect(twins.length, `${p.kind} ${p.file}:${p.line}`).toBe(2);
      }
    });

    it('given the company problems, returns a blank reference or one that matches no company', () => {
      const companyProblems = manifest.problems.filter((q) => q.kind === 'missing-company' || q.kind === 'unknown-company');
      expect(companyProblems.length).toBeGreaterThan(0);
      for (const p of companyProblems) {
        if (p.kind === 'missing-company') {
          expect(p.value).toBe('');
          continue;
        }
        const loads = pair.pair.objects.flatMap((o) => o.loads ?? []);
        const lookup = loads.filter((l) => l.from === p.object).flatMap((l) => l.lookups ?? []).find((k) => k.from === p.column);
        const targetLoad = loads.find((l) => l.id === [lookup?.load ?? []].flat()[0]);
        const company = pair.source.object(targetLoad?.from ?? '');
        expect(company?.file, `${p.file}:${p.line}`).toBeDefined();
        const all = (files.get(company?.file ?? '') ?? []).flatMap((r) => [r.cells[company?.key ?? ''], r.cells[company?.primaryName ?? '']]);
        expect(all.length).toBeGreaterThan(0);
        const bare = (p.value ?? '').replace(/^.*::::/, '');
        expect(bare).not.toBe('');
        expect(all.filter((v) => v === bare), `${p.file}:${p.line}`).toHaveLength(0);
      }
    });

    it('given the owner problems, returns an owner who is missing from or inactive in the destination', () => {
      for (const p of manifest.problems.filter((q) => q.kind === 'unknown-owner' || q.kind === 'inactive-owner')) {
        const email = ownerEmail(pair, dir, manifest, p.value ?? '');
        const user = manifest.destinationUsers.find((u) => u.email === email);
        if (p.kind === 'unknown-owner') expect(user, `${p.file}:${p.line}`).toBeUndefined();
        else expect(user?.active, `${p.file}:${p.line}`).toBe(false);
      }
      expect(manifest.problems.some((p) => p.kind === 'inactive-owner')).toBe(true);
    });

    it('given the malformed dates, returns values no date format of the platform reads', () => {
      const format = pair.source.spec.export;
      const formats = [format?.dateFormat ?? '', format?.dateTimeFormat ?? ''];
      const malformed = manifest.problems.filter((q) => q.kind === 'malformed-date');
      expect(malformed.length).toBeGreaterThan(0);
      for (const p of malformed) expect(isDate(p.value ?? '', formats), `${p.file}:${p.line} ${p.value}`).toBe(false);
    });
  });
});
