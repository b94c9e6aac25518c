// The one definition of how schemas become TypeScript types, shared by the generator and the freshness test.
import { compileFromFile } from 'json-schema-to-typescript';
import { join } from 'node:path';

export interface SpecSchema {
  schema: string;
  output: string;
}

export const SPEC_SCHEMAS: readonly SpecSchema[] = [
  { schema: 'schemas/platform.schema.json', output: 'engine/spec/generated/platform-spec.ts' },
  { schema: 'schemas/pair.schema.json', output: 'engine/spec/generated/pair-spec.ts' },
  { schema: 'schemas/engagement.schema.json', output: 'engine/spec/generated/engagement-spec.ts' },
  { schema: 'schemas/estimator.schema.json', output: 'engine/spec/generated/estimator-rules.ts' },
];

export async function compileSchemaTypes(root: string, spec: SpecSchema): Promise<string> {
  return compileFromFile(join(root, spec.schema), {
    cwd: join(root, 'schemas'),
    additionalProperties: false,
    strictIndexSignatures: true,
    bannerComment: `/* GENERATED from ${spec.schema} by npm run gen:types. Do not edit. */`,
    style: { singleQuote: true, printWidth: 120 },
  });
}
