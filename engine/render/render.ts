import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../util/package-root.js';

/**
 * Renders a template from templates/ with an isolated Handlebars instance: strict, so a missing field fails loudly
 * instead of printing nothing, and with escaping chosen by output kind (HTML escapes, Markdown escapes its own way).
 */
export function renderTemplate(name: string, view: object, kind: 'markdown' | 'html'): string {
  const hbs = Handlebars.create();
  hbs.registerHelper('md', (value: unknown) => escapeMarkdownCell(String(value ?? '')));
  hbs.registerHelper('percent', (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`);
  hbs.registerHelper('number', (value: unknown) => Number(value).toLocaleString('en-US'));
  hbs.registerHelper('inc', (value: unknown) => Number(value) + 1);
  hbs.registerHelper('plural', (count: unknown, one: unknown, many: unknown) => `${Number(count).toLocaleString('en-US')} ${Number(count) === 1 ? String(one) : String(many)}`);
  const source = readFileSync(join(packageRoot(), 'templates', name), 'utf8');
  return hbs.compile(source, { strict: true, noEscape: kind === 'markdown' })(view);
}

/**
 * Table cells: pipes would split the cell, newlines would end the row, and emphasis, code, link and HTML characters
 * would change what the text says. Underscores inside words (`Sales_Orders.csv`) are left alone: they never emphasise.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r?\n/g, ' ')
    .replace(/([*`<>[\]])/g, '\\$1')
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}
