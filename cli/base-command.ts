import { Command, Flags, Errors } from '@oclif/core';
import { specsFlag } from './specs-flag.js';
import { EXIT } from './exit-codes.js';
import { Progress } from './progress.js';
import { formatElapsed } from './output/elapsed.js';
import { defaultErrorCode, errorEnvelope, successEnvelope, type Envelope, type EnvelopeError } from './output/envelope.js';
import { DestinationSetupError } from '../engine/destinations/setup-error.js';
import { InputError } from '../engine/util/input-error.js';
import { InvalidSpecError } from '../engine/spec/invalid-spec-error.js';
import { position } from './printers/positioned.js';
import { formatLine } from './printers/diagnostics.js';

/** What a command hands back: the document `--json` prints, the text a person reads, and the exit code. */
export interface Outcome<T> {
  data: T;
  text: string;
  exitCode?: number;
  /** Why the exit code is not 0, when it is not: the envelope's error, and a line on stderr unless `text` says it. */
  failure?: { code: string; message: string; hint?: string };
  /** Things a person should know although the command succeeded (destination notes): the envelope's warnings; the text says them in its own words. */
  warnings?: string[];
}

/** Exit code of a run stopped with Ctrl-C, as shells report a process ended by SIGINT. */
export const INTERRUPTED_EXIT = 130;

/**
 * Owns what every command shares: `--json` (one envelope on stdout and nothing else, success or failure alike),
 * `--verbose` (stack traces), exit codes, progress bars on a terminal, elapsed time, and Ctrl-C. Commands only call
 * the engine and choose what to say.
 */
