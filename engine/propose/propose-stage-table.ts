import type { StageProfile } from '../discover/discovery.js';
import type { StageDecision } from '../spec/generated/engagement-spec.js';
import type { PairSpec, StageRow } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { findStage } from '../transforms/stages.js';
import { STAGE_CONFIDENCE, type StageBasis } from './confidence.js';
import { keyWords } from './normalise.js';
import { stageSimilarity } from './stage-similarity.js';

type Outcome = StageDecision['outcome'];
type StageValue = StageProfile['values'][number];

/** Won or Lost from the stage's words (`Closed Won`, `Lost`, `Verloren`); Open otherwise. */
export function stageOutcome(stage: string): Outcome {
  const w = keyWords(stage);
  if (w.some((x) => ['won', 'win', 'gewonnen', 'gagne', 'ganado', 'signed', 'booked'].includes(x))) return 'Won';
  if (w.some((x) => ['lost', 'lose', 'verloren', 'perdu', 'perdido', 'dead', 'disqualified', 'rejected', 'cancelled', 'canceled'].includes(x))) return 'Lost';
  return 'Open';
}

/** The pair's stage rows, the table of the same pipeline first, each once, in board order. */
function pairRows(pair: PairSpec, pipeline: string | undefined): StageRow[] {
  const tables = [...(pair.stageTables ?? [])].sort((a, b) => Number(b.pipeline === pipeline) - Number(a.pipeline === pipeline));
  return tables.flatMap((t) => t.rows);
}

/** The destination stage options: the picklist the load's stage field writes (`salesstage`, `StageName`). */
export function stageOptions(pair: PairSpec, destination: PlatformIndex, load: string, columns: readonly string[]): string[] {
  for (const l of pair.objects.flatMap((row) => row.loads ?? []).filter((x) => x.id === load)) {
    const reads = (f: (typeof l.fields)[number]): boolean => (Array.isArray(f.from) ? f.from : [f.from]).some((c) => columns.includes(c ?? ''));
    const withOptions = l.fields.filter((f) => reads(f) && destination.field(l.to, f.to)?.options !== undefined);
    const stageField = withOptions.find((f) => (Array.isArray(f.transform) ? f.transform : [f.transform]).some((t) => typeof t === 'object' && t?.name === 'stage' && (t.output ?? 'stage') === 'stage')) ?? withOptions[0];
    const field = stageField ? destination.field(l.to, stageField.to) : undefined;
    if (field?.options) return field.options.map((o) => String(o.label ?? o.value));
  }
  return [];
}

/** Open options in pipeline order; probability rises with the position. */
function openProbability(index: number, openCount: number): number {
  return Math.round((100 * (index + 1)) / (openCount + 1));
}

interface Proposal {
  stage: string;
  probability: number;
  outcome: Outcome;
  basis: StageBasis;
  reason: string;
}

const pctOf = (v: StageValue): string => (v.probability === undefined ? '' : `; the export gives it ${v.probability}%`);

