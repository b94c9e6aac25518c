import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTemplate } from '../render/render.js';
import type { Discovery, Finding } from './discovery.js';
import { FINDING_KINDS } from './findings.js';

export const DISCOVERY_DIR = 'discovery';

/** What a person reads first: the type in words, not the engine's identifier. */
const TYPE_WORDS: Record<string, string> = {
  text: 'text', longtext: 'long text', integer: 'whole number', decimal: 'decimal', money: 'money', date: 'date',
  datetime: 'date and time', boolean: 'yes/no', email: 'email', phone: 'phone', url: 'URL', picklist: 'picklist',
};

const MATCH_WORDS = { active: 'matched', inactive: 'inactive user', none: 'no user' } as const;

/** Long samples (notes, descriptions) are cut: the report shows what a column holds, not all of it. */
const clip = (value: string): string => (value.length > 40 ? `${value.slice(0, 39).trimEnd()}…` : value);

const share = (part: number, whole: number): string => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);

/** The report's view: everything pre-formatted, so the Markdown and HTML templates only lay it out. */
export function discoveryView(d: Discovery): object {
  const rows = d.objects.reduce((n, o) => n + o.rows, 0);
  const affected = d.findings.reduce((n, f) => n + f.count, 0);
  const unmatched = d.owners.filter((o) => o.match !== 'active');
  return {
    ...d,
    summary: {
      objects: d.objects.length,
      rows,
      customColumns: d.columns.length,
      findings: d.findings.length,
      affected,
      owners: d.owners.length,
      unmatchedOwners: unmatched.length,
    },
    objects: d.objects.map((o) => ({ ...o, custom: o.customColumns.join(', '), missing: o.missingStandard.join(', ') })),
    columns: d.columns.map((c) => ({
      ...c,
      typeWords: TYPE_WORDS[c.type] ?? c.type,
      filledShare: share(c.filled, c.rows),
      values: (c.options ?? c.samples.slice(0, 3).map(clip)).join(', '),
      valuesLabel: c.options ? 'options' : 'samples',
    })),
    stages: d.stages.map((s) => ({ ...s, title: `${s.load}.${s.column}${s.pipeline === undefined ? '' : ` (pipeline ${s.pipeline})`}` })),
    owners: d.owners.map((o) => ({ ...o, matchWords: MATCH_WORDS[o.match], user: o.user ?? '', ok: o.match === 'active' })),
    findings: d.findings.map((f) => findingView(f)),
    meanings: [...new Set(d.findings.map((f) => f.kind))].map((kind) => FINDING_KINDS[kind]),
  };
}

function findingView(f: Finding): object {
  const where = f.examples.map((e) => `${f.file}:${e.line}${e.value === undefined || e.value === '' ? '' : ` (${e.value})`}`);
  return { ...f, title: FINDING_KINDS[f.kind].title, column: f.column ?? '', where: where.join('; '), more: f.count > f.examples.length ? f.count - f.examples.length : 0 };
}

export interface DiscoveryFiles {
  json: string;
  markdown: string;
  html: string;
}

/** Writes the discovery as JSON (for `propose` and tools), Markdown (for the repo) and HTML (for the customer). */
export function writeDiscoveryReports(engagementDir: string, discovery: Discovery): DiscoveryFiles {
  const dir = join(engagementDir, DISCOVERY_DIR);
  mkdirSync(dir, { recursive: true });
  const files = { json: join(dir, 'discovery.json'), markdown: join(dir, 'discovery.md'), html: join(dir, 'discovery.html') };
  const view = discoveryView(discovery);
  writeFileSync(files.json, `${JSON.stringify(discovery, null, 2)}\n`);
  writeFileSync(files.markdown, renderTemplate('discovery.md.hbs', view, 'markdown'));
  writeFileSync(files.html, renderTemplate('discovery.html.hbs', view, 'html'));
  return files;
}
