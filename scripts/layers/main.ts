/**
 * Lists the imports that break the engine's layer order (scripts/layers/stack.ts) and counts them:
 *   npx tsx scripts/layers/main.ts
 * Exits 1 when there is one not listed as pending; test/unit/architecture/import-layers.test.ts makes the same check.
 */
import { fileURLToPath } from 'node:url';
import { backwardImports, isPending } from './backward-imports.js';
import { importGraph } from './import-graph.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const broken = backwardImports(importGraph(repo, ['cli', 'engine']));
for (const edge of broken) console.log(`${edge.from}:${edge.line} imports ${edge.specifier}: ${edge.rule}${isPending(edge) ? ' (pending)' : ''}`);
const unexpected = broken.filter((edge) => !isPending(edge)).length;
console.log(`${broken.length} backward import(s), ${broken.length - unexpected} of them pending in scripts/layers/stack.ts`);
process.exitCode = unexpected > 0 ? 1 : 0;
