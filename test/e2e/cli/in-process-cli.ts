import { Config, Errors } from '@oclif/core';
import { repoRoot, type CliResult } from '../run-cli.js';

/**
 * Runs commands of the built CLI inside the test process: oclif loads its manifest once and each command costs no
 * new Node process. For tests that run many quick commands; whole migrations with kills and resumes keep spawning
 * the CLI (run-cli.ts). stdout and stderr are captured while a command runs.
 */
export class InProcessCli {
  private constructor(private readonly config: Config) {}

  static async load(): Promise<InProcessCli> {
    return new InProcessCli(await Config.load(repoRoot));
  }

  /** The project's own commands as a person types them (`docs scope`), not those of plugins such as help. */
  commands(): string[] {
    return this.config.commands.filter((c) => c.pluginName === this.config.name).map((c) => c.id.split(':').join(' '));
  }

  async run(args: readonly string[]): Promise<CliResult> {
    // The command id is every leading word that is not a flag ("docs scope" is docs:scope); the rest is argv.
    const words = args.findIndex((a) => a.startsWith('-'));
    const head = words < 0 ? [...args] : args.slice(0, words);
    let idLength = head.length;
    while (idLength > 0 && this.config.findCommand(head.slice(0, idLength).join(':')) === undefined) idLength -= 1;
    const id = head.slice(0, idLength).join(':');
    const argv = args.slice(idLength);
    const out: string[] = [];
    const err: string[] = [];
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
    let exitCode = 0;
    try {
      await this.config.runCommand(id, argv);
    } catch (error) {
      if (error instanceof Errors.ExitError) exitCode = error.oclif.exit ?? 0;
      else if (error instanceof Error && 'oclif' in error) exitCode = (error as { oclif: { exit?: number } }).oclif.exit ?? 1;
      else throw error;
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    return { stdout: out.join(''), stderr: err.join(''), exitCode };
  }
}
