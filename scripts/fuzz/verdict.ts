/**
 * What a fuzz case ended as. `completed` (exit 0 or 1 with a report whose accounting balances), `invalid` (exit 2) and
 * `refused` (exit 3, naming the file, nothing written) are the outcomes a user may see; every other one is a defect.
 */
export type Outcome = 'completed' | 'invalid' | 'refused';

export const DEFECTS = ['exit-70', 'hang', 'stack-trace', 'partial-write', 'silent-wrong-result', 'file-not-named', 'unexpected-exit'] as const;
export type Defect = (typeof DEFECTS)[number];

export interface Verdict {
  /** `csv:<kind>` or `yaml:<kind>`. */
  kind: string;
  caseIndex: number;
  outcome: Outcome | 'defect';
  defects: Defect[];
  exitCode: number | null;
  /** What was damaged, and what the run said (the error, or the first accounting mismatch). */
  detail: string;
  message: string;
}

export interface Tally {
  cases: number;
  byKind: Map<string, { cases: number; completed: number; invalid: number; refused: number; defective: number }>;
  defects: Record<Defect, number>;
  /** Every defective case, for the report; the caller prints as many as it likes. */
  failures: Verdict[];
}

export function emptyTally(): Tally {
  return { cases: 0, byKind: new Map(), defects: Object.fromEntries(DEFECTS.map((d) => [d, 0])) as Record<Defect, number>, failures: [] };
}

export function record(tally: Tally, verdict: Verdict): void {
  tally.cases += 1;
  const row = tally.byKind.get(verdict.kind) ?? { cases: 0, completed: 0, invalid: 0, refused: 0, defective: 0 };
  row.cases += 1;
  if (verdict.defects.length > 0) row.defective += 1;
  else if (verdict.outcome !== 'defect') row[verdict.outcome] += 1;
  tally.byKind.set(verdict.kind, row);
  for (const defect of new Set(verdict.defects)) tally.defects[defect] += 1;
  if (verdict.defects.length > 0) tally.failures.push(verdict);
}

/** Lines of text or a stream that look like a JavaScript stack trace or Node's crash banner. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text) || /^Node\.js v\d+/m.test(text) || /Unhandled 'error' event/.test(text);
}

export function formatTally(tally: Tally, options: { seed: number; failures?: number }): string {
  const kinds = [...tally.byKind.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(24, ...kinds.map(([k]) => k.length + 2));
  const lines = [
    `Fuzz run: seed ${options.seed}, ${tally.cases} cases.`,
    '',
    `${'kind'.padEnd(width)}${'cases'.padStart(7)}${'done'.padStart(7)}${'exit 2'.padStart(8)}${'exit 3'.padStart(8)}${'bad'.padStart(6)}`,
    ...kinds.map(([k, r]) => `${k.padEnd(width)}${String(r.cases).padStart(7)}${String(r.completed).padStart(7)}${String(r.invalid).padStart(8)}${String(r.refused).padStart(8)}${String(r.defective).padStart(6)}`),
    '',
    `exit 70:               ${tally.defects['exit-70']}`,
    `hangs:                 ${tally.defects.hang}`,
    `stack traces:          ${tally.defects['stack-trace']}`,
    `partial writes:        ${tally.defects['partial-write']}`,
    `silent wrong results:  ${tally.defects['silent-wrong-result']}`,
    `exit 2/3 without file: ${tally.defects['file-not-named']}`,
    `other exit codes:      ${tally.defects['unexpected-exit']}`,
  ];
  const shown = tally.failures.slice(0, options.failures ?? 40);
  if (shown.length > 0) {
    lines.push('', `Defective cases (${shown.length} of ${tally.failures.length}; replay one with --seed ${options.seed} --only N):`);
    for (const f of shown) {
      lines.push(`  #${f.caseIndex} ${f.kind} [${f.defects.join(', ')}] exit ${f.exitCode ?? '-'}: ${f.detail}`, `      ${oneLine(f.message).slice(0, 400)}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
