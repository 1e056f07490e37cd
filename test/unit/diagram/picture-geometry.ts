// Reads the drawn geometry back out of a rendered diagram SVG (element boxes, edge paths), so crossing
// counts measure the picture a reader sees rather than the renderer's own idea of it.
import type { DrawnBox, DrawnEdge, Point } from '../../../src/core/diagram/crossings';
import type { Design } from '../../../src/core/model/schema';

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The first rect of every element group is its box. */
export function drawnBoxes(svg: string): DrawnBox[] {
  const out: DrawnBox[] = [];
  const re = /<g class="ppv-element" data-id="([^"]*)"[^>]*>\s*<rect [^>]*?x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g;
  for (const m of svg.matchAll(re)) out.push({ id: unescape(m[1]!), x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]) });
  return out;
}

/** Parses a path's d into a polyline: the renderer draws edges with absolute M and L only, so anything else fails. */
export function pathPoints(d: string): Point[] {
  const tokens = d.match(/[A-Za-z]|-?\d+(?:\.\d+)?/g) ?? [];
  const pts: Point[] = [];
  let i = 0;
  const n = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const cmd = tokens[i++]!;
    if (cmd !== 'M' && cmd !== 'L') throw new Error(`unexpected path command ${cmd} in ${d}`);
    pts.push({ x: n(), y: n() });
  }
  return pts;
}

/** Every drawn edge of the design's relations, with its ends taken from the design. */
export function drawnEdges(svg: string, design: Design): DrawnEdge[] {
  const byId = new Map(design.relations.map((r) => [r.id, r]));
  const out: DrawnEdge[] = [];
  const re = /<g class="ppv-relation" data-id="([^"]*)"[^>]*>(?:(?!<\/g>)[\s\S])*?<path class="ppv-edge[^"]*" d="([^"]*)"/g;
  for (const m of svg.matchAll(re)) {
    const r = byId.get(unescape(m[1]!));
    if (r) out.push({ id: r.id, from: r.from, to: r.to, points: pathPoints(m[2]!) });
  }
  return out;
}
