import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type SampleManifest } from '../../../engine/sample/index.js';
import { generate, readCsv, removeGenerated, snapshot, validPairs } from './sample-helpers.js';

const pairs = await validPairs();
/** Pairs whose maps have no attachment load, so their samples plant no files. */
const WITHOUT_ATTACHMENT_LOADS = new Set(['dynamics-365-sales--salesforce-sales-cloud', 'salesforce-sales-cloud--dynamics-365-sales']);
afterAll(removeGenerated);

describe('generateSample on the bundled specs', () => {
  it('given the bundled pairs, returns at least one that validates to generate from', () => {
    expect(pairs.map((p) => p.id)).not.toHaveLength(0);
  });

  describe.each(pairs.map((p) => [p.id, p] as const))('%s', (_id, pair) => {
    let dir: string;
    let manifest: SampleManifest;

    beforeAll(async () => {
      ({ dir, manifest } = await generate(pair, { seed: 7 }));
    });

    it('given the same seed twice, returns byte-identical files', async () => {
      const again = await generate(pair, { seed: 7 });
      const before = snapshot(dir);
      const after = snapshot(again.dir);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    });

    it('given another seed, returns different files', async () => {
      const other = await generate(pair, { seed: 8 });
      const differs = manifest.files.some((f) => !readFileSync(join(dir, f.file)).equals(readFileSync(join(other.dir, f.file))));
      expect(differs).toBe(true);
    });

    it('given the manifest on disk, returns the manifest the call returned', () => {
      expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))).toEqual(manifest);
    });

    it('given the platform spec, returns headers equal to the object fields plus the planted custom columns', () => {
      expect(manifest.files.length).toBeGreaterThan(2);
      for (const file of manifest.files) {
        const object = pair.source.object(file.object);
        const custom = manifest.customColumns.filter((c) => c.object === file.object).map((c) => c.column);
        const { header } = readCsv(join(dir, file.file));
        expect(header, file.file).toEqual([...(object?.fields ?? []).map((f) => f.name), ...custom]);
      }
    });

    it('given the files, returns one row per manifest row, each as wide as the header', () => {
      expect(manifest.files.length).toBeGreaterThan(2);
      expect(manifest.files.reduce((n, f) => n + f.rows, 0)).toBeGreaterThan(0);
      for (const file of manifest.files) {
        const { header, records } = readCsv(join(dir, file.file));
        expect(records, file.file).toHaveLength(file.rows);
        for (const r of records) expect(Object.keys(r.cells)).toHaveLength(header.length);
      }
    });

    it('given the key columns, returns keys unique within each file', () => {
      const keyed = manifest.files.filter((f) => pair.source.object(f.object)?.key !== undefined);
      expect(keyed.length).toBeGreaterThan(0);
      for (const file of manifest.files) {
        const key = pair.source.object(file.object)?.key;
        if (key === undefined) continue;
        const keys = readCsv(join(dir, file.file)).records.map((r) => r.cells[key]);
        expect(new Set(keys).size, file.file).toBe(keys.length);
        expect(keys.every((k) => k !== ''), file.file).toBe(true);
      }
    });

    it('given every CSV, returns the same bytes after a parse and re-stringify round trip', () => {
      expect(manifest.files.length).toBeGreaterThan(2);
      for (const file of manifest.files) {
        const bytes = readFileSync(join(dir, file.file), 'utf8');
        const rows = parse(bytes) as string[][];
        expect(stringify(rows, { record_delimiter: 'unix' }), file.file).toBe(bytes);
      }
    });

    it('given the custom columns, returns the types the manifest may name', () => {
      const types = ['text', 'longtext', 'integer', 'decimal', 'money', 'date', 'datetime', 'boolean', 'email', 'phone', 'url', 'picklist'];
      expect(manifest.customColumns.length).toBeGreaterThan(0);
      for (const c of manifest.customColumns) {
        expect(types).toContain(c.type);
        if (c.type === 'picklist') expect(c.options?.length).toBeGreaterThan(0);
      }
    });

    it('given the destination users, returns exactly one inactive user', () => {
      expect(manifest.destinationUsers.filter((u) => u.active === false)).toHaveLength(1);
      expect(manifest.destinationUsers.length).toBeGreaterThan(3);
    });

    // Two pairs move no files (their maps have no attachment load): the test states that rather than passing empty.
    it.runIf(!WITHOUT_ATTACHMENT_LOADS.has(pair.id))('given attachment rows, returns files that exist under attachments/ with the size the row states', () => {
      const loads = pair.pair.objects.flatMap((o) => o.loads ?? []).filter((l) => l.attachment);
      // The loads and rows checked below are counted so that the test cannot pass by having none.
      expect(loads.length).toBeGreaterThan(0);
      let checked = 0;
      for (const load of loads) {
        const file = manifest.files.find((f) => f.object === load.from);
        if (!file || !load.attachment) continue;
        const sizeColumn = pair.source.object(load.from)?.fields?.find((f) => f.type === 'integer' && /size|length/i.test(f.name))?.name;
        for (const { cells } of readCsv(join(dir, file.file)).records) {
          const path = cells[load.attachment.from] ?? '';
          if (path === '') continue;
          expect(path.startsWith('attachments/'), path).toBe(true);
          checked += 1;
          const size = statSync(join(dir, path)).size;
          if (sizeColumn && cells[sizeColumn] !== '') expect(Number(cells[sizeColumn]), path).toBe(size);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it('given scale 2, returns about twice the rows of every scaled object', async () => {
      const doubled = await generate(pair, { seed: 7, scale: 2 });
      expect(doubled.manifest.files).toHaveLength(manifest.files.length);
      for (const file of manifest.files) {
        const twice = doubled.manifest.files.find((f) => f.file === file.file)?.rows ?? 0;
        if (file.object === pair.source.spec.export?.userObject) continue;
        expect(twice / file.rows, file.file).toBeGreaterThan(1.8);
        expect(twice / file.rows, file.file).toBeLessThan(2.2);
        expect(readCsv(join(doubled.dir, file.file)).records).toHaveLength(twice);
      }
    });
  });
});
