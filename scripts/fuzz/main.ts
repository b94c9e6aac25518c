/**
 * `npm run fuzz`: damaged exports and YAML files through the built CLI, each under a time limit. Prints the cases per
 * kind and the count of every defect (exit 70, hangs, stack traces, partial writes, silent wrong results); exits 1 when
 * any defect was found. Flags: --seed N, --cases N (default 10000), --export-share F (default 0.1), --jobs N (default
 * 2), --timeout SECONDS (default 120), --only N,M (replay cases), --keep DIR (keep defective cases' folders).
 */
import { parseArgs } from 'node:util';
import { runFuzz } from './fuzz.js';
import { emptyTally, formatTally, record } from './verdict.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '10000' },
    'export-share': { type: 'string', default: '0.1' },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '120' },
    only: { type: 'string' },
    keep: { type: 'string' },
    failures: { type: 'string', default: '60' },
  },
});

const seed = Number(values.seed);
const started = Date.now();
// The tally so far, printed if the run is stopped (Ctrl-C, a CI time limit) so that a partial run still reports.
const sofar = emptyTally();
const stop = (): void => {
  process.stdout.write(`${formatTally(sofar, { seed, failures: Number(values.failures) })}\n\nStopped after ${Math.round((Date.now() - started) / 1000)} s.\n`);
  process.exit(sofar.failures.length > 0 ? 1 : 130);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
const tally = await runFuzz({
  seed,
  cases: Number(values.cases),
  exportShare: Number(values['export-share']),
  jobs: Number(values.jobs),
  timeoutMs: Number(values.timeout) * 1000,
  ...(values.only === undefined ? {} : { only: values.only.split(',').map(Number) }),
  ...(values.keep === undefined ? {} : { keepDir: values.keep }),
  onCase: (verdict, done, total) => {
    record(sofar, verdict);
    if (process.stderr.isTTY || done % 100 === 0 || verdict.defects.length > 0) {
      process.stderr.write(`${done}/${total} ${verdict.kind} ${verdict.defects.length > 0 ? `DEFECT ${verdict.defects.join(',')}` : 'ok'}\n`);
    }
  },
});
process.stdout.write(`${formatTally(tally, { seed, failures: Number(values.failures) })}\n\nTook ${Math.round((Date.now() - started) / 1000)} s.\n`);
process.exitCode = tally.failures.length > 0 ? 1 : 0;
