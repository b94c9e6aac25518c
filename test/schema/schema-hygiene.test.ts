import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const files = ['platform.schema.json', 'pair.schema.json', 'engagement.schema.json', 'estimator.schema.json'];

type Node = Record<string, unknown>;

/** Every object node of a schema with the JSON pointer leading to it. */
function* walk(node: unknown, pointer: string): Generator<[string, Node]> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${pointer}/${i}`);
    return;
  }
  const obj = node as Node;
  yield [pointer, obj];
  for (const [key, value] of Object.entries(obj)) yield* walk(value, `${pointer}/${key}`);
}

describe.each(files)('schema %s', (file) => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) as Node;

  it('given any property, it has a description (editors show it)', () => {
    const missing: string[] = [];
    for (const [pointer, node] of walk(schema, '')) {
      const props = node['properties'] as Record<string, Node> | undefined;
      if (!props || pointer.endsWith('/properties')) continue;
      for (const [name, prop] of Object.entries(props)) {
        const target = typeof prop['$ref'] === 'string' ? (schema['definitions'] as Record<string, Node>)[String(prop['$ref']).split('/').pop() ?? ''] : prop;
        if (typeof prop['description'] !== 'string' && typeof target?.['description'] !== 'string') missing.push(`${pointer}/properties/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('given any object shape, it forbids unknown keys so typos are reported', () => {
    const open: string[] = [];
    for (const [pointer, node] of walk(schema, '')) {
      if (node['properties'] !== undefined && !pointer.endsWith('/properties') && node['additionalProperties'] !== false) open.push(pointer || '/');
    }
    expect(open).toEqual([]);
  });
});
