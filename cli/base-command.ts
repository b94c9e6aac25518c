import { Command, Flags, Errors } from '@oclif/core';
import { specsFlag } from './specs-flag.js';
import { EXIT } from './exit-codes.js';
import { DestinationSetupError } from '../engine/destinations/setup-error.js';
import { InputError } from '../engine/util/input-error.js';

/** What a command hands back: the document `--json` prints, the text a person reads, and the exit code. */
export interface Outcome<T> {
  data: T;
  text: string;
  exitCode?: number;
}

/**
 * Owns what every command shares: `--json` (one JSON document on stdout and nothing else), `--verbose` (stack traces),
 * and exit codes. Commands only call the engine and choose what to say.
 */
export abstract class BaseCommand<T> extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'Print one JSON document and nothing else.', default: false }),
    verbose: Flags.boolean({ description: 'Show stack traces of unexpected errors.', default: false }),
    specs: specsFlag,
  };

  protected jsonMode = false;
  protected verboseMode = false;

  protected abstract execute(): Promise<Outcome<T>>;

  async run(): Promise<void> {
    this.jsonMode = this.argv.includes('--json');
    this.verboseMode = this.argv.includes('--verbose') || process.env['DEBUG'] !== undefined;
    const outcome = await this.execute();
    if (this.jsonMode) process.stdout.write(JSON.stringify(outcome.data, null, 2) + '\n');
    else if (outcome.text !== '') process.stdout.write(outcome.text.endsWith('\n') ? outcome.text : outcome.text + '\n');
    if ((outcome.exitCode ?? EXIT.ok) !== EXIT.ok) this.exit(outcome.exitCode);
  }

  /** True when progress may be drawn: a terminal, and no machine-readable output requested. */
  protected get interactive(): boolean {
    return !this.jsonMode && process.stderr.isTTY === true;
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error;
    const usage = error.oclif?.exit;
    if (usage !== undefined) {
      // Flag and argument errors from oclif: a usage problem, exit 2, no stack.
      this.report(error.message, EXIT.invalid);
    }
    if (error instanceof UserError) this.report(error.message, error.exitCode);
    if (error instanceof DestinationSetupError) this.report(error.message, EXIT.refused);
    if (error instanceof InputError) this.report(error.describe(), error.kind === 'refused' ? EXIT.refused : EXIT.invalid);
    const detail = this.verboseMode ? `\n${error.stack ?? ''}` : '\nRun again with --verbose for the stack trace.';
    this.report(`Unexpected error: ${error.message}${detail}`, EXIT.internal);
  }

  private report(message: string, exitCode: number): never {
    if (this.jsonMode) process.stdout.write(JSON.stringify({ error: { message, exitCode } }, null, 2) + '\n');
    else process.stderr.write(`crm-migrate: ${message}\n`);
    this.exit(exitCode);
  }
}

/** A problem the user can fix (a missing file, a bad flag combination): printed without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
  }
}
