/**
 * Lists the imports that break the engine's layer order (scripts/layers/stack.ts) and counts them:
 *   npx tsx scripts/layers/main.ts
 * and the rings of files importing each other. Exits 1 when there is a backward import not listed as pending, or a ring; test/unit/architecture/import-layers.test.ts makes the same check.
 */
import { fileURLToPath } from 'node:url';
import { backwardImports, isPending } from './backward-imports.js';
import { importCycles } from './import-cycles.js';
import { importGraph } from './import-graph.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(repo, ['cli', 'engine']);
const broken = backwardImports(graph);
for (const edge of broken) console.log(`${edge.from}:${edge.line} imports ${edge.specifier}: ${edge.rule}${isPending(edge) ? ' (pending)' : ''}`);
const unexpected = broken.filter((edge) => !isPending(edge)).length;
console.log(`${broken.length} backward import(s), ${broken.length - unexpected} of them pending in scripts/layers/stack.ts`);
const rings = importCycles(graph);
for (const ring of rings) console.log(`import ring: ${ring.join(' → ')}`);
console.log(`${rings.length} ring(s) of files importing each other`);
process.exitCode = unexpected > 0 || rings.length > 0 ? 1 : 0;
