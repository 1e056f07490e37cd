// Counts how tangled a drawn diagram is: edges crossing edges, and edges crossing element boxes other than
// their own ends and the containers around those ends. Pure plane geometry over polylines and rectangles.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DrawnBox extends Rect {
  readonly id: string;
}

export interface DrawnEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The edge as a polyline. */
  readonly points: readonly Point[];
}

export interface CrossingCount {
  /** Proper crossings between segments of two different edges (touching or running along one another is no crossing). */
  readonly edgeEdge: number;
  /** Edge and box pairs where the edge passes through the box's inside. */
  readonly edgeBox: number;
  /** Which edge crosses which box, for a readable test failure. */
  readonly edgeBoxPairs: readonly string[];
}

const EPS = 1e-6;

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Whether segments ab and cd cross at a point inside both (not at an end, not collinear). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

/** Whether segment ab passes through the open inside of r (running along its border is not inside). */
export function segmentEntersRect(a: Point, b: Point, r: Rect): boolean {
  // Liang–Barsky clipping against the open rectangle: a non-empty stretch of the segment strictly inside.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [[-dx, a.x - r.x], [dx, r.x + r.w - a.x], [-dy, a.y - r.y], [dy, r.y + r.h - a.y]];
  for (const [p, q] of edges) {
    if (Math.abs(p) < EPS) {
      if (q <= EPS) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1 - EPS) return false;
  }
  // The stretch must have length: a segment touching a corner is not inside.
  return (t1 - t0) * Math.hypot(dx, dy) > 0.5;
}

function contains(outer: Rect, inner: Rect): boolean {
  return outer.x <= inner.x + EPS && outer.y <= inner.y + EPS && outer.x + outer.w >= inner.x + inner.w - EPS && outer.y + outer.h >= inner.y + inner.h - EPS;
}

function segments(points: readonly Point[]): [Point, Point][] {
  const out: [Point, Point][] = [];
  for (let i = 1; i < points.length; i++) out.push([points[i - 1]!, points[i]!]);
  return out;
}

/**
 * Crossings of a drawn diagram. An edge may pass through its own two boxes and every box that contains one
 * of them (the VNet around a subnet it reaches); any other box it enters counts once.
 */
export function countCrossings(boxes: readonly DrawnBox[], edges: readonly DrawnEdge[]): CrossingCount {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const segs = edges.map((e) => segments(e.points));
  let edgeEdge = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      for (const [a, b] of segs[i]!) for (const [c, d] of segs[j]!) if (segmentsCross(a, b, c, d)) edgeEdge++;
    }
  }
  const edgeBoxPairs: string[] = [];
  edges.forEach((e, i) => {
    const ends = [byId.get(e.from), byId.get(e.to)].filter((b): b is DrawnBox => b !== undefined);
    for (const box of boxes) {
      if (ends.some((end) => contains(box, end))) continue;
      if (segs[i]!.some(([a, b]) => segmentEntersRect(a, b, box))) edgeBoxPairs.push(`${e.id} × ${box.id}`);
    }
  });
  return { edgeEdge, edgeBox: edgeBoxPairs.length, edgeBoxPairs };
}
