import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { confirmEngagement, unconfirmed } from '../../../engine/engagement/confirmation.js';
import type { EngagementSpec } from '../../../engine/spec/generated/engagement-spec.js';

const YAML = `pair: opencrm--dynamics-365-sales
source: export
target: sqlite:sandbox.db
customFields:
  - { object: contact, column: Region, action: create, to: new_region, type: text, confidence: 0.91, status: proposed }
  - { object: contact, column: Misc, action: map, to: description, type: text, confidence: 0.3, status: proposed }
stageTable:
  - { source: Negotiation, stage: Close, probability: 80, outcome: Open, confidence: 0.96, status: proposed }
  - { source: Parked, stage: Qualify, probability: 20, outcome: Open, confidence: 0.3, reason: nothing like "Parked", status: proposed }
`;

function file(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'confirm-')), 'migration.yaml');
  writeFileSync(path, YAML);
  return path;
}
const read = (path: string): EngagementSpec => parse(readFileSync(path, 'utf8')) as EngagementSpec;
const now = new Date('2026-01-01T00:00:00Z');

describe('confirming proposals below 50% confidence', () => {
  it('holds them apart and leaves them proposed, so apply still names them', () => {
    const path = file();
    const result = confirmEngagement(path, 'Dana', now);
    expect(result.held.map((g) => g.item)).toEqual(['customFields: contact.Misc', 'stageTable: Parked']);
    expect(result.held[1]).toMatchObject({ confidence: 0.3, proposal: 'Qualify 20% Open', reason: 'nothing like "Parked"' });
    expect(result.confirmed.map((c) => [c.scope, c.items])).toEqual([['customFields', 1], ['stageTable', 1]]);
    expect(unconfirmed(read(path)).map((u) => u.item)).toEqual(['customFields: contact.Misc', 'stageTable: Parked']);
  });

  it('confirms a guess named in accept, by its full item or its name', () => {
    const path = file();
    const result = confirmEngagement(path, 'Dana', now, { accept: ['stageTable: Parked', 'contact.misc'] });
    expect(result.held).toEqual([]);
    expect(result.unknownNames).toEqual([]);
    expect(unconfirmed(read(path))).toEqual([]);
  });

  it('confirms every guess with includeLowConfidence, and reports names that match nothing', () => {
    const path = file();
    const result = confirmEngagement(path, 'Dana', now, { includeLowConfidence: true, accept: ['stageTable: Parkd'] });
    expect(result.held).toEqual([]);
    expect(result.unknownNames).toEqual(['stageTable: Parkd']);
    expect(unconfirmed(read(path))).toEqual([]);
  });
});
