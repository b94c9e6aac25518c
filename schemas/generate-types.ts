// Regenerates engine/spec/generated/*.ts and schemas/REFERENCE.md from the JSON Schemas. The output is committed and a test compares it with
// a fresh compile, so a schema change without `npm run gen:types` fails loudly.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileSchemaTypes, SPEC_SCHEMAS } from './schema-types.js';
import { renderSchemaReference } from './schema-reference.js';

const root = fileURLToPath(new URL('..', import.meta.url));

for (const spec of SPEC_SCHEMAS) {
  const text = await compileSchemaTypes(root, spec);
  await writeFile(`${root}${spec.output}`, text);
  process.stdout.write(`wrote ${spec.output}\n`);
}

await writeFile(`${root}schemas/REFERENCE.md`, renderSchemaReference(root));
process.stdout.write('wrote schemas/REFERENCE.md\n');
