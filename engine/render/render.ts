import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../util/package-root.js';

/**
 * Renders a template from templates/ with an isolated Handlebars instance: strict, so a missing field fails loudly
 * instead of printing nothing, and with escaping chosen by output kind (HTML escapes, Markdown escapes its own way).
 */
export function renderTemplate(name: string, view: object, kind: 'markdown' | 'html'): string {
  const source = readFileSync(join(packageRoot(), 'templates', name), 'utf8');
  return withHelpers(Handlebars.create()).compile(source, { strict: true, noEscape: kind === 'markdown' })(view);
}

/**
 * The same for an HTML page built from pieces: every `*.hbs` file in `templates/<partialsDir>` is registered as a
 * partial under its name without extensions (`badge.html.hbs` is `{{> badge}}`), on this render's own instance only.
 * Adds `prose`, which escapes spec text and shows its `backtick` spans as code.
 */
export function renderHtmlWithPartials(name: string, view: object, partialsDir: string): string {
  const hbs = withHelpers(Handlebars.create());
  hbs.registerHelper('prose', (value: unknown) => new hbs.SafeString(proseHtml(String(value ?? ''), hbs.escapeExpression)));
  const dir = join(packageRoot(), 'templates', partialsDir);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\..*$/, ''), readFileSync(join(dir, file), 'utf8'));
  }
  const source = readFileSync(join(packageRoot(), 'templates', name), 'utf8');
  return hbs.compile(source, { strict: true })(view);
}

/**
 * Spec prose marks names and values as `code` with backticks, the way Markdown does. Every piece is escaped; only
 * the backtick spans are then wrapped in <code>, so a spec can never inject markup through this helper.
 */
export function proseHtml(text: string, escape: (s: string) => string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escape(part.slice(1, -1))}</code>` : escape(part)))
    .join('');
}

function withHelpers(hbs: typeof Handlebars): typeof Handlebars {
  hbs.registerHelper('md', (value: unknown) => escapeMarkdownCell(String(value ?? '')));
  hbs.registerHelper('percent', (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`);
  hbs.registerHelper('number', (value: unknown) => Number(value).toLocaleString('en-US'));
  hbs.registerHelper('inc', (value: unknown) => Number(value) + 1);
  hbs.registerHelper('plural', (count: unknown, one: unknown, many: unknown) => `${Number(count).toLocaleString('en-US')} ${Number(count) === 1 ? String(one) : String(many)}`);
  return hbs;
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
