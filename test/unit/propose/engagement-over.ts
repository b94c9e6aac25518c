import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngagement, type Engagement } from '../../../engine/engagement/engagement.js';

const USERS = ['  - { email: ann.lee@northwind.example, name: Ann Lee }', '  - { email: bob.ray@northwind.example, name: Bob Ray }'];

/** An engagement folder over the files; `edit` may change the pair before discovery runs (as a customer's pair would). */
export async function engagementOver(files: Record<string, string>, pair: string, edit?: (e: Engagement) => void, yaml: string[] = []): Promise<Engagement> {
  const root = mkdtempSync(join(tmpdir(), 'infer-'));
  mkdirSync(join(root, 'export'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'export', name), text);
  writeFileSync(join(root, 'migration.yaml'), [`pair: ${pair}`, 'source: export', 'target: sqlite:sandbox.db', 'users:', ...USERS, ...yaml, ''].join('\n'));
  const { engagement, diagnostics } = await loadEngagement(root);
  if (!engagement) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  edit?.(engagement);
  return engagement;
}

