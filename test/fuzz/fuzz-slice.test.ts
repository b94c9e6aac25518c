import { describe, expect, it } from 'vitest';
import { CSV_KINDS } from '../../scripts/fuzz/csv-mutations.js';
import { runFuzz } from '../../scripts/fuzz/fuzz.js';
import { DEFECTS, formatTally } from '../../scripts/fuzz/verdict.js';
import { YAML_KINDS } from '../../scripts/fuzz/yaml-mutations.js';

/**
 * A bounded slice of `npm run fuzz`: 240 damaged files, one in eight an export run through `crm-migrate apply --json`
 * (every export kind at least once), the rest engagement and pair YAML read the way every command reads them. Export
 * cases cover CSV reading, which must refuse bad files with exit 2 naming file and line before writing anything.
 */
describe('crm-migrate given damaged exports and spec files', () => {
  it('answers every one with a balanced run or exit 2/3 naming the file: no exit 70, hang, stack trace, partial write or silent wrong result', async () => {
    const tally = await runFuzz({ seed: 20261204, cases: 240, exportShare: 0.125, jobs: 2, timeoutMs: 90_000 });

    expect(tally.cases).toBe(240);
    expect([...tally.byKind.keys()].sort()).toEqual([...CSV_KINDS.map((k) => `csv:${k}`), ...YAML_KINDS.map((k) => `yaml:${k}`)].sort());
    const report = formatTally(tally, { seed: 20261204, failures: 100 });
    for (const defect of DEFECTS) expect(tally.defects[defect], `${defect}\n${report}`).toBe(0);
    expect(tally.failures.map((f) => `#${f.caseIndex} ${f.kind} ${f.detail}: ${f.message.slice(0, 300)}`)).toEqual([]);
  }, 900_000);
});
