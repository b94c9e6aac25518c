/**
 * Small, deliberately plain readers for the generated pages: the site's own templates produce predictable markup,
 * so a regular expression per question keeps the tests readable without a DOM library.
 */

/** Every href and src value on the page, plus SVG `url(#id)` references, entity-decoded. */
export function linkTargets(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));
  const svgRefs = [...html.matchAll(/url\((#[^)]+)\)/g)].map((m) => m[1] ?? '');
  return [...attributes, ...svgRefs];
}

/** The ids declared on the page, which `#fragment` links may point at. */
export function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));
}

/** The markup of the first element opening with `opening` (e.g. `<section id="complexity"`), up to its closing tag. */
export function element(html: string, opening: string, tag: string): string {
  const start = html.indexOf(opening);
  if (start < 0) throw new Error(`no ${opening} on the page`);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end + tag.length + 3);
}

/** Text without tags and with whitespace collapsed, as a reader sees it. */
export function text(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function decode(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#x3D;', '=')
    .replaceAll('&#x60;', '`')
    .replaceAll('&amp;', '&');
}
