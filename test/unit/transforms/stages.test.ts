import { describe, it, expect } from 'vitest';
import type { TransformCall } from '../../../engine/spec/generated/pair-spec.js';
import type { Value } from '../../../engine/transforms/transform.js';
import { failure, run } from './fixtures.js';

describe('stage', () => {
  it.each<[TransformCall['output'], Value, Value]>([
    [undefined, 'Closed Won', 'Closed Won'],
    ['stage', 'Contract Sent', 'Negotiation/Review'],
    ['stage', 'contract sent', 'Negotiation/Review'],
    ['stage', '  CONTRACT   SENT ', 'Negotiation/Review'],
    ['stage', 'ContractSent', 'Negotiation/Review'],
    ['stage', 'négociation', 'Negotiation/Review'],
    ['probability', 'Appointment Scheduled', 20],
    ['probability', 'closed lost', 0],
    ['outcome', 'Closed Won', 'Won'],
    ['outcome', 'Closed Lost', 'Lost'],
    ['outcome', 'Contract Sent', 'Open'],
    ['stage', '', null],
    ['probability', null, null],
  ])('given output %j and %j, returns %j', (output, input, expected) => {
    const call: TransformCall =
      output === undefined ? { name: 'stage', table: 'deal-stages' } : { name: 'stage', table: 'deal-stages', output };
    expect(run(call, input)).toBe(expected);
  });

  it('given an unknown stage, throws a TransformError naming the stage and the table', () => {
    const message = failure({ name: 'stage', table: 'deal-stages' }, 'Qualified To Buy').message;
    expect(message).toBe(
      'stage "Qualified To Buy" is not in stage table "deal-stages"; known stages: ' +
        '"Appointment Scheduled", "Contract Sent", "Closed Won", "Closed Lost", "Négociation"',
    );
  });

  it('given a table that does not exist, throws a plain Error because the spec is wrong, not the row', () => {
    expect(() => run({ name: 'stage', table: 'lead-stages' }, 'Closed Won')).toThrow(
      new Error('stage table "lead-stages" is not defined'),
    );
  });
});
