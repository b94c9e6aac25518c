import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchemaTypes, SPEC_SCHEMAS } from '../../schemas/schema-types.js';
import { renderSchemaReference } from '../../schemas/schema-reference.js';

const root = join(import.meta.dirname, '..', '..');

describe('files generated from the schemas', () => {
  it.each(SPEC_SCHEMAS)('given $schema, the committed $output matches a fresh compile (else run npm run gen:types)', async (spec) => {
    const fresh = await compileSchemaTypes(root, spec);
    expect(readFileSync(join(root, spec.output), 'utf8'), 'stale types: run npm run gen:types').toBe(fresh);
  });

  it('given the schemas, schemas/REFERENCE.md matches a fresh render (else run npm run gen:types)', () => {
    expect(readFileSync(join(root, 'schemas', 'REFERENCE.md'), 'utf8'), 'stale reference: run npm run gen:types').toBe(renderSchemaReference(root));
  });
});
