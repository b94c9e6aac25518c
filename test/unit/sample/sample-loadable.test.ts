import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleManifest } from '../../../engine/sample/index.js';
import type { Load, Lookup } from '../../../engine/spec/generated/pair-spec.js';
import { asList, destinationField } from '../../../engine/spec/pair-model.js';
import { applyTransforms } from '../../../engine/transforms/registry.js';
import { generate, readCsv, removeGenerated, validPairs, type BundledPair, type ParsedRecord } from './sample-helpers.js';

const pairs = await validPairs();
afterAll(removeGenerated);

/** The rows a load reads: all of them, or those whose `where` column holds one of its values. */
function readBy(load: Load, records: ParsedRecord[]): ParsedRecord[] {
  if (!load.where) return records;
  const wanted = new Set(load.where.in.map((v) => v.toLowerCase()));
  return records.filter((r) => wanted.has((r.cells[load.where?.column ?? ''] ?? '').toLowerCase()));
}

describe('generated samples load through the pair', () => {
  describe.each(pairs.map((p) => [p.id, p] as const))('%s', (_id, pair: BundledPair) => {
    let dir: string;
    let manifest: SampleManifest;
    const files = new Map<string, ParsedRecord[]>();
    const loads = pair.pair.objects.flatMap((o) => o.loads ?? []);
    const recordsOf = (object: string): ParsedRecord[] => files.get(pair.source.object(object)?.file ?? '') ?? [];
    const problemLines = (object: string, kinds?: string[]): Set<number> =>
      new Set(manifest.problems.filter((p) => p.object === object && (kinds === undefined || kinds.includes(p.kind))).map((p) => p.line));

    beforeAll(async () => {
      ({ dir, manifest } = await generate(pair, { seed: Number(process.env.SAMPLE_SEED ?? 3) }));
      for (const f of manifest.files) files.set(f.file, readCsv(join(dir, f.file)).records);
    });

    it('given every mapped column, returns values the transforms accept and the destination has room for', () => {
      const format = pair.source.spec.export;
      if (!format) return;
      const context = { format, stageTables: new Map((pair.pair.stageTables ?? []).map((t) => [t.id, t.rows])) };
      let checked = 0;
      for (const load of loads) {
        const skip = problemLines(load.from, ['malformed-date']);
        for (const record of readBy(load, recordsOf(load.from)).filter((r) => !skip.has(r.line))) {
          for (const mapping of load.fields.filter((m) => m.from !== undefined)) {
            const columns = asList(mapping.from);
            const input = columns.length === 1 ? (record.cells[columns[0] as string] ?? '') : columns.map((c) => record.cells[c] ?? '');
            const where = `${load.id} line ${record.line} ${columns.join('+')}`;
            let out: unknown;
            expect(() => (out = applyTransforms(input, mapping.transform, context)), where).not.toThrow();
            checked += 1;
            const max = destinationField(pair.destination, pair.pair.customAttributes, load.to, mapping.to)?.maxLength;
            if (typeof out === 'string' && max !== undefined) expect(out.length, where).toBeLessThanOrEqual(max);
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it('given every lookup, returns references that resolve to exactly one loadable record unless a problem is planted', () => {
      let resolved = 0;
      for (const load of loads) {
        const skip = problemLines(load.from, ['unknown-company']);
        // Lookups reading the same column may split one polymorphic reference between attributes (a Dynamics 365
        // Regarding name goes to WhoId when it names a contact, to WhatId otherwise).
        const byColumn = new Map<string, NonNullable<typeof load.lookups>>();
        // Two lookups to the same loads (parentaccountid and customerid from one AccountId) count once.
        for (const lookup of load.lookups ?? []) {
          const column = String(lookup.from);
          const same = (byColumn.get(column) ?? []).some((l) => JSON.stringify(l.load) === JSON.stringify(lookup.load));
          if (!same) byColumn.set(column, [...(byColumn.get(column) ?? []), lookup]);
        }
        for (const [column, lookups] of byColumn) {
          for (const record of readBy(load, recordsOf(load.from)).filter((r) => !skip.has(r.line))) {
            const value = record.cells[column] ?? '';
            if (value === '') continue;
            const counts = lookups.map((lookup) => resolve(lookup, value));
            if (counts.some((c) => c === undefined)) continue;
            // None may be ambiguous, and at least one must find the record.
            expect(Math.max(...counts.map((c) => c ?? 0)), `${load.id} line ${record.line} ${column}=${value}`).toBe(1);
            resolved += 1;
          }
        }
      }
      expect(resolved).toBeGreaterThan(50);
    });

    it('given every owner column, returns active destination users except the planted owner problems', () => {
      let owners = 0;
      const format = pair.source.spec.export;
      const users = format?.owners === 'id' ? recordsOf(format.userObject ?? '') : [];
      const userObject = pair.source.object(format?.userObject ?? '');
      const emailOf = (value: string): string | undefined => {
        if (format?.owners === 'email') return value;
        if (format?.owners === 'user-name') return manifest.destinationUsers.find((u) => u.name === value)?.email;
        const emailColumn = userObject?.fields?.find((f) => f.type === 'email')?.name ?? '';
        return users.find((u) => u.cells[userObject?.key ?? ''] === value)?.cells[emailColumn];
      };
      for (const load of loads.filter((l) => l.owner)) {
        const skip = problemLines(load.from, ['unknown-owner', 'inactive-owner']);
        for (const record of readBy(load, recordsOf(load.from)).filter((r) => !skip.has(r.line))) {
          const email = emailOf(record.cells[load.owner?.from ?? ''] ?? '');
          const user = manifest.destinationUsers.find((u) => u.email === email);
          expect(user?.active, `${load.id} line ${record.line}`).not.toBe(false);
          expect(user, `${load.id} line ${record.line}`).toBeDefined();
          owners += 1;
        }
      }
      expect(owners).toBeGreaterThan(50);
    });

    /** How many loadable records of the lookup's target loads match `value`; undefined when a target was not generated. */
    function resolve(lookup: Lookup, value: string): number | undefined {
      const bare = pair.source.spec.export?.references === 'module-label' && lookup.by === 'name' ? value.replace(/^[^:]*::::/, '') : value;
      let matches = 0;
      for (const id of asList(lookup.load)) {
        const target = loads.find((l) => l.id === id);
        const object = pair.source.object(target?.from ?? '');
        if (!target || !object) continue;
        if (!manifest.files.some((f) => f.object === object.name)) return undefined;
        const notLoaded = new Set(manifest.problems.filter((p) => p.object === object.name && p.outcome !== 'loaded').map((p) => p.line));
        for (const r of readBy(target, recordsOf(object.name)).filter((x) => !notLoaded.has(x.line))) {
          if (matchValue(lookup, target, object.name, r) === bare) matches += 1;
        }
      }
      return matches;
    }

    function matchValue(lookup: Lookup, target: Load, objectName: string, r: ParsedRecord): string | undefined {
      const object = pair.source.object(objectName);
      const fields = object?.fields ?? [];
      if (lookup.by === 'key') return r.cells[asList(target.key ?? object?.key)[0] ?? ''];
      // As the engine's planner indexes them: the first email field, and the primary name column.
      if (lookup.by === 'email') return r.cells[fields.find((f) => f.type === 'email')?.name ?? ''];
      const first = fields.find((f) => /^first ?name$/i.test(f.name))?.name;
      const last = fields.find((f) => /^last ?name$/i.test(f.name))?.name;
      if (first && last && (object?.primaryName === first || object?.primaryName === last)) return `${r.cells[first]} ${r.cells[last]}`;
      return r.cells[object?.primaryName ?? ''];
    }
  });
});
