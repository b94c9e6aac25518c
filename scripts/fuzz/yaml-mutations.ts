import type { Rng } from '../../engine/util/rng.js';

/** One damaged spec: an engagement file (`migration.yaml`) or a pair spec, as bytes. */
export interface YamlCase {
  kind: YamlKind;
  document: 'engagement' | 'pair';
  bytes: Buffer;
  detail: string;
}

export const YAML_KINDS = [
  'empty',
  'comment-only',
  'alias-bomb',
  'deep-nesting',
  'proto-keys',
  'broken-quoting',
  'invalid-encoding',
  'nul-bytes',
  'duplicate-keys',
  'type-swap',
  'huge-scalar',
  'byte-flips',
  'truncated',
  'tabs',
  'tags',
  'multi-document',
  'hostile-target',
  'hostile-source',
] as const;
export type YamlKind = (typeof YAML_KINDS)[number];

/** Kinds that only make sense in an engagement file. */
const ENGAGEMENT_ONLY: readonly YamlKind[] = ['hostile-target', 'hostile-source'];

/**
 * A damaged copy of `engagement` (the text `init` writes) or of `pair` (a bundled pair spec), of kind `kind` or a
 * random one. Engagement files get most cases: every command reads one, and it is the file people edit by hand.
 */
export function yamlCase(rng: Rng, base: { engagement: string; pair: string }, kind: YamlKind = rng.pick(YAML_KINDS)): YamlCase {
  const document = ENGAGEMENT_ONLY.includes(kind) || rng.chance(0.8) ? 'engagement' : 'pair';
  const text = base[document];
  const lines = text.split('\n');
  const out = (bytes: Buffer | string, detail: string): YamlCase => ({ kind, document, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, detail });
  const line = (): number => rng.int(0, Math.max(0, lines.length - 2));

  switch (kind) {
    case 'empty':
      return out(rng.pick(['', '\n', '   \n\n', '\uFEFF', '---\n', '...\n']), 'no content');
    case 'comment-only':
      return out(lines.filter((l) => l.startsWith('#')).join('\n') + '\n# nothing else\n', 'comments only');
    case 'alias-bomb': {
      const width = rng.int(5, 12);
      const depth = rng.int(4, 9);
      const rows = ['a0: &a0 [' + Array.from({ length: width }, () => '"lol"').join(', ') + ']'];
      for (let d = 1; d <= depth; d += 1) rows.push(`a${d}: &a${d} [${Array.from({ length: width }, () => `*a${d - 1}`).join(', ')}]`);
      const where = rng.pick(['prepended', 'under-options', 'only'] as const);
      if (where === 'only') return out(rows.join('\n') + '\n', `${width}^${depth} alias expansion alone`);
      if (where === 'prepended') return out(rows.join('\n') + '\n' + text, `${width}^${depth} alias expansion before the spec`);
      return out(text + '\nextra:\n' + rows.map((r) => `  ${r}`).join('\n') + '\n', `${width}^${depth} alias expansion in a mapping`);
    }
    case 'deep-nesting': {
      const depth = rng.pick([65, 200, 1_000, 10_000, 100_000]);
      const style = rng.pick(['flow-seq', 'flow-map', 'block-map', 'block-seq'] as const);
      if (depth > 2_000 && style.startsWith('block')) {
        // Block nesting costs depth² bytes of indentation; a few thousand levels already make megabytes.
        return out(text + '\nextra:\n' + blockNesting(2_000, style), `2000 levels of ${style}`);
      }
      const nested =
        style === 'flow-seq' ? '['.repeat(depth) + ']'.repeat(depth)
        : style === 'flow-map' ? '{a: '.repeat(depth) + '1' + '}'.repeat(depth)
        : blockNesting(depth, style);
      return out(style.startsWith('flow') ? `${text}\nextra: ${nested}\n` : `${text}\nextra:\n${nested}`, `${depth} levels of ${style}`);
    }
    case 'proto-keys': {
      const key = rng.pick(['__proto__', '"__proto__"', "'__proto__'", 'constructor', 'prototype']);
      const where = rng.pick(['top', 'options', 'flow', 'user'] as const);
      if (where === 'top') return out(`${text}\n${key}:\n  polluted: true\n`, `${key} at the top`);
      if (where === 'flow') return out(`${text}\nextra: {${key}: {polluted: true}}\n`, `${key} in a flow mapping`);
      if (where === 'user' && document === 'engagement') return out(text.replace(/^users:.*$/m, `users:\n  - ${key}: {polluted: true}\n    email: x@example.com`), `${key} inside a user`);
      const at = lines.findIndex((l) => /^\w+:\s*$/.test(l));
      lines.splice(at + 1, 0, `  ${key}:`, '    polluted: true');
      return out(lines.join('\n'), `${key} under ${lines[at] ?? 'the first mapping'}`);
    }
    case 'broken-quoting': {
      const at = line();
      const target = lines[at] as string;
      const pos = rng.int(0, target.length);
      lines[at] = target.slice(0, pos) + rng.pick(['"', "'", '"unterminated', "'it''s", '\\"']) + target.slice(pos);
      return out(lines.join('\n'), `a quote on line ${at + 1}`);
    }
    case 'invalid-encoding': {
      const bytes = Buffer.from(text, 'utf8');
      const at = rng.int(0, bytes.length);
      const bad = Buffer.from(rng.pick([[0xc3, 0x28], [0xff, 0xfe], [0x80], [0xed, 0xa0, 0x80]]));
      const variant = rng.pick(['insert', 'utf16', 'latin1'] as const);
      if (variant === 'utf16') return out(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16LE with BOM');
      if (variant === 'latin1') return out(Buffer.from(`${text}\n# Zoë Lindqvist, café\n`, 'latin1'), 'Latin-1 bytes');
      return out(Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]), `invalid UTF-8 at byte ${at}`);
    }
    case 'nul-bytes': {
      const bytes = Buffer.from(text, 'utf8');
      const at = rng.int(0, bytes.length);
      return out(Buffer.concat([bytes.subarray(0, at), Buffer.alloc(rng.int(1, 64)), bytes.subarray(at)]), `NUL bytes at byte ${at}`);
    }
    case 'duplicate-keys': {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w-]+:/.test(l));
      const [dup, at] = rng.pick(keyed);
      lines.splice(at + 1, 0, dup);
      return out(lines.join('\n'), `line ${at + 1} repeated`);
    }
    case 'type-swap': {
      const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*-?\s*[\w-]+:\s*\S/.test(l));
      const [original, at] = rng.pick(keyed);
      const replacement = rng.pick(['[]', '{}', '~', '42', '-1e999', 'true', '[a, [b, {c: d}]]', '"', '!!binary aGVsbG8=', '2026-13-45', '.nan', '0x7fffffffffffffff']);
      lines[at] = original.replace(/:\s*.*$/, `: ${replacement}`);
      return out(lines.join('\n'), `value on line ${at + 1} replaced by ${replacement}`);
    }
    case 'huge-scalar': {
      const size = rng.pick([100_000, 1_000_000, 8_000_000]);
      return out(`${text}\nextra: "${'x'.repeat(size)}"\n`, `a ${size}-character string`);
    }
    case 'byte-flips': {
      const bytes = Buffer.from(text, 'utf8');
      const n = rng.int(1, 10);
      for (let i = 0; i < n; i += 1) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      return out(bytes, `${n} random bytes changed`);
    }
    case 'truncated': {
      const bytes = Buffer.from(text, 'utf8');
      const cut = rng.int(1, bytes.length - 1);
      return out(bytes.subarray(0, cut), `cut after byte ${cut}`);
    }
    case 'tabs': {
      const at = lines.findIndex((l, i) => i >= line() && /^ +\S/.test(l));
      if (at >= 0) lines[at] = (lines[at] as string).replace(/^ +/, '\t');
      return out(lines.join('\n'), `tab indentation on line ${at + 1}`);
    }
    case 'tags': {
      const tag = rng.pick(['!!binary', '!!set', '!!omap', '!custom', '!!js/function', '!<tag:yaml.org,2002:str>', '!!timestamp', '!!float']);
      return out(`${text}\nextra: ${tag} aGVsbG8=\n`, `a value tagged ${tag}`);
    }
    case 'multi-document':
      return out(`${text}\n---\n${text}`, 'two documents in one file');
    case 'hostile-target': {
      const target = rng.pick([
        'sqlite:.',
        'sqlite:..',
        'sqlite:/tmp',
        'sqlite:/proc/self/status',
        'sqlite:/proc/self/fd/0',
        'sqlite:/sys/kernel/x.db',
        'sqlite:/dev/null',
        'sqlite:/dev/zero',
        'sqlite:no-such-folder/deeper/sandbox.db',
        'sqlite:migration.yaml/sandbox.db',
        'sqlite:',
        "'sqlite:'",
        'package:/proc/self/pkg',
        'package:migration.yaml',
        'ftp://example.com/x',
        'dataverse:',
        'salesforce:not a url',
        `sqlite:${'d/'.repeat(2000)}x.db`,
        '"sqlite:sandbox\\0.db"',
      ]);
      return out(text.replace(/^target: .*$/m, `target: ${target}`), `target: ${target}`);
    }
    case 'hostile-source': {
      const source = rng.pick(['/proc/self', '/dev/null', 'migration.yaml', "''", '/nonexistent/export', '"\\0"', '../../../../../../', '/etc/passwd', '[a, b]']);
      return out(text.replace(/^source: .*$/m, `source: ${source}`), `source: ${source}`);
    }
  }
}

function blockNesting(depth: number, style: 'block-map' | 'block-seq' | 'flow-seq' | 'flow-map'): string {
  const rows: string[] = [];
  for (let d = 0; d < depth; d += 1) rows.push(style === 'block-seq' ? `${' '.repeat(d * 2 + 2)}-` : `${' '.repeat(d + 2)}k${d}:`);
  return rows.join('\n') + ' leaf\n';
}