function propose(v: StageValue, rows: readonly StageRow[], options: readonly string[]): Proposal {
  const outcome = stageOutcome(v.value);
  const labels = [v.value, ...(v.parts ?? []).filter((p) => p !== '')];
  if (outcome !== 'Open') {
    const row = rows.find((r) => r.outcome === outcome);
    if (row) return { stage: row.stage, probability: row.probability, outcome, basis: 'closing-words', reason: `"${v.value}" reads as ${outcome}: the pair's closing row "${row.source}" (${row.stage})` };
    const option = options.find((o) => stageOutcome(o) === outcome) ?? options.at(-1);
    if (option) return { stage: option, probability: outcome === 'Won' ? 100 : 0, outcome, basis: 'closing-words', reason: `"${v.value}" reads as ${outcome}: the closing stage ${option}` };
  }
  const open = options.filter((o) => stageOutcome(o) === 'Open');
  const pool = open.length > 0 ? open : options;
  const byOption = pool.map((o, i) => ({ o, i, score: Math.max(...labels.map((l) => stageSimilarity(l, o))) })).sort((a, b) => b.score - a.score || a.i - b.i)[0];
  // The destination's own stage under the same name is what anyone would pick, whatever the pair's rows say.
  if (byOption && byOption.score >= 0.95) {
    return { stage: byOption.o, probability: v.probability ?? openProbability(byOption.i, pool.length), outcome: 'Open', basis: 'option-same', reason: `"${v.value}" is the destination's own stage ${byOption.o}${pctOf(v)}` };
  }
  const openRows = rows.filter((r) => r.outcome === 'Open');
  const scored = openRows
    .map((row, position) => {
      let score = Math.max(...labels.map((l) => stageSimilarity(l, row.source)));
      // The export's own probability near the row's confirms the match; far from it weakens it.
      if (v.probability !== undefined && score > 0.5) score += Math.abs(row.probability - v.probability) <= 10 ? 0.05 : -0.05;
      return { row, position, score };
    })
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const best = scored[0];
  // The destination's own stage, at least as alike as the pair's best row, is the plainer choice.
  if (byOption && byOption.score >= 0.75 && byOption.score >= (best?.score ?? 0)) {
    return { stage: byOption.o, probability: v.probability ?? openProbability(byOption.i, pool.length), outcome: 'Open', basis: 'option-similar', reason: `"${v.value}" is most like the destination stage ${byOption.o} (similarity ${byOption.score.toFixed(2)})${pctOf(v)}` };
  }
  if (best && best.score >= 0.6) {
    const basis: StageBasis = best.score >= 0.8 ? 'pair-similar' : 'pair-partial';
    return { stage: best.row.stage, probability: v.probability ?? best.row.probability, outcome: 'Open', basis, reason: `"${v.value}" is most like the pair's stage "${best.row.source}" (${best.row.stage}, ${best.row.probability}%; similarity ${best.score.toFixed(2)})${pctOf(v)}` };
  }
  if (byOption && byOption.score >= 0.75) {
    return { stage: byOption.o, probability: v.probability ?? openProbability(byOption.i, pool.length), outcome: 'Open', basis: 'option-similar', reason: `"${v.value}" is most like the destination stage ${byOption.o} (similarity ${byOption.score.toFixed(2)})${pctOf(v)}` };
  }
  if (v.probability !== undefined && openRows.length > 0) {
    const near = [...openRows].sort((a, b) => Math.abs(a.probability - v.probability!) - Math.abs(b.probability - v.probability!))[0]!;
    return { stage: near.stage, probability: v.probability, outcome: 'Open', basis: 'probability-nearest', reason: `nothing like "${v.value}" in the pair's stages; the export's ${v.probability}% sits nearest "${near.source}" (${near.stage}, ${near.probability}%): review` };
  }
  if (pool.length === 0) return { stage: v.value, probability: 0, outcome: 'Open', basis: 'no-picklist', reason: 'no destination stage picklist found; kept the source name: review' };
  return { stage: pool[0]!, probability: openProbability(0, pool.length), outcome: 'Open', basis: 'first-stage-guess', reason: `nothing like "${v.value}" among the pair's stages or ${pool.join(', ')}; proposed the first stage: review` };
}

/**
 * Every distinct source stage to a destination stage. The pair's own rows come first: the same label, else the most
 * similar row (its stage words, the export's probability), won/lost words to the pair's closing rows; then the
 * destination's options by similarity; what is left is a guess from the pipeline's order, flagged for review.
 * Several stage columns (status plus stage) arrive joined, as the stage transform reads them, with their parts.
 */
export function proposeStageTable(stages: StageProfile[], pair: PairSpec, destination: PlatformIndex): StageDecision[] {
  return proposeStageTableWithBasis(stages, pair, destination).map((p) => p.decision);
}

/** The stage proposals with the basis each rests on, for measuring the confidence table (see confidence.ts). */
export function proposeStageTableWithBasis(stages: StageProfile[], pair: PairSpec, destination: PlatformIndex): { decision: StageDecision; basis: StageBasis }[] {
  const seen = new Set<string>();
  const out: { decision: StageDecision; basis: StageBasis }[] = [];
  for (const profile of stages) {
    const options = stageOptions(pair, destination, profile.load, profile.columns ?? [profile.column]);
    const rows = pairRows(pair, profile.pipeline);
    for (const v of profile.values) {
      const key = v.value.trim().toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const row = findStage(rows, v.value);
      if (row) {
        out.push({ basis: 'pair-row', decision: { source: v.value, stage: row.stage, probability: row.probability, outcome: row.outcome, confidence: STAGE_CONFIDENCE['pair-row'], reason: `the pair's default stage table maps "${row.source}"`, status: 'proposed' } });
        continue;
      }
      const p = propose(v, rows, options);
      out.push({ basis: p.basis, decision: { source: v.value, stage: p.stage, probability: p.probability, outcome: p.outcome, confidence: STAGE_CONFIDENCE[p.basis], reason: p.reason, status: 'proposed' } });
    }
  }
  return out;
}
