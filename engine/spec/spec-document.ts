import { readFile } from 'node:fs/promises';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fromPointer } from '../util/json-pointer.js';
import { prebuiltSpecData } from './prebuilt-specs.js';

/**
 * A parsed YAML spec that still knows where every value came from, so that a JSON pointer found later (by the schema
 * or a semantic check) can be turned back into a line and column.
 */
export interface SpecDocument {
  readonly file: string;
  readonly text: string;
  /** Read only to place a diagnostic: a spec the build parsed (see prebuilt-specs) parses it on first use. */
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML did not parse. */
  data: unknown;
}

export interface ParsedSpec {
  document: SpecDocument;
  diagnostics: Diagnostic[];
}

/**
 * Aliases a spec may use. A spec has no need for many; a "billion laughs" file uses a handful of anchors to expand
 * into gigabytes, and yaml refuses it once this many alias expansions are made.
 */
const MAX_ALIAS_COUNT = 100;
/** Nesting no spec needs (the deepest bundled spec is under 10 levels); deeper files would overflow the stack later. */
export const MAX_SPEC_DEPTH = 64;

export function parseSpec(file: string, text: string): ParsedSpec {
  const lineCounter = new LineCounter();
  const fail = (message: string): ParsedSpec => {
    const blank = new LineCounter();
    return { document: { file, text, doc: parseDocument('', { lineCounter: blank }), lineCounter: blank, data: undefined }, diagnostics: [{ code: 'yaml/syntax', severity: 'error', message, file, offset: 0 }] };
  };
  let doc: Document.Parsed;
  try {
    doc = parseYaml(text, lineCounter);
  } catch (error) {
    // yaml recurses over flow collections; thousands of nested brackets exhaust the stack before it can report them.
    if (error instanceof RangeError) return fail(`The file nests deeper than ${MAX_SPEC_DEPTH} levels; a spec never needs that.`);
    throw error;
  }
  const diagnostics: Diagnostic[] = doc.errors.map((err) => ({
    code: err.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
    severity: 'error',
    message: /call stack/i.test(err.message) ? `The file nests deeper than ${MAX_SPEC_DEPTH} levels; a spec never needs that.` : sentence(err.message),
    file,
    offset: err.pos[0],
  }));
  if (diagnostics.length === 0) diagnostics.push(...shapeProblems(file, doc));
  const data = diagnostics.length > 0 ? undefined : toData(file, doc, diagnostics);
  return { document: { file, text, doc, lineCounter, data }, diagnostics };
}

/** The one way a spec's YAML is parsed: keys must be unique, and positions are counted for diagnostics. */
function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed {
  return parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
}

/**
 * What would make the plain data unsafe to build or use: an empty file (yaml reads it as null, which every later
 * step would trip over), nesting past MAX_SPEC_DEPTH, and `__proto__` keys, which code that copies the data into
 * objects (`Object.assign`, `structuredClone` of spread data) would turn into a prototype change.
 */
function shapeProblems(file: string, doc: Document.Parsed): Diagnostic[] {
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return [{ code: 'yaml/syntax', severity: 'error', message: 'The file holds no spec: it is empty, only comments, or null. Write the spec (see schemas/README.md).', file, offset: 0 }];
  }
  const problems: Diagnostic[] = [];
  // Iterative, so that the walk that guards against deep nesting cannot itself overflow the stack.
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (depth > MAX_SPEC_DEPTH) {
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      return [{ code: 'yaml/syntax', severity: 'error', message: `The file nests deeper than ${MAX_SPEC_DEPTH} levels; a spec never needs that.`, file, offset }];
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === '__proto__') {
          problems.push({ code: 'spec/unknown-property', severity: 'error', message: 'A key named "__proto__" is not allowed anywhere in a spec.', file, offset: pair.key.range?.[0] ?? 0 });
        }
        stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return problems;
}

function toData(file: string, doc: Document.Parsed, diagnostics: Diagnostic[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    if (!(error instanceof Error) || error instanceof TypeError) throw error;
    // yaml throws ReferenceError for an alias bomb (more than maxAliasCount expansions) and RangeError for a stack
    // overflow: both are the file's fault, not ours.
    const bomb = /alias/i.test(error.message);
    diagnostics.push({
      code: 'yaml/syntax',
      severity: 'error',
      message: bomb ? `The file expands its aliases (*name) more than ${MAX_ALIAS_COUNT} times; write the values out instead.` : `The file cannot be read as data: ${sentence(error.message)}`,
      file,
      offset: 0,
    });
    return undefined;
  }
}

/** A spec file as text; a path that is a folder, unreadable or not text comes back as a diagnostic, not a throw. */
export async function readSpec(file: string): Promise<ParsedSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EISDIR' ? 'This is a folder, not a spec file.' : code === 'ENOENT' ? 'No such file.' : `The file cannot be read (${code ?? String(error)}); check its permissions.`;
    return { ...parseSpec(file, ''), diagnostics: [{ code: 'io/not-found', severity: 'error', message, file }] };
  }
  const data = prebuiltSpecData(text);
  return data === undefined ? parseSpec(file, text) : { document: parsedOnDemand(file, text, data), diagnostics: [] };
}

/**
 * A spec the build already parsed cleanly: its data comes from the build, and the YAML document, which only turns a
 * diagnostic's pointer into a line, is parsed the first time something asks for it.
 */
function parsedOnDemand(file: string, text: string, data: unknown): SpecDocument {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const parse = (): { doc: Document.Parsed; lineCounter: LineCounter } => {
    if (parsed === undefined) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseYaml(text, lineCounter), lineCounter };
    }
    return parsed;
  };
  return {
    file,
    text,
    data,
    get doc() {
      return parse().doc;
    },
    get lineCounter() {
      return parse().lineCounter;
    },
  };
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
