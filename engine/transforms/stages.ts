import type { StageRow } from '../spec/generated/pair-spec.js';
import { TransformError, type TransformDefinition } from './transform.js';
import { indexBy, list, show, singleInput, text } from './define.js';

/** Exports pad and re-case stage labels ("Closed  Won", "closed won"); whitespace is dropped entirely to match. */
const stageKey = (label: string): string => label.normalize('NFC').toLowerCase().replace(/\s+/g, '');

export const STAGE_OUTPUTS = ['stage', 'probability', 'outcome'] as const;

const sourceLabelKey = (row: StageRow): string => stageKey(row.source);

export function findStage(rows: readonly StageRow[], label: string): StageRow | undefined {
  return indexBy(rows, sourceLabelKey).get(stageKey(label));
}

const stage = singleInput({
  name: 'stage',
  description:
    'Looks the source stage up in stage table `table` and gives its `output`: stage (default), probability or outcome.',
  args: [
    { name: 'table', required: true },
    { name: 'output', required: false, values: STAGE_OUTPUTS },
  ],
  apply(value, call, context) {
    const tableId = call.table ?? '';
    const rows = context.stageTables.get(tableId);
    // A missing table is a spec error the validator reports; reaching it here means every row would fail alike.
    if (rows === undefined) throw new Error(`stage table "${tableId}" is not defined`);
    const row = findStage(rows, text(value));
    if (row === undefined) {
      const known = list(rows.map((r) => r.source));
      throw new TransformError(`stage ${show(value)} is not in stage table "${tableId}"; known stages: ${known}`);
    }
    switch (call.output ?? 'stage') {
      case 'probability':
        return row.probability;
      case 'outcome':
        return row.outcome;
      default:
        return row.stage;
    }
  },
});

export const STAGE_TRANSFORMS: readonly TransformDefinition[] = [stage];
