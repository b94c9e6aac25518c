import { Args, Flags } from '@oclif/core';
import { BaseCommand, type Outcome } from '../base-command.js';
import { EXIT } from '../exit-codes.js';
import { catalogDiagnostics, loadCatalog } from '../../engine/spec/catalog.js';
import { specDirs } from '../specs-flag.js';
import { hasErrors } from '../../engine/diagnostics/diagnostic.js';
import { position, type PositionedDiagnostic } from '../printers/positioned.js';
import { formatCodeframe, formatGithub, formatLine, summaryLine } from '../printers/diagnostics.js';

interface ValidateResult {
  files: string[];
  diagnostics: PositionedDiagnostic[];
}

export default class Validate extends BaseCommand<ValidateResult> {
  static override summary = 'Check platform, pair and engagement specs against their schemas and each other.';
  static override description =
    'Checks every spec under pairs/ by default. Each problem is reported once, as file:line:col severity code message. Exit 0 when there is no error, 2 otherwise.';
  static override examples = ['<%= config.bin %> validate', '<%= config.bin %> validate pairs/vtiger--dynamics-365-sales.yaml', '<%= config.bin %> validate --format github'];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Spec files or folders (default: the bundled pairs/ folder).' }) };
  static override flags = {
    format: Flags.string({
      description: 'How to print problems: text (one line each), codeframe (with the offending lines), github (workflow annotations), json.',
      options: ['text', 'codeframe', 'github', 'json'],
    }),
  };

  protected async execute(): Promise<Outcome<ValidateResult>> {
    const { argv, flags } = await this.parse(Validate);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : specDirs(flags.specs);
    const catalog = await loadCatalog(paths);
    const documents = new Map(catalog.files.map((f) => [f.document.file, f.document]));
    const diagnostics = position(catalogDiagnostics(catalog), documents);
    const files = catalog.files.map((f) => f.document.file);
    const data = { files, diagnostics };
    const exitCode = hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;

    const format = flags.format ?? (this.jsonMode ? 'json' : process.stdout.isTTY === true ? 'codeframe' : 'text');
    if (format === 'json') this.jsonMode = true;
    const lines =
      format === 'github'
        ? diagnostics.map(formatGithub)
        : format === 'codeframe'
          ? diagnostics.map((d) => formatCodeframe(d, documents.get(d.file)))
          : diagnostics.map(formatLine);
    const text = [...lines, summaryLine(files.length, diagnostics)].join(format === 'codeframe' ? '\n\n' : '\n');
    const failure = exitCode === EXIT.ok ? {} : { failure: { code: 'spec/invalid', message: summaryLine(files.length, diagnostics) } };
    return { data, text, exitCode, ...failure };
  }
}
