import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specFiles, specLibrary } from '../../../engine/spec/catalog.js';
import { prebuiltSpecData, prebuiltValidator, specDataFile } from '../../../engine/spec/prebuilt-specs.js';
import { checkSchema, newAjv, schemaText, SPEC_KINDS } from '../../../engine/spec/schema-check.js';
import { locate, parseSpec, readSpec } from '../../../engine/spec/spec-document.js';

/**
 * `npm run build` parses the bundled specs and compiles the schemas ahead, so that a command starts in a third of the
 * time. What a command sees must not change: the same data, the same diagnostics at the same lines.
 */
describe('specs and schemas prepared by the build', () => {
  it('given every bundled spec, reads from the build the data parsing gives, and places a pointer on the same line', async () => {
    const files = await specFiles(specLibrary());
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect({ file, prebuilt: existsSync(specDataFile(text)) }).toEqual({ file, prebuilt: true });
      const read = await readSpec(file);
      const parsed = parseSpec(file, text);
      expect(read.diagnostics).toEqual([]);
      expect(read.document.data).toEqual(parsed.document.data);
      // The YAML document is parsed only when a diagnostic has to be placed.
      for (const pointer of ['/id', '/objects/0', '/objects/1/fields/0/name']) {
        expect({ file, pointer, at: locate(read.document, { pointer }) }).toEqual({ file, pointer, at: locate(parsed.document, { pointer }) });
      }
    }
  });

  it('given a spec whose text differs by one character from a bundled one, parses it afresh', async () => {
    const [file] = await specFiles(specLibrary());
    const text = readFileSync(file as string, 'utf8');
    expect(prebuiltSpecData(text)).toBeDefined();
    expect(prebuiltSpecData(`${text}\n# edited\n`)).toBeUndefined();
    expect(prebuiltValidator(`${schemaText('pair')} `)).toBeUndefined();
  });

  it('given broken specs, the prebuilt validators report the errors a validator compiled here reports', async () => {
    const pair = (await readSpec((await specFiles(specLibrary())).find((f) => f.endsWith('smart-crm-online--dynamics-365-sales.yaml')) as string)).document.data as Record<string, unknown>;
    const broken: Record<string, unknown>[] = [
      { ...pair, sumary: 'typo' },
      { ...pair, objects: [{ id: 'x', mapping: 'sideways' }] },
      { ...pair, id: 42 },
      { ...pair, challenges: 'none' },
    ];
    for (const kind of SPEC_KINDS) {
      const text = schemaText(kind);
      const prebuilt = prebuiltValidator(text);
      expect({ kind, prebuilt: prebuilt !== undefined }).toEqual({ kind, prebuilt: true });
      const compiled = newAjv().compile(JSON.parse(text) as object);
      for (const data of broken) {
        expect(prebuilt?.(data)).toBe(false);
        expect(compiled(data)).toBe(false);
        expect(prebuilt?.errors).toEqual(compiled.errors);
      }
    }
    // And through the diagnostics a person reads.
    const diagnostics = checkSchema('pair', 'p.yaml', broken[0]);
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([['spec/unknown-property', '/sumary', 'Property "sumary" is not allowed here. Did you mean "summary"?']]);
  });
});
