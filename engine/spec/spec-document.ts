import { readFile } from 'node:fs/promises';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fromPointer } from '../util/json-pointer.js';

/**
 * A parsed YAML spec that still knows where every value came from, so that a JSON pointer found later (by the schema
 * or a semantic check) can be turned back into a line and column.
 */
export interface SpecDocument {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML did not parse. */
  data: unknown;
}

export interface ParsedSpec {
  document: SpecDocument;
  diagnostics: Diagnostic[];
}

export function parseSpec(file: string, text: string): ParsedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = doc.errors.map((err) => ({
    code: err.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
    severity: 'error',
    message: sentence(err.message),
    file,
    offset: err.pos[0],
  }));
  const data = diagnostics.length > 0 ? undefined : (doc.toJS({ maxAliasCount: 1000 }) as unknown);
  return { document: { file, text, doc, lineCounter, data }, diagnostics };
}

export async function readSpec(file: string): Promise<ParsedSpec> {
  return parseSpec(file, await readFile(file, 'utf8'));
}

/** yaml's messages carry their own position and a code frame; keep only the first sentence-like line. */
function sentence(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
  const text = first.charAt(0).toUpperCase() + first.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}

export interface Position {
  line: number;
  col: number;
}

/**
 * Where a diagnostic points, 1-based. A pointer that no longer resolves (the value is missing) falls back to the
 * deepest ancestor that exists, which is where the author has to type the fix anyway.
 */
export function locate(document: SpecDocument, diagnostic: Pick<Diagnostic, 'pointer' | 'offset' | 'reportOnKey'>): Position {
  const offset = diagnostic.offset ?? offsetOfPointer(document, diagnostic.pointer ?? '', diagnostic.reportOnKey === true);
  const pos = document.lineCounter.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function offsetOfPointer(document: SpecDocument, pointer: string, onKey: boolean): number {
  const path = fromPointer(pointer);
  let node: unknown = document.doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (next === undefined) break;
    node = next.value;
    keyNode = next.key;
  }
  if (onKey && keyNode !== undefined && keyNode.range) return keyNode.range[0];
  if (isNode(node) && node.range) return node.range[0];
  if (keyNode?.range) return keyNode.range[0];
  return 0;
}

function child(node: unknown, segment: string | number): { value: unknown; key?: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    if (!pair || !isPair(pair)) return undefined;
    return { value: pair.value ?? pair.key, key: isNode(pair.key) ? pair.key : undefined };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}
