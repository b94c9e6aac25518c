import { charsThatFit, round, stackLines, wrapText, type DiagramLine } from './diagram-text.js';
import type { ImportStep } from './import-steps.js';

/** One load drawn as a box: the destination object, where its rows come from, and any second-pass reference. */
export interface LoadBox {
  x: number;
  y: number;
  width: number;
  height: number;
  title: DiagramLine[];
  detail: DiagramLine[];
}

export interface StepColumn {
  heading: DiagramLine;
  boxes: LoadBox[];
}

export interface Arrow {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The import order as an SVG a template draws: coordinates only, text left for the template to escape. */
export interface ImportOrderDiagram {
  /** Unique on the page: the SVG's title and arrowhead marker are found by it. */
  id: string;
  shape: 'wide' | 'tall';
  width: number;
  height: number;
  title: string;
  columns: StepColumn[];
  arrows: Arrow[];
}

const FONT = 14;
const SMALL = 12;
const LINE = 17;
const SMALL_LINE = 15;
const PAD = 8;
const HEADING = 26;
const BOX_GAP = 10;

/**
 * `wide` puts the steps side by side, left to right, for a desktop column; `tall` stacks them top to bottom so that
 * a phone shows the same diagram at full size instead of shrinking six columns into its width.
 */
export function importOrderDiagram(steps: readonly ImportStep[], shape: 'wide' | 'tall', title: string): ImportOrderDiagram {
  const columnWidth = shape === 'wide' ? 156 : 340;
  const gap = shape === 'wide' ? 40 : 38;
  const columns: StepColumn[] = [];
  const arrows: Arrow[] = [];
  let offset = 0;
  let extent = 0;
  for (const step of steps) {
    const left = shape === 'wide' ? offset : 0;
    const top = shape === 'wide' ? 0 : offset;
    const column = layoutColumn(step, left, top, columnWidth);
    const bottom = Math.max(top + HEADING, ...column.boxes.map((b) => b.y + b.height));
    if (columns.length > 0) arrows.push(arrowInto(column, shape, gap));
    columns.push(column);
    offset = shape === 'wide' ? left + columnWidth + gap : bottom + gap;
    extent = Math.max(extent, shape === 'wide' ? bottom : columnWidth);
  }
  const length = Math.max(0, offset - gap);
  return {
    id: `import-order-${shape}`,
    shape,
    width: round(shape === 'wide' ? length : extent) + 2,
    height: round(shape === 'wide' ? extent : length) + 2,
    title,
    columns,
    arrows,
  };
}

function layoutColumn(step: ImportStep, left: number, top: number, width: number): StepColumn {
  const inner = width - 2 * PAD;
  let y = top + HEADING;
  const boxes = step.loads.map((load): LoadBox => {
    const titleTexts = wrapText(load.destinationLabel, charsThatFit(inner, FONT));
    const detailTexts = [
      ...wrapText(`from ${load.sourceLabel}`, charsThatFit(inner, SMALL)),
      ...(load.secondPass.length === 0 ? [] : wrapText(`then links ${load.secondPass.join(', ')}`, charsThatFit(inner, SMALL))),
    ];
    const titleTop = y + PAD;
    const detailTop = titleTop + titleTexts.length * LINE + 2;
    const height = 2 * PAD + titleTexts.length * LINE + 2 + detailTexts.length * SMALL_LINE + 2;
    const box = {
      x: left + 1,
      y: round(y + 1),
      width,
      height: round(height),
      title: stackLines(titleTexts, left + 1 + PAD, titleTop, FONT, LINE),
      detail: stackLines(detailTexts, left + 1 + PAD, detailTop, SMALL, SMALL_LINE),
    };
    y += height + BOX_GAP;
    return box;
  });
  return { heading: { x: left + 1, y: top + FONT + 2, text: `Step ${step.ordinal}` }, boxes };
}

/** An arrow across the gap before `column`: level with its first box when wide, centred above it when tall. */
function arrowInto(column: StepColumn, shape: 'wide' | 'tall', gap: number): Arrow {
  const first = column.boxes[0];
  const x = first?.x ?? column.heading.x;
  if (shape === 'wide') {
    const y = round((first?.y ?? 0) + Math.min(first?.height ?? 0, 40) / 2);
    return { x1: x - gap + 4, y1: y, x2: x - 6, y2: y };
  }
  const middle = round(x + (first?.width ?? 0) / 2);
  const top = column.heading.y - FONT - 2;
  return { x1: middle, y1: top - gap + 4, x2: middle, y2: top - 4 };
}
