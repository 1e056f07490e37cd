// Reads the drawn geometry back out of a rendered diagram SVG (element boxes, edge paths), so crossing
// counts measure the picture a reader sees rather than the renderer's own idea of it.
import { flattenQuadratic, type DrawnBox, type DrawnEdge, type Point } from '../../../src/core/diagram/crossings';
import type { Design } from '../../../src/core/model/schema';

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The first rect of every element group is its box. */
export function drawnBoxes(svg: string): DrawnBox[] {
  const out: DrawnBox[] = [];
  const re = /<g class="ppv-element" data-id="([^"]*)"[^>]*>\s*<rect [^>]*?x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g;
  for (const m of svg.matchAll(re)) out.push({ id: unescape(m[1]!), x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]) });
  return out;
}

/** Parses the M, L, H, V and Q commands (absolute) of a path's d into a polyline. */
export function pathPoints(d: string): Point[] {
  const tokens = d.match(/[MLHVQ]|-?\d+(?:\.\d+)?/g) ?? [];
  const pts: Point[] = [];
  let i = 0;
  let cur: Point = { x: 0, y: 0 };
  const n = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const cmd = tokens[i++]!;
    if (cmd === 'M' || cmd === 'L') cur = { x: n(), y: n() };
    else if (cmd === 'H') cur = { x: n(), y: cur.y };
    else if (cmd === 'V') cur = { x: cur.x, y: n() };
    else if (cmd === 'Q') {
      const c = { x: n(), y: n() };
      const b = { x: n(), y: n() };
      pts.push(...flattenQuadratic(cur, c, b).slice(1, -1));
      cur = b;
    } else throw new Error(`unexpected path command ${cmd} in ${d}`);
    pts.push(cur);
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
