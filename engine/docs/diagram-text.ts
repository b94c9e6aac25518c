/**
 * SVG text does not wrap by itself, so diagrams break labels into lines here. Widths are estimated from the
 * character count. The estimate is generous (wide, semi-bold faces such as DejaVu Sans run to about 0.6 em per
 * character) because the viewer's font is unknown and a label that overflows its box reads worse than one that wraps.
 */
export const AVERAGE_GLYPH_WIDTH = 0.64;

/** A positioned line of text; the template escapes `text`. */
export interface DiagramLine {
  x: number;
  y: number;
  text: string;
}

export function charsThatFit(width: number, fontSize: number): number {
  return Math.max(4, Math.floor(width / (fontSize * AVERAGE_GLYPH_WIDTH)));
}

/** Splits text into lines of at most `maxChars`, breaking between words; a word longer than a line is cut. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (rest.length > maxChars) {
      lines.push(rest.slice(0, maxChars - 1) + '-');
      rest = rest.slice(maxChars - 1);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/**
 * Lines stacked from `top`, one `lineHeight` apart, each positioned at its baseline: the middle of its line box plus
 * about a third of the font size, which centres the capitals and lower-case letters within the line.
 */
export function stackLines(texts: readonly string[], x: number, top: number, fontSize: number, lineHeight: number): DiagramLine[] {
  return texts.map((text, i) => ({ x, y: round(top + i * lineHeight + lineHeight / 2 + fontSize * 0.35), text }));
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
