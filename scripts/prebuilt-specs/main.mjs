// Does at build time what every command would otherwise do at start (see engine/spec/prebuilt-specs.ts): parses the
// bundled specs to plain data and compiles the schemas to validator code, each saved under the SHA-1 of the text it
// came from. A spec that does not parse cleanly, or whose data would not survive JSON, is left out and parsed at run
// time as before. Run by `npm run build` after tsc; the folder is rebuilt from nothing each time.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { prebuiltDir, specDataFile, validatorFile } from '../../dist/engine/spec/prebuilt-specs.js';
import { newAjv, schemaText, SPEC_KINDS } from '../../dist/engine/spec/schema-check.js';
import { parseSpec } from '../../dist/engine/spec/spec-document.js';
import { specFiles, specLibrary } from '../../dist/engine/spec/catalog.js';

const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

rmSync(prebuiltDir(), { recursive: true, force: true });

let specs = 0;
const left = [];
for (const file of await specFiles(specLibrary())) {
  const text = readFileSync(file, 'utf8');
  const { document, diagnostics } = parseSpec(file, text);
  const json = JSON.stringify(document.data);
  if (diagnostics.length > 0 || json === undefined || !isDeepStrictEqual(JSON.parse(json), document.data)) {
    left.push(file);
    continue;
  }
  write(specDataFile(text), json);
  specs += 1;
}

const generate = standaloneCode.default ?? standaloneCode;
for (const kind of SPEC_KINDS) {
  const text = schemaText(kind);
  const ajv = newAjv({ source: true });
  write(validatorFile(text), generate(ajv, ajv.compile(JSON.parse(text))));
}
if (specs === 0) throw new Error('prebuilt-specs: no bundled spec parsed; build first');
if (left.length > 0) console.warn(`prebuilt-specs: parsed at run time instead: ${left.join(', ')}`);