export abstract class BaseCommand<T> extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'Print one JSON envelope (status, result, warnings, error) and nothing else.', default: false }),
    verbose: Flags.boolean({ description: 'Show stack traces of unexpected errors.', default: false }),
    specs: specsFlag,
  };

  /** Long commands end their summary with the time they took. */
  static longRunning = false;

  protected jsonMode = false;
  protected verboseMode = false;
  private readonly startedAt = Date.now();
  private readonly bars: Progress[] = [];
  private readonly onInterrupt = (): void => this.interrupted();

  protected abstract execute(): Promise<Outcome<T>>;

  /** What to run to carry on after Ctrl-C, when there is something to carry on (apply resumes). */
  protected resumeHint(): string | undefined {
    return undefined;
  }

  async run(): Promise<void> {
    this.jsonMode = this.argv.includes('--json');
    this.verboseMode = this.argv.includes('--verbose') || process.env['DEBUG'] !== undefined;
    process.once('SIGINT', this.onInterrupt);
    let outcome: Outcome<T>;
    try {
      outcome = await this.execute();
    } finally {
      this.stopBars();
      process.removeListener('SIGINT', this.onInterrupt);
    }
    const exitCode = outcome.exitCode ?? EXIT.ok;
    const warnings = outcome.warnings ?? [];
    if (this.jsonMode) {
      const failure = exitCode === EXIT.ok ? undefined : { code: defaultErrorCode(exitCode), message: firstLine(outcome.text), ...outcome.failure, exitCode };
      this.printEnvelope(failure === undefined ? successEnvelope(outcome.data, warnings) : errorEnvelope(failure, outcome.data, warnings));
    } else {
      const elapsed = (this.constructor as typeof BaseCommand).longRunning ? `\nElapsed: ${formatElapsed(Date.now() - this.startedAt)}.` : '';
      const text = outcome.text === '' ? '' : `${outcome.text.replace(/\n$/, '')}${elapsed}\n`;
      if (text !== '') process.stdout.write(text);
      if (outcome.failure !== undefined && !outcome.text.includes(outcome.failure.message)) {
        process.stderr.write(`crm-migrate: ${outcome.failure.message}${outcome.failure.hint === undefined ? '' : ` ${outcome.failure.hint}`}\n`);
      }
    }
    if (exitCode !== EXIT.ok) this.exit(exitCode);
  }

  /** A progress bar on stderr for a long phase; it draws nothing with `--json` or without a terminal. */
  protected progress(unit = 'rows'): Progress {
    const bar = new Progress(this.interactive, unit);
    this.bars.push(bar);
    return bar;
  }

  /** True when progress may be drawn: a terminal, and no machine-readable output requested. */
  protected get interactive(): boolean {
    return !this.jsonMode && process.stderr.isTTY === true;
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error;
    this.stopBars();
    const usage = error.oclif?.exit;
    // Flag and argument errors from oclif: a usage problem, exit 2, no stack.
    if (usage !== undefined) this.fail({ code: 'cli/usage', message: error.message, exitCode: EXIT.invalid, hint: `See ${[this.config.bin, ...(this.id ?? '').split(':')].filter(Boolean).join(' ')} --help.` });
    if (error instanceof UserError) this.fail({ code: error.code, message: error.message, exitCode: error.exitCode, ...(error.hint === undefined ? {} : { hint: error.hint }) });
    if (error instanceof DestinationSetupError) this.fail({ code: 'destination/setup', message: error.message, exitCode: EXIT.refused });
    if (error instanceof InvalidSpecError) {
      const lines = position(error.diagnostics, error.documents).map(formatLine);
      this.fail({ code: 'spec/invalid', message: error.message, exitCode: EXIT.invalid }, [error.message, ...lines].join('\n'));
    }
    if (error instanceof InputError) {
      const where = { ...(error.file === undefined ? {} : { file: error.file }), ...(error.line === undefined ? {} : { line: error.line }), ...(error.hint === undefined ? {} : { hint: error.hint }) };
      this.fail({ code: error.code, message: error.message, exitCode: error.kind === 'refused' ? EXIT.refused : EXIT.invalid, ...where }, error.describe());
    }
    const detail = this.verboseMode ? `\n${error.stack ?? ''}` : '\nRun again with --verbose for the stack trace.';
    this.fail({ code: 'internal', message: `Unexpected error: ${error.message}`, exitCode: EXIT.internal, hint: 'This is a bug in crm-migrate: run again with --verbose and report the stack trace.' }, `Unexpected error: ${error.message}${detail}`);
  }

  /** Ends the command with an error: the envelope with `--json`, else one message on stderr. */
  private fail(error: EnvelopeError, text = error.hint === undefined || error.code === 'internal' ? error.message : `${error.message} ${error.hint}`): never {
    if (this.jsonMode) this.printEnvelope(errorEnvelope(error));
    else process.stderr.write(`crm-migrate: ${text}\n`);
    this.exit(error.exitCode);
  }

  private printEnvelope(envelope: Envelope<T>): void {
    process.stdout.write(JSON.stringify(envelope, null, 2) + '\n');
  }

  private stopBars(): void {
    for (const bar of this.bars) bar.stop();
  }

  /** Ctrl-C: the bar is cleared, the person is told what was left and how to carry on, and the process ends. */
  private interrupted(): void {
    this.stopBars();
    const hint = this.resumeHint();
    const message = `Interrupted after ${formatElapsed(Date.now() - this.startedAt)}.`;
    if (this.jsonMode) {
      this.printEnvelope(errorEnvelope({ code: 'cli/interrupted', message, exitCode: INTERRUPTED_EXIT, ...(hint === undefined ? {} : { hint }) }));
    } else {
      process.stderr.write(`\ncrm-migrate: ${message}${hint === undefined ? '' : ` ${hint}`}\n`);
    }
    // Every write the engine made is already in the ledger (intents before, outcomes after), so ending here is safe.
    process.exit(INTERRUPTED_EXIT);
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? 'The command did not finish.';
}

/** A problem the user can fix (a missing file, a bad flag combination): printed without a stack trace. */
export class UserError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
    options: { code?: string; hint?: string } = {},
  ) {
    super(message);
    this.code = options.code ?? defaultErrorCode(exitCode);
    this.hint = options.hint;
  }
}
