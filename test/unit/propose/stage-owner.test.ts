import { beforeAll, describe, expect, it } from 'vitest';
import { needsReview } from '../../../engine/engagement/review-threshold.js';
import { proposeOwnerMap } from '../../../engine/propose/propose-owner-map.js';
import { proposeStageTable, stageOutcome } from '../../../engine/propose/propose-stage-table.js';
import { bundledPairsDir, loadCatalog, type Catalog } from '../../../engine/spec/catalog.js';
import type { PairSpec } from '../../../engine/spec/generated/pair-spec.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog([bundledPairsDir()]);
});

const pairOf = (id: string) => {
  const pair = catalog.pairs.get(id)!.spec as PairSpec;
  return { pair, destination: catalog.platforms.get(pair.destination)!.index };
};

describe('proposeStageTable', () => {
  it('uses the default table rows first, then similarity, once per distinct stage', () => {
    const { pair, destination } = pairOf('smart-crm-online--salesforce-sales-cloud');
    const decisions = proposeStageTable(
      [
        { load: 'opportunities', column: 'Stage', pipeline: 'Sales Pipeline', values: [{ value: 'Qualified', count: 5 }, { value: 'Closed Won', count: 3 }, { value: 'Value Prop', count: 2 }, { value: 'Deal Lost', count: 1 }, { value: 'Parked', count: 1 }] },
        { load: 'opportunities', column: 'Stage', values: [{ value: 'Qualified', count: 1 }] },
      ],
      pair,
      destination,
    );
    const stageColumn = pair.objects.flatMap((o) => o.loads ?? []).find((l) => l.id === 'opportunities')!.fields.find((f) => f.to === 'StageName');
    expect(stageColumn).toBeDefined();
    const by = new Map(decisions.map((d) => [d.source, d]));
    expect(decisions).toHaveLength(5);
    expect(by.get('Qualified')).toMatchObject({ stage: 'Needs Analysis', probability: 40, outcome: 'Open', status: 'proposed' });
    expect(by.get('Closed Won')).toMatchObject({ stage: 'Closed Won', outcome: 'Won', probability: 100 });
    expect(by.get('Deal Lost')).toMatchObject({ stage: 'Closed Lost', outcome: 'Lost', probability: 0 });
    expect(by.get('Value Prop')).toMatchObject({ stage: 'Value Proposition', outcome: 'Open' });
    // Nothing resembles "Parked" and the export gives no probability: a guess, flagged for review.
    expect(by.get('Parked')).toMatchObject({ stage: 'Prospecting', outcome: 'Open' });
    expect(needsReview(by.get('Parked')!)).toBe(true);
    expect(by.get('Parked')!.reason).toMatch(/nothing like "Parked".*review/);
    expect(decisions.filter((d) => needsReview(d)).map((d) => d.source)).toEqual(['Parked']);
    for (const d of decisions) {
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
      expect(d.reason).toBeTruthy();
    }
  });

  it('maps unknown stages by similarity to the destination options on Dynamics', () => {
    const { pair, destination } = pairOf('opencrm--dynamics-365-sales');
    const stageCol = pair.objects.flatMap((o) => o.loads ?? []).find((l) => l.id === 'deals')!.fields.find((f) => f.to === 'salesstage')!;
    const column = Array.isArray(stageCol.from) ? stageCol.from[0]! : stageCol.from!;
    const decisions = proposeStageTable([{ load: 'deals', column, values: [{ value: 'Develop', count: 2 }, { value: 'Proposing', count: 1 }, { value: 'Closed - Won', count: 1 }, { value: 'Won', count: 1 }] }], pair, destination);
    const by = new Map(decisions.map((d) => [d.source, d]));
    expect(by.get('Develop')).toMatchObject({ stage: 'Develop', outcome: 'Open' });
    expect(by.get('Proposing')).toMatchObject({ stage: 'Propose', outcome: 'Open' });
    expect(by.get('Closed - Won')).toMatchObject({ stage: 'Close', outcome: 'Won', probability: 100 });
    expect(by.get('Won')?.reason).toMatch(/default stage table/);
  });

  it('reads outcomes from words', () => {
    expect(stageOutcome('Closed Won')).toBe('Won');
    expect(stageOutcome('Closed Lost')).toBe('Lost');
    expect(stageOutcome('Negotiation')).toBe('Open');
  });
});

describe('proposeOwnerMap', () => {
  const users = [
    { email: 'ann@dest.example', name: 'Ann Lee' },
    { email: 'bob@dest.example', name: 'Bob Ray', active: false },
    { email: 'admin@dest.example', name: 'Admin' },
  ];
  it('matches by email, then name, else the fallback', () => {
    const d = proposeOwnerMap(
      [
        { value: 'ANN@dest.example', rows: 10, match: 'active', user: 'ann@dest.example' },
        { value: 'bob@dest.example', rows: 3, match: 'inactive', user: 'bob@dest.example' },
        { value: 'Ann Lee', rows: 2, match: 'none' },
        { value: 'carl@source.example', rows: 1, match: 'none' },
      ],
      users,
      'admin@dest.example',
    );
    expect(d[0]).toMatchObject({ user: 'ann@dest.example', confidence: 1, status: 'proposed' });
    expect(d[1]).toMatchObject({ user: 'admin@dest.example', confidence: 0.3 });
    expect(d[1]!.reason).toMatch(/inactive/);
    expect(d[2]).toMatchObject({ user: 'ann@dest.example', confidence: 0.8 });
    expect(d[3]).toMatchObject({ user: 'admin@dest.example', confidence: 0.3 });
  });
  it('holds unmatched owners in the queue without a fallback', () => {
    const [d] = proposeOwnerMap([{ value: 'x@y.example', rows: 1, match: 'none' }], users);
    expect(d!.user).toBeUndefined();
    expect(d!.reason).toMatch(/owner queue/);
  });
  it('suggests the busiest matched user as the fallback for queued owners', () => {
    const owners = [
      { value: 'x@y.example', rows: 3, match: 'none' as const },
      { value: 'ann@dest.example', rows: 2, match: 'active' as const },
      { value: 'admin@dest.example', rows: 9, match: 'active' as const },
    ];
    const [queued] = proposeOwnerMap(owners, users);
    expect(queued!.user).toBeUndefined();
    expect(queued!.reason).toMatch(/suggested fallback: admin@dest\.example$/);
  });
});
