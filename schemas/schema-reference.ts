// Renders schemas/REFERENCE.md from the schemas' own descriptions, so the key reference can never miss a key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  $ref?: string;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  definitions?: Record<string, SchemaNode>;
  default?: unknown;
}

const LAYERS = [
  { file: 'platform.schema.json', heading: 'Platform specs (`pairs/platforms/<id>.yaml`)' },
  { file: 'pair.schema.json', heading: 'Pair specs (`pairs/<source>--<destination>.yaml`)' },
  { file: 'engagement.schema.json', heading: 'Engagement files (`migration.yaml`)' },
  { file: 'estimator.schema.json', heading: 'Estimator rules (`pairs/estimator.yaml`)' },
];

export function renderSchemaReference(root: string): string {
  const out: string[] = [
    '# Spec key reference',
    '',
    'Generated from the JSON Schemas in this folder by `npm run gen:types`; do not edit. Every key, its type, whether it',
    'is required, and what it means. See [README.md](README.md) for examples and the diagnostic codes.',
  ];
  for (const layer of LAYERS) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', layer.file), 'utf8')) as SchemaNode;
    out.push('', `## ${layer.heading}`, '', schema.description ?? '');
    out.push(...section(schema.title ?? layer.file, schema, schema));
    for (const [name, def] of Object.entries(schema.definitions ?? {})) {
      if (def.properties) out.push(...section(def.title ?? name, def, schema));
    }
  }
  return out.join('\n') + '\n';
}

function section(title: string, node: SchemaNode, schema: SchemaNode): string[] {
  const rows = Object.entries(node.properties ?? {}).map(([key, prop]) => {
    const required = node.required?.includes(key) === true ? 'yes' : '';
    const description = (prop.description ?? resolve(prop, schema)?.description ?? '').replaceAll('|', '\\|');
    const fallback = prop.default === undefined ? '' : ` Default: \`${JSON.stringify(prop.default)}\`.`;
    return `| \`${key}\` | ${typeName(prop, schema)} | ${required} | ${description}${fallback} |`;
  });
  return ['', `### ${title}`, '', node.description ?? '', '', '| key | type | required | meaning |', '|---|---|---|---|', ...rows];
}

function resolve(node: SchemaNode, schema: SchemaNode): SchemaNode | undefined {
  if (node.$ref === undefined) return undefined;
  return schema.definitions?.[node.$ref.replace('#/definitions/', '')];
}

function typeName(node: SchemaNode, schema: SchemaNode): string {
  const target = resolve(node, schema);
  if (target) return target.properties ? `[${target.title ?? 'object'}](#${(target.title ?? '').toLowerCase()})` : typeName(target, schema);
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (node.anyOf) return node.anyOf.map((n) => typeName(n, schema)).join(' or ');
  if (node.type === 'array' && node.items) return `list of ${typeName(node.items, schema)}`;
  return Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
}
