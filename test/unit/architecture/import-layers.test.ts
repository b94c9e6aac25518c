import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backwardImports, brokenRule, folderOf, isPending } from '../../../scripts/layers/backward-imports.js';
import { importGraph, type ImportEdge } from '../../../scripts/layers/import-graph.js';
import { importCycles } from '../../../scripts/layers/import-cycles.js';
import { PENDING } from '../../../scripts/layers/stack.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to, line: 1 });

describe('the engine as a one-way stack', () => {
  const broken = backwardImports(importGraph(repo, ['cli', 'engine']));

  it('has no import that goes upward or sideways, other than the pending ones', () => {
    const unexpected = broken.filter((e) => !isPending(e)).map((e) => `${e.from}:${e.line} imports ${e.specifier}: ${e.rule}`);
    expect(unexpected).toEqual([]);
  });

  it('keeps the pending list current: each pending import still exists, so the list can only shrink', () => {
    const gone = PENDING.filter((p) => !broken.some((e) => e.from === p.from && e.to === p.to)).map((p) => `${p.from} → ${p.to}`);
    expect(gone).toEqual([]);
  });

  it('has no ring of files importing each other, type imports included', () => {
    expect(importCycles(importGraph(repo, ['cli', 'engine']))).toEqual([]);
  });

  it('places every engine folder in the stack', () => {
    const folders = readdirSync(join(repo, 'engine')).filter((name) => statSync(join(repo, 'engine', name)).isDirectory());
    expect(folders.length).toBeGreaterThan(15);
    expect(folders.filter((name) => folderOf(`engine/${name}/x.ts`) === undefined)).toEqual([]);
  });
});

describe('importCycles', () => {
  it('given files that import each other through a third, names the ring; given a chain, finds none', () => {
    const ring = [edge('engine/run/a.ts', 'engine/run/b.ts'), edge('engine/run/b.ts', 'engine/run/c.ts'), edge('engine/run/c.ts', 'engine/run/a.ts')];
    expect(importCycles([...ring, edge('engine/run/c.ts', 'engine/util/d.ts')])).toEqual([['engine/run/a.ts', 'engine/run/b.ts', 'engine/run/c.ts']]);
    expect(importCycles(ring.slice(0, 2))).toEqual([]);
  });
});

describe('brokenRule', () => {
  it('given an import into a higher layer, names both folders and their layers', () => {
    expect(brokenRule(edge('engine/spec/semantic/check-pair.ts', 'engine/plan/import-order.ts'))).toMatch(
      /^engine\/spec \(layer \d+\) may not import upward into engine\/plan \(layer \d+\)$/,
    );
  });

  it('given imports downward or within a folder, finds nothing', () => {
    expect(brokenRule(edge('engine/plan/migration-plan.ts', 'engine/spec/import-order.ts'))).toBeUndefined();
    expect(brokenRule(edge('engine/transforms/dates.ts', 'engine/spec/generated/pair-spec.ts'))).toBeUndefined();
    expect(brokenRule(edge('engine/run/conflicts.ts', 'engine/run/ledger.ts'))).toBeUndefined();
  });

  it('given two folders of one layer, calls the import sideways', () => {
    expect(brokenRule(edge('engine/source/csv-file.ts', 'engine/sample/rng.ts'))).toMatch(/engine\/source may not import sideways into engine\/sample/);
  });

  it('given one destination target importing another, refuses it unless it goes through the shared model', () => {
    expect(brokenRule(edge('engine/destinations/dataverse/record-shape.ts', 'engine/destinations/sandbox/coerce.ts'))).toMatch(
      /engine\/destinations\/dataverse may not import the engine\/destinations\/sandbox target/,
    );
    expect(brokenRule(edge('engine/destinations/dataverse/record-shape.ts', 'engine/destinations/model/coerce.ts'))).toBeUndefined();
    expect(brokenRule(edge('engine/destinations/salesforce/org-metadata.ts', 'engine/destinations/destination.ts'))).toBeUndefined();
  });

  it('lets the package target use the sandbox it is built on, and not the other way round', () => {
    expect(brokenRule(edge('engine/destinations/package/package-destination.ts', 'engine/destinations/sandbox/sandbox.ts'))).toBeUndefined();
    expect(brokenRule(edge('engine/destinations/sandbox/sandbox.ts', 'engine/destinations/package/package-files.ts'))).toMatch(/package target/);
  });
});

describe('importGraph', () => {
  it('reads static, re-exported, type-only and dynamic imports, with their lines, and skips comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
    const file = join(dir, 'engine', 'spec', 'a.ts');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      [
        "import { b } from '../plan/b.js';",
        "// import { c } from '../run/c.js';",
        "export { d } from './d.js';",
        "import type { E } from '../util/e.js';",
        "const f = await import('../docs/f.js');",
        "import { readFileSync } from 'node:fs';",
      ].join('\n'),
    );
    const edges = importGraph(dir, ['engine']);
    expect(edges.map((e) => [e.to, e.line])).toEqual([
      ['engine/plan/b.ts', 1],
      ['engine/spec/d.ts', 3],
      ['engine/util/e.ts', 4],
      ['engine/docs/f.ts', 5],
    ]);
    expect(backwardImports(edges).map((e) => e.to)).toEqual(['engine/plan/b.ts', 'engine/docs/f.ts']);
  });
});
