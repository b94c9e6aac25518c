import type { StageProfile } from '../discover/discovery.js';
import type { StageDecision } from '../spec/generated/engagement-spec.js';
import type { PairSpec, StageRow } from '../spec/generated/pair-spec.js';
import type { PlatformIndex } from '../spec/platform-index.js';
import { compact, dice, keyWords } from './normalise.js';
import { distance } from 'fastest-levenshtein';

type Outcome = StageDecision['outcome'];

/** Won or Lost from the stage's words (`Closed Won`, `Lost`, `Verloren`); Open otherwise. */
export function stageOutcome(stage: string): Outcome {
  const w = keyWords(stage);
  if (w.some((x) => ['won', 'win', 'gewonnen', 'gagne', 'signed'].includes(x))) return 'Won';
  if (w.some((x) => ['lost', 'lose', 'verloren', 'perdu', 'dead', 'disqualified', 'rejected'].includes(x))) return 'Lost';
  return 'Open';
}

/** The pair's default stage-table row for a source stage, preferring the table of the same pipeline. */
function defaultRow(pair: PairSpec, source: string, pipeline: string | undefined): StageRow | undefined {
  const tables = [...(pair.stageTables ?? [])].sort((a, b) => Number(b.pipeline === pipeline) - Number(a.pipeline === pipeline));
  const key = source.trim().toLowerCase();
  for (const t of tables) for (const row of t.rows) if (row.source.trim().toLowerCase() === key) return row;
  return undefined;
}

/** The destination stage options: the picklist the stage column's load writes (`salesstage`, `StageName`). */
export function stageOptions(pair: PairSpec, destination: PlatformIndex, load: string, column: string): string[] {
  for (const row of pair.objects) {
    for (const l of row.loads ?? []) {
      if (l.id !== load) continue;
      const mapping = l.fields.find((f) => (Array.isArray(f.from) ? f.from.includes(column) : f.from === column) && destination.field(l.to, f.to)?.options);
      const field = mapping ? destination.field(l.to, mapping.to) : undefined;
      if (field?.options) return field.options.map((o) => String(o.label ?? o.value));
    }
  }
  return [];
}

function similarity(a: string, b: string): number {
  const x = compact(a);
  const y = compact(b);
  if (x === y) return 1;
  const lev = 1 - distance(x, y) / Math.max(x.length, y.length, 1);
  return Math.max(lev, dice(keyWords(a), keyWords(b)));
}

/** Open options in pipeline order; probability rises with the position. */
function openProbability(index: number, openCount: number): number {
  return Math.round((100 * (index + 1)) / (openCount + 1));
}

/**
 * Every distinct source stage to a destination stage: the pair's default table first; else the most similar
 * destination option, Won/Lost from the words, probability from the option's place in the pipeline.
 */
export function proposeStageTable(stages: StageProfile[], pair: PairSpec, destination: PlatformIndex): StageDecision[] {
  const seen = new Set<string>();
  const out: StageDecision[] = [];
  for (const profile of stages) {
    const options = stageOptions(pair, destination, profile.load, profile.column);
    const open = options.filter((o) => stageOutcome(o) === 'Open');
    for (const { value } of profile.values) {
      if (seen.has(value)) continue;
      seen.add(value);
      const row = defaultRow(pair, value, profile.pipeline);
      if (row) {
        out.push({ source: value, stage: row.stage, probability: row.probability, outcome: row.outcome, confidence: 0.95, reason: `the pair's default stage table maps "${row.source}"`, status: 'proposed' });
        continue;
      }
      const outcome = stageOutcome(value);
      if (options.length === 0) {
        out.push({ source: value, stage: value, probability: outcome === 'Won' ? 100 : 0, outcome, confidence: 0.2, reason: 'no destination stage picklist found; kept the source name', status: 'proposed' });
        continue;
      }
      if (outcome !== 'Open') {
        // A closed stage: the option carrying the same outcome, else the last (closing) stage.
        const stage = options.find((o) => stageOutcome(o) === outcome) ?? options[options.length - 1]!;
        out.push({ source: value, stage, probability: outcome === 'Won' ? 100 : 0, outcome, confidence: 0.8, reason: `"${value}" reads as ${outcome}; mapped to the closing stage ${stage}`, status: 'proposed' });
        continue;
      }
      const pool = open.length > 0 ? open : options;
      let best = 0;
      let bestScore = -1;
      pool.forEach((o, i) => {
        const s = similarity(value, o);
        if (s > bestScore) [best, bestScore] = [i, s];
      });
      const matched = bestScore >= 0.6;
      const index = matched ? best : 0;
      out.push({
        source: value,
        stage: pool[index]!,
        probability: openProbability(index, pool.length),
        outcome: 'Open',
        confidence: matched ? Math.round(bestScore * 100) / 100 : 0.3,
        reason: matched ? `"${value}" is most like the stage ${pool[index]}` : `nothing like "${value}" among ${pool.join(', ')}; proposed the first stage`,
        status: 'proposed',
      });
    }
  }
  return out;
}
