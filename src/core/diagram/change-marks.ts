// Change marks for the diff picture: an outline and a badge on added, removed and changed elements and
// relations, and the legend that explains them. Each mark differs in stroke pattern and symbol as well as
// colour, so a greyscale print or a colour-blind reader tells them apart.
import { escapeXml, num } from './svg-text';

export type ChangeMark = 'added' | 'removed' | 'changed';

export interface DiagramMarks {
  readonly elements?: ReadonlyMap<string, ChangeMark>;
  readonly relations?: ReadonlyMap<string, ChangeMark>;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const MARKS: Readonly<Record<ChangeMark, { color: string; symbol: string; word: string }>> = {
  added: { color: '#107c10', symbol: '+', word: 'added' },
  removed: { color: '#d13438', symbol: '−', word: 'removed' },
  changed: { color: '#c27d00', symbol: '~', word: 'changed' },
};

/** Added: solid and thick. Removed: long dashes, and the element itself faded. Changed: dotted. */
export const MARK_STYLE = `
.ppv-mark { fill: none; }
.ppv-mark-added { stroke: #107c10; stroke-width: 4; }
.ppv-mark-removed { stroke: #d13438; stroke-width: 3; stroke-dasharray: 10 6; }
.ppv-mark-changed { stroke: #c27d00; stroke-width: 3; stroke-dasharray: 1 5; stroke-linecap: round; }
/* Under a relation the mark is a wide, light band, so it does not read as the edge's own (peerings are dashed too). */
.ppv-relation > .ppv-mark { stroke-width: 8; stroke-opacity: 0.45; }
[data-change="removed"] > .ppv-node, [data-change="removed"] > .ppv-container { fill-opacity: 0.55; }
.ppv-mark-symbol { font-size: 13px; font-weight: 700; fill: #ffffff; }
.ppv-legend { font-size: 11px; fill: #201f1e; }
`.trim();

export const LEGEND_H = 26;

/** The outline around an element's box and its badge at the top-left corner. */
export function elementMark(b: Box, mark: ChangeMark | undefined): string {
  if (!mark) return '';
  const pad = 5;
  return [
    `<rect class="ppv-mark ppv-mark-${mark}" x="${num(b.x - pad)}" y="${num(b.y - pad)}" width="${num(b.w + 2 * pad)}" height="${num(b.h + 2 * pad)}" rx="10"/>`,
    badge(b.x - pad, b.y - pad, mark),
  ].join('');
}

/** The same stroke under a relation's path, and the badge beside its midpoint. */
export function relationMark(d: string, mid: { x: number; y: number }, mark: ChangeMark | undefined): string {
  if (!mark) return '';
  return `<path class="ppv-mark ppv-mark-${mark}" d="${d}"/>${badge(mid.x - 14, mid.y - 14, mark)}`;
}

function badge(cx: number, cy: number, mark: ChangeMark): string {
  const m = MARKS[mark];
  return [
    `<g class="ppv-change-badge" data-change="${mark}"><title>${escapeXml(m.word)}</title>`,
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="9" fill="${m.color}" stroke="#ffffff" stroke-width="1.5"/>`,
    `<text class="ppv-mark-symbol" x="${num(cx)}" y="${num(cy + 4.5)}" text-anchor="middle">${m.symbol}</text>`,
    '</g>',
  ].join('');
}

/** One row: a sample stroke, its badge and its word for each mark, with how many of each there are. */
export function drawLegend(x: number, y: number, marks: DiagramMarks): string {
  const counts: Record<ChangeMark, number> = { added: 0, removed: 0, changed: 0 };
  for (const m of [...(marks.elements?.values() ?? []), ...(marks.relations?.values() ?? [])]) counts[m]++;
  const items = (Object.keys(MARKS) as ChangeMark[]).map((mark, i) => {
    const left = x + i * 150;
    return [
      `<line class="ppv-mark ppv-mark-${mark}" x1="${num(left)}" y1="${num(y)}" x2="${num(left + 34)}" y2="${num(y)}"/>`,
      badge(left + 48, y, mark),
      `<text class="ppv-legend" x="${num(left + 63)}" y="${num(y + 4)}">${MARKS[mark].word} (${counts[mark]})</text>`,
    ].join('');
  });
  return `<g class="ppv-legend-row" aria-label="legend">${items.join('')}</g>`;
}
