import { SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr for a long phase: the step it is on, a bar, done/total, the rate and the time left. It
 * draws nothing unless stderr is a terminal and the command was not asked for JSON, so logs and pipes stay clean.
 * cli-progress does the drawing (redraw throttling, terminal width, ETA smoothing, clearing on stop).
 */
export class Progress {
  private bar: SingleBar | undefined;
  private total = 0;
  /** Recent (time, done) samples: the rate is measured over the last few seconds, not since the start. */
  private samples: { at: number; done: number }[] = [];

  constructor(
    private readonly enabled: boolean,
    private readonly unit: string,
  ) {}

  /** Shows the bar at once, before the first figure arrives, so a slow start (signing in, counting) is not silent. */
  begin(step: string, total = 0): void {
    if (!this.enabled || this.bar !== undefined) return;
    this.total = total;
    this.bar = new SingleBar({
      stream: process.stderr,
      format: `{step} [{bar}] {percentage}% | {done}/{all} ${this.unit} | {rate} ${this.unit}/s | ETA {left}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      fps: 8,
      // The bar is for people at a terminal only; never write it into a pipe or a log.
      noTTYOutput: false,
    });
    this.bar.start(Math.max(total, 1), 0, this.payload(step, 0));
  }

  /** Moves the bar to `done` of `total` (the total may be learned, or corrected, as the phase goes). */
  update(step: string, done: number, total?: number): void {
    if (!this.enabled) return;
    if (this.bar === undefined) this.begin(step, total ?? 0);
    const bar = this.bar as SingleBar;
    if (total !== undefined && total !== this.total) {
      this.total = total;
      bar.setTotal(Math.max(total, done, 1));
    }
    // With no total yet (rows still being counted) the bar stays empty and only the count moves: no 1,000% bars.
    bar.update(this.total === 0 ? 0 : Math.min(done, Math.max(this.total, done)), this.payload(step, done));
  }

  /** Clears the bar (on success, failure and Ctrl-C alike); safe to call more than once. */
  stop(): void {
    if (this.bar === undefined) return;
    this.bar.stop();
    this.bar = undefined;
  }

  private payload(step: string, done: number): { step: string; done: string; all: string; rate: string; left: string } {
    const now = Date.now();
    // A count that starts again (reading the export, then loading it) starts its rate again too.
    if (done < (this.samples[this.samples.length - 1]?.done ?? 0)) this.samples = [];
    this.samples.push({ at: now, done });
    while (this.samples.length > 2 && now - (this.samples[0]?.at ?? now) > 5_000) this.samples.shift();
    const first = this.samples[0] ?? { at: now, done };
    const seconds = (now - first.at) / 1000;
    const rate = seconds > 0.2 ? Math.round((done - first.done) / seconds) : 0;
    // No ETA until there is a rate to go by: a guess from the start-up seconds would only mislead.
    const left = rate > 0 && this.total > done ? shortDuration((this.total - done) / rate) : '--';
    return { step, done: count(done), all: this.total > 0 ? count(this.total) : '?', rate: rate > 0 ? count(rate) : '--', left };
  }
}

function shortDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
