import type { ObjectRow } from '../spec/generated/pair-spec.js';
import { charsThatFit, round, stackLines, wrapText, type DiagramLine } from './diagram-text.js';

export interface ObjectNode {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: DiagramLine[];
}

/** One row of the mapping table as a curve from its source object to its destination object. */
export interface MappingLink {
  path: string;
  lossy: boolean;
  /** What a screen reader or a hover says about the line. */
  label: string;
}

export interface MappingDiagram {
  id: string;
  width: number;
  height: number;
  title: string;
  headings: DiagramLine[];
  sources: ObjectNode[];
  destinations: ObjectNode[];
  links: MappingLink[];
}

const NODE_WIDTH = 160;
const GAP = 60;
const FONT = 15;
const LINE = 18;
const PAD = 8;
const NODE_GAP = 10;

/**
 * Source objects on the left, destination objects on the right, one line per row of the mapping table. Objects named
 * by several rows appear once, so a destination that several source objects land in shows every line reaching it.
 * A viewBox narrow enough for a phone keeps the labels legible when the SVG is scaled to the page's width.
 */
export function mappingDiagram(rows: readonly ObjectRow[], headings: { source: string; destination: string }, title: string): MappingDiagram {
  const right = NODE_WIDTH + GAP;
  const headingLines = [headings.source, headings.destination].map((h) => wrapText(h, charsThatFit(NODE_WIDTH, FONT)));
  const top = Math.max(...headingLines.map((l) => l.length)) * LINE + 8;
  const { sources, destinations } = layoutRows(rows, right + 1, top);
  const links = rows.map((row): MappingLink => {
    const from = sources.get(row.source) as ObjectNode;
    const to = destinations.get(row.destination) as ObjectNode;
    const x1 = from.x + from.width;
    const y1 = round(from.y + from.height / 2);
    const x2 = to.x;
    const y2 = round(to.y + to.height / 2);
    const bend = GAP / 2;
    return {
      path: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`,
      lossy: row.mapping === 'lossy',
      label: `${row.source} to ${row.destination}: ${row.mapping === 'lossy' ? 'lossy' : '1:1'}`,
    };
  });
  const bottom = Math.max(...[...sources.values(), ...destinations.values()].map((n) => n.y + n.height));
  return {
    id: 'object-mapping-diagram',
    width: right + NODE_WIDTH + 2,
    height: round(bottom + 1),
    title,
    headings: [...stackLines(headingLines[0] ?? [], 1, 0, FONT, LINE), ...stackLines(headingLines[1] ?? [], right + 1, 0, FONT, LINE)],
    sources: [...sources.values()],
    destinations: [...destinations.values()],
    links,
  };
}

/**
 * Walks the table row by row: objects a row names for the first time are placed side by side on the same line, so
 * a 1:1 row reads as a straight line; an object named again keeps its first place and the row's line slants to it.
 */
function layoutRows(rows: readonly ObjectRow[], rightX: number, top: number): { sources: Map<string, ObjectNode>; destinations: Map<string, ObjectNode> } {
  const sources = new Map<string, ObjectNode>();
  const destinations = new Map<string, ObjectNode>();
  let y = top;
  for (const row of rows) {
    const placing = [
      { names: sources, name: row.source, x: 1 },
      { names: destinations, name: row.destination, x: rightX },
    ].filter((p) => !p.names.has(p.name));
    if (placing.length === 0) continue;
    const wrapped = placing.map((p) => wrapText(p.name, charsThatFit(NODE_WIDTH - 2 * PAD, FONT)));
    const height = 2 * PAD + Math.max(...wrapped.map((w) => w.length)) * LINE;
    placing.forEach((p, i) => {
      const lines = wrapped[i] ?? [];
      const centred = y + PAD + ((height - 2 * PAD) - lines.length * LINE) / 2;
      p.names.set(p.name, { x: p.x, y, width: NODE_WIDTH, height, lines: stackLines(lines, p.x + PAD, centred, FONT, LINE) });
    });
    y += height + NODE_GAP;
  }
  return { sources, destinations };
}
