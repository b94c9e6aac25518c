/**
 * A child process that reads damaged spec files the way the CLI does, in-process, so that thousands of YAML cases do
 * not each pay for a Node start. It loads the built engine from dist/ (what `node bin/run.js` runs): an engagement
 * through loadEngagement and openDestination (the checks every engagement command makes before it touches
 * anything), a pair spec through loadCatalog and the printers' positioning (what `validate` does). The parent sends
 * one job at a time and kills this process when a job outlives its time limit.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface YamlJob {
  id: number;
  document: 'engagement' | 'pair';
  /** The damaged file. */
  file: string;
}

export interface YamlResult {
  id: number;
  outcome: 'ok' | 'invalid' | 'refused' | 'crash';
  /** The files the problems name (diagnostics' `file`, an InputError's `file`). */
  files: string[];
  message: string;
  stack?: string;
}

const root = join(import.meta.dirname, '..', '..');
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, 'dist', path)).href)) as T;

const { loadEngagement } = await load<typeof import('../../engine/engagement/engagement.js')>('engine/engagement/engagement.js');
const { loadCatalog, catalogDiagnostics } = await load<typeof import('../../engine/spec/catalog.js')>('engine/spec/catalog.js');
const { openDestination } = await load<typeof import('../../engine/destinations/open-destination.js')>('engine/destinations/open-destination.js');
const { InputError } = await load<typeof import('../../engine/util/input-error.js')>('engine/util/input-error.js');
const { DestinationSetupError } = await load<typeof import('../../engine/destinations/setup-error.js')>('engine/destinations/setup-error.js');
const { position } = await load<typeof import('../../cli/printers/positioned.js')>('cli/printers/positioned.js');
const { formatLine } = await load<typeof import('../../cli/printers/diagnostics.js')>('cli/printers/diagnostics.js');

async function run(job: YamlJob): Promise<YamlResult> {
  const { id } = job;
  try {
    if (job.document === 'engagement') {
      const { engagement, diagnostics, documents } = await loadEngagement(job.file);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const text = position(errors, documents).map(formatLine).join('\n');
      if (errors.length > 0 || engagement === undefined) return { id, outcome: 'invalid', files: errors.map((d) => d.file), message: text };
      try {
        // No credentials: a live target stops at its setup check, as it would for a user without them.
        openDestination(engagement, {});
      } catch (error) {
        if (error instanceof InputError) return { id, outcome: error.kind === 'refused' ? 'refused' : 'invalid', files: error.file === undefined ? [] : [error.file], message: error.describe() };
        if (error instanceof DestinationSetupError) return { id, outcome: 'refused', files: [engagement.spec.target], message: error.message };
        throw error;
      }
      return { id, outcome: 'ok', files: [], message: '' };
    }
    const catalog = await loadCatalog([job.file]);
    const documents = new Map(catalog.files.map((f) => [f.document.file, f.document]));
    const errors = position(catalogDiagnostics(catalog), documents).filter((d) => d.severity === 'error');
    return { id, outcome: errors.length > 0 ? 'invalid' : 'ok', files: errors.map((d) => d.file), message: errors.map(formatLine).join('\n') };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id, outcome: 'crash', files: [], message: `${e.name}: ${e.message}`, ...(e.stack === undefined ? {} : { stack: e.stack }) };
  }
}

process.on('message', (job: YamlJob) => {
  void run(job).then((result) => process.send?.(result));
});
process.send?.({ ready: true });
