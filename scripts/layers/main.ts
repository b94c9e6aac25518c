/**
 * Lists the imports that break the engine's layer order and counts them:
 *   npx tsx scripts/layers/main.ts
 * Exits 1 when there is any; test/unit/architecture/import-layers.test.ts runs the same check in the suite.
 */
import { fileURLToPath } from 'node:url';
import { backwardImports } from './backward-imports.js';
import { importGraph } from './import-graph.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const broken = backwardImports(importGraph(repo, ['cli', 'engine']));
for (const edge of broken) console.log(`${edge.from}:${edge.line} imports ${edge.specifier}: ${edge.rule}`);
console.log(`${broken.length} backward import(s)`);
process.exitCode = broken.length ? 1 : 0;
