// Routes edges as horizontal and vertical runs through the free channels between boxes: a shortest path
// on a grid of tracks beside every box, where bends, crossing an earlier edge and running along one cost
// extra. An edge may pass through the containers around its own ends (the VNet around its subnet), never
// through any other box or a container's title strip. Pure and deterministic.
import type { Point, Rect } from './crossings';

export interface RouteBox extends Rect {
  readonly id: string;
  readonly parent?: string;
  /** Height of the title strip that no edge may cross. */
  readonly header?: number;
}

/** What routing a picture took, for the bench and for anyone asking why a large picture's edges look plainer. */
export interface RouteStats {
  /** Routes whose search ran past its budget and were found by the plain fallback, which ignores the other edges. */
  fallbacks: number;
}

export interface RouteRequest {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
}

/** How far an edge leaves a box straight before it may turn, and how far the tracks beside a box lie. */
const STUB = 12;
const TRACK = 12;
/** Costs, in pixels of length: a bend, crossing another edge, running along one (per step). */
const BEND = 14;
const CROSS = 250;
const ALONG = 24;
const REROUTE_PASSES = 2;
/** A large picture's reroute passes: each costs about as much as the first routing, and most of the gain is in the first. */
const LARGE_REROUTE_PASSES = 1;
/**
 * Above this many edges the picture is large (a generated or estate-wide design, not a hand-drawn one): the
 * search then trades exactness for time, as the shipped samples (at most a few dozen edges) never do.
 * Exact A* explores a tenth of the whole grid per edge there, so the cost grew with edges × grid area.
 */
const LARGE = 80;
/** How much a large picture's search trusts its distance estimate (1 is exact A*): fewer states, near-shortest routes. */
const LARGE_WEIGHT = 1.6;
/**
 * States a large picture's search may take per grid line the edge spans, before it gives up on the crowd costs.
 * Kept small: in a crowded picture nearly every long edge ran past any larger budget (40 per line spent 30M
 * states at 300 elements and still fell back on 673 of 734 searches), so the budget was time lost.
 */
const LARGE_BUDGET = 2;
/** Grid lines spanned past which a large picture's edge skips the budgeted search. */
const LONG_SPAN = 300;
/**
 * The fallback once the budget is spent: a plain shortest path round the boxes that ignores the other edges,
 * whose crowding costs made the search spread over the whole grid, with the estimate weighted so it heads
 * straight for the target.
 */
const FALLBACK_WEIGHT = 1.2;
const SIDES = ['left', 'right', 'top', 'bottom'] as const;
type Side = (typeof SIDES)[number];
const DIRS = [
  { dx: 1, dy: 0 },
  { dx: -1, dy: 0 },
  { dx: 0, dy: 1 },
  { dx: 0, dy: -1 },
] as const;
const OUTWARD: Readonly<Record<Side, number>> = { right: 0, left: 1, bottom: 2, top: 3 };

interface Port {
  readonly side: Side;
  /** On the box's border. */
  readonly at: Point;
  /** Just outside it, on the grid. */
  readonly out: Point;
}

/**
 * Ports along each side: the middle, then a step either way, so edges sharing a box stay apart. A container's
 * long sides get ports all along (below its title strip), so an edge between two VNets can run straight.
 */
function portsOf(b: RouteBox): Port[] {
  const out: Port[] = [];
  for (const side of SIDES) {
    const horizontal = side === 'top' || side === 'bottom';
    const length = horizontal ? b.w : b.h;
    const steps = b.header !== undefined && !horizontal ? Math.floor(length / 2 / 24) : 2;
    const ks = Array.from({ length: 2 * steps + 1 }, (_, i) => (i % 2 === 0 ? i / 2 : -(i + 1) / 2));
    const below = (o: number) => horizontal || b.header === undefined || b.h / 2 + o > b.header + 6;
    const offsets = ks.map((k) => k * (horizontal ? 24 : b.header !== undefined ? 24 : 14)).filter((o) => Math.abs(o) < length / 2 - 6 && below(o));
    for (const o of offsets) {
      const at = side === 'left' ? { x: b.x, y: b.y + b.h / 2 + o }
        : side === 'right' ? { x: b.x + b.w, y: b.y + b.h / 2 + o }
          : side === 'top' ? { x: b.x + b.w / 2 + o, y: b.y } : { x: b.x + b.w / 2 + o, y: b.y + b.h };
      const d = DIRS[OUTWARD[side]]!;
      out.push({ side, at, out: { x: at.x + d.dx * STUB, y: at.y + d.dy * STUB } });
    }
  }
  return out;
}

interface Heap {
  keys: number[];
  vals: number[];
  top: number;
}

function push(h: Heap, key: number, val: number): void {
  let i = h.keys.length;
  h.keys.push(key);
  h.vals.push(val);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (h.keys[p]! <= key) break;
    h.keys[i] = h.keys[p]!;
    h.vals[i] = h.vals[p]!;
    i = p;
  }
  h.keys[i] = key;
  h.vals[i] = val;
}

/** Removes the smallest entry; returns its value, and leaves its key in `h.top`. */
function pop(h: Heap): number {
  const top = h.vals[0]!;
  h.top = h.keys[0]!;
  const key = h.keys.pop()!;
  const val = h.vals.pop()!;
  const n = h.keys.length;
  if (n > 0) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && h.keys[r]! < h.keys[l]! ? r : l;
      if (h.keys[c]! >= key) break;
      h.keys[i] = h.keys[c]!;
      h.vals[i] = h.vals[c]!;
      i = c;
    }
    h.keys[i] = key;
    h.vals[i] = val;
  }
  return top;
}

const round = (n: number) => Math.round(n * 2) / 2;

/**
 * Routes every request; returns each edge's polyline from the border of `from` to the border of `to`.
 * Requests whose ends are missing are left out; an edge that finds no free path is drawn straight.
 */
export function routeEdges(boxes: readonly RouteBox[], requests: readonly RouteRequest[], extraObstacles: readonly Rect[] = [], stats?: RouteStats): Map<string, Point[]> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const ports = new Map(boxes.map((b) => [b.id, portsOf(b)]));
  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  const track = (r: Rect) => {
    for (const d of [TRACK, 2 * TRACK]) {
      xsSet.add(round(r.x - d));
      xsSet.add(round(r.x + r.w + d));
      ysSet.add(round(r.y - d));
      ysSet.add(round(r.y + r.h + d));
    }
  };
  for (const b of boxes) {
    track(b);
    for (const p of ports.get(b.id)!) {
      xsSet.add(round(p.out.x));
      ysSet.add(round(p.out.y));
    }
  }
  for (const r of extraObstacles) track(r);
  // A track on a box's border would draw the edge over the border line: such tracks are dropped.
  const onBorder = (v: number, borders: ReadonlySet<number>) => [...borders].some((b) => Math.abs(b - v) < 4);
  const bordersX = new Set(boxes.flatMap((b) => [b.x, b.x + b.w]));
  const bordersY = new Set(boxes.flatMap((b) => [b.y, b.y + b.h]));
  const portXs = new Set(boxes.flatMap((b) => ports.get(b.id)!.map((p) => round(p.out.x))));
  const portYs = new Set(boxes.flatMap((b) => ports.get(b.id)!.map((p) => round(p.out.y))));
  const xs = [...xsSet].filter((v) => portXs.has(v) || !onBorder(v, bordersX)).sort((a, b) => a - b);
  const ys = [...ysSet].filter((v) => portYs.has(v) || !onBorder(v, bordersY)).sort((a, b) => a - b);
  const X = xs.length;
  const Y = ys.length;
  const N = X * Y;
  const xi = new Map(xs.map((v, i) => [v, i]));
  const yi = new Map(ys.map((v, i) => [v, i]));

  // Obstacles: every box, and every title strip (which no edge crosses, even one inside that container).
  const strips: Rect[] = [...extraObstacles];
  for (const b of boxes) if (b.header) strips.push({ x: b.x, y: b.y, w: b.w, h: b.header });

  // What earlier edges occupy: grid steps run along, and nodes passed straight through (for crossings).
  const stepH = new Uint16Array(N);
  const stepV = new Uint16Array(N);
  const passH = new Uint16Array(N);
  const passV = new Uint16Array(N);
  const portUse = new Map<string, number>();

  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    for (let b = byId.get(id)?.parent; b !== undefined && !out.has(b); b = byId.get(b)?.parent) out.add(b);
    return out;
  };

  // How many obstacles block each node and step: non-zero is blocked.
  const blockedNode = new Int32Array(N);
  const blockedRight = new Int32Array(N);
  const blockedDown = new Int32Array(N);
  /** What an obstacle blocks on the grid (nodes, steps right, steps down): the same for every route, so found once. */
  interface Blocked { readonly node: Int32Array; readonly right: Int32Array; readonly down: Int32Array }
  const blockedBy = (r: Rect): Blocked => {
    const node: number[] = [];
    const right: number[] = [];
    const down: number[] = [];
    const done = (): Blocked => ({ node: Int32Array.from(node), right: Int32Array.from(right), down: Int32Array.from(down) });
    // Grid lines strictly inside r, and steps whose open span overlaps r's.
    const x0 = xs.findIndex((v) => v > r.x - 1e-6);
    const y0 = ys.findIndex((v) => v > r.y - 1e-6);
    if (x0 < 0 || y0 < 0) return done();
    for (let j = y0; j < Y && ys[j]! < r.y + r.h + 1e-6; j++) {
      const insideY = ys[j]! > r.y + 1e-6 && ys[j]! < r.y + r.h - 1e-6;
      for (let i = Math.max(0, x0 - 1); i < X && xs[i]! < r.x + r.w + 1e-6; i++) {
        const insideX = xs[i]! > r.x + 1e-6 && xs[i]! < r.x + r.w - 1e-6;
        const n = j * X + i;
        if (insideX && insideY) node.push(n);
        if (insideY && i + 1 < X && xs[i]! < r.x + r.w - 1e-6 && xs[i + 1]! > r.x + 1e-6) right.push(n);
        if (insideX && j + 1 < Y && ys[j]! < r.y + r.h - 1e-6 && ys[j + 1]! > r.y + 1e-6) down.push(n);
      }
    }
    // A step may start left of or above r's first grid line.
    if (x0 > 0) for (let j = 0; j < Y; j++) if (ys[j]! > r.y + 1e-6 && ys[j]! < r.y + r.h - 1e-6 && xs[x0 - 1]! < r.x + r.w && xs[x0]! > r.x) right.push(j * X + x0 - 1);
    if (y0 > 0) for (let i = 0; i < X; i++) if (xs[i]! > r.x + 1e-6 && xs[i]! < r.x + r.w - 1e-6 && ys[y0 - 1]! < r.y + r.h && ys[y0]! > r.y) down.push((y0 - 1) * X + i);
    return done();
  };
  const eachBox = boxes.map(blockedBy);
  const boxBlocks = new Map(boxes.map((b, i) => [b.id, eachBox[i]!]));
  const blocksOf = new Map<string, Blocked[]>();
  boxes.forEach((b, i) => blocksOf.set(b.id, [...(blocksOf.get(b.id) ?? []), eachBox[i]!]));
  const stripBlocks = strips.map(blockedBy);
  const block = (b: Blocked, sign: 1 | -1) => {
    for (const n of b.node) blockedNode[n]! += sign;
    for (const n of b.right) blockedRight[n]! += sign;
    for (const n of b.down) blockedDown[n]! += sign;
  };
  // Every box and title strip, counted once; a route then lifts only the containers around its ends.
  for (const b of eachBox) block(b, 1);
  for (const b of stripBlocks) block(b, 1);

  // Short edges first: they have the fewest ways round, and long ones can detour around them.
  const manhattan = (r: RouteRequest) => {
    const a = byId.get(r.from)!;
    const b = byId.get(r.to)!;
    return Math.abs(a.x + a.w / 2 - b.x - b.w / 2) + Math.abs(a.y + a.h / 2 - b.y - b.h / 2);
  };

  // Per-route search state, valid only where its stamp is this route's: clearing arrays of four entries per
  // grid node for every route made routing quadratic in the size of the picture.
  const dist = new Float64Array(N * 4);
  const prev = new Int32Array(N * 4);
  const distStamp = new Int32Array(N * 4);
  const hKnown = new Float64Array(N);
  const hStamp = new Int32Array(N);
  let stamp = 0;
  const distOf = (s: number) => (distStamp[s] === stamp ? dist[s]! : Infinity);
  const routeOne = (r: RouteRequest): Routed => {
    // The containers around the ends are lifted for this route only (and the ends' own boxes put back),
    // by changing the counts and undoing the change after, not by copying the whole grid.
    const allowed = new Set([...ancestors(r.from), ...ancestors(r.to)]);
    const lifted: [Blocked, 1 | -1][] = [];
    for (const id of allowed) for (const b of blocksOf.get(id) ?? []) lifted.push([b, -1]);
    // The container around both ends is allowed, but not the boxes of the ends themselves.
    lifted.push([boxBlocks.get(r.from)!, 1], [boxBlocks.get(r.to)!, 1]);
    for (const [b, sign] of lifted) block(b, sign);
    try {
      return search(r);
    } finally {
      for (const [b, sign] of lifted) block(b, sign === 1 ? -1 : 1);
    }
  };
  const large = requests.length > LARGE;
  /** Edges whose search ran out of its budget and took the nearly greedy fallback, for the caller to report. */
  let fallbacks = 0;
  const search = (r: RouteRequest): Routed => {
    if (!large) return searchWith(r, 1, Infinity, true)!;
    const a = byId.get(r.from)!;
    const b = byId.get(r.to)!;
    // The budget grows with the grid rows and columns the edge spans, so a long edge is not cut short.
    const cols = xsBetween(Math.min(a.x, b.x), Math.max(a.x + a.w, b.x + b.w));
    const rows = ysBetween(Math.min(a.y, b.y), Math.max(a.y + a.h, b.y + b.h));
    // An edge spanning most of a tall picture always ran past the budget: it goes to the fallback at once.
    const found = cols + rows > LONG_SPAN ? undefined : searchWith(r, LARGE_WEIGHT, LARGE_BUDGET * (cols + rows + 16), true);
    if (found) return found;
    fallbacks++;
    return searchWith(r, FALLBACK_WEIGHT, Infinity, false)!;
  };
  const between = (vs: readonly number[], lo: number, hi: number) => {
    let n = 0;
    for (const v of vs) if (v >= lo && v <= hi) n++;
    return n;
  };
  const xsBetween = (lo: number, hi: number) => between(xs, lo, hi);
  const ysBetween = (lo: number, hi: number) => between(ys, lo, hi);
  /**
   * A* with the estimate weighted by `weight`, paying for the other edges if `crowd`; undefined when more than
   * `budget` states were taken.
   */
  const searchWith = (r: RouteRequest, weight: number, budget: number, crowd: boolean): Routed | undefined => {

    const sources = ports.get(r.from)!;
    const targets = ports.get(r.to)!;
    const targetAt = new Map<number, Port[]>();
    for (const p of targets) {
      const n = (yi.get(round(p.out.y)) ?? -1) * X + (xi.get(round(p.out.x)) ?? -1);
      if (n >= 0) targetAt.set(n, [...(targetAt.get(n) ?? []), p]);
    }
    // The distance to the nearest target port: asked on every push and pop, so kept per node for this route.
    stamp++;
    const h = (n: number) => {
      if (hStamp[n] === stamp) return hKnown[n]!;
      const x = xs[n % X]!;
      const y = ys[Math.floor(n / X)]!;
      let best = Infinity;
      for (const p of targets) best = Math.min(best, Math.abs(p.out.x - x) + Math.abs(p.out.y - y));
      hStamp[n] = stamp;
      hKnown[n] = best;
      return best;
    };
    const heap: Heap = { keys: [], vals: [], top: 0 };
    const startPort = new Map<number, Port>();
    for (const p of sources) {
      const n = (yi.get(round(p.out.y)) ?? -1) * X + (xi.get(round(p.out.x)) ?? -1);
      if (n < 0 || blockedNode[n]) continue;
      const state = n * 4 + OUTWARD[p.side];
      const cost = STUB + (portUse.get(portKey(r.from, p)) ?? 0) * ALONG + (p.side === 'top' || p.side === 'bottom' ? 2 : 0);
      if (cost < distOf(state)) {
        dist[state] = cost;
        distStamp[state] = stamp;
        prev[state] = -1;
        startPort.set(state, p);
        push(heap, cost + weight * h(n), state);
      }
    }
    let goal = -1;
    let goalPort: Port | undefined;
    let goalCost = Infinity;
    while (heap.keys.length > 0) {
      const state = pop(heap);
      const n = Math.floor(state / 4);
      const dir = state % 4;
      const d = dist[state]!;
      // Every cost is at least its length and h never overestimates, so no entry left (queued by cost + h) can
      // finish cheaper than the best arrival found.
      if (heap.top >= goalCost) break;
      // A stale entry: the state was reached more cheaply after this one was queued.
      if (heap.top > d + weight * h(n) + 1e-6) continue;
      if (--budget < 0) return undefined;
      const here = targetAt.get(n);
      if (here) {
        for (const p of here) {
          // Arrive heading into the box: the last run points at the port.
          const inward = OUTWARD[p.side] ^ 1;
          const cost = d + STUB + (dir === inward ? 0 : BEND * 2) + (portUse.get(portKey(r.to, p)) ?? 0) * ALONG;
          if (cost < goalCost) {
            goalCost = cost;
            goal = state;
            goalPort = p;
          }
        }
      }
      const i = n % X;
      const j = Math.floor(n / X);
      for (let nd = 0; nd < 4; nd++) {
        if (nd === (dir ^ 1)) continue;
        const { dx, dy } = DIRS[nd]!;
        const ni = i + dx;
        const nj = j + dy;
        if (ni < 0 || nj < 0 || ni >= X || nj >= Y) continue;
        const m = nj * X + ni;
        if (blockedNode[m]) continue;
        const horizontal = dy === 0;
        const step = horizontal ? (dx > 0 ? n : m) : dy > 0 ? n : m;
        if (horizontal ? blockedRight[step] : blockedDown[step]) continue;
        const len = horizontal ? Math.abs(xs[ni]! - xs[i]!) : Math.abs(ys[nj]! - ys[j]!);
        let cost = d + len + (nd === dir ? 0 : BEND);
        if (crowd) {
          cost += (horizontal ? stepH[step]! : stepV[step]!) * (ALONG + len * 0.5);
          // Passing a node another edge runs straight through the other way is a crossing.
          if (horizontal ? passV[m] : passH[m]) cost += CROSS;
        }
        const ms = m * 4 + nd;
        if (cost < distOf(ms)) {
          dist[ms] = cost;
          distStamp[ms] = stamp;
          prev[ms] = state;
          push(heap, cost + weight * h(m), ms);
        }
      }
    }
    const from = byId.get(r.from)!;
    const to = byId.get(r.to)!;
    if (goal < 0 || !goalPort) return { points: [{ x: from.x + from.w / 2, y: from.y + from.h / 2 }, { x: to.x + to.w / 2, y: to.y + to.h / 2 }], stepsH: [], stepsV: [], passH: [], passV: [], ports: [] };
    const states: number[] = [];
    for (let s = goal; s >= 0; s = prev[s]!) states.push(s);
    states.reverse();
    const first = startPort.get(states[0]!)!;
    const nodes = states.map((s) => Math.floor(s / 4));
    const routed: Routed = { points: [], stepsH: [], stepsV: [], passH: [], passV: [], ports: [portKey(r.from, first), portKey(r.to, goalPort)] };
    for (let k = 1; k < nodes.length; k++) {
      const a = nodes[k - 1]!;
      const b = nodes[k]!;
      (Math.abs(a - b) === 1 ? routed.stepsH : routed.stepsV).push(Math.min(a, b));
    }
    for (let k = 0; k < nodes.length; k++) {
      const dirIn = k > 0 ? states[k]! % 4 : OUTWARD[first.side];
      const dirOut = k + 1 < nodes.length ? states[k + 1]! % 4 : OUTWARD[goalPort.side] ^ 1;
      if (dirIn < 2 || dirOut < 2) routed.passH.push(nodes[k]!);
      if (dirIn >= 2 || dirOut >= 2) routed.passV.push(nodes[k]!);
    }
    routed.points = simplify([first.at, ...nodes.map((n) => ({ x: xs[n % X]!, y: ys[Math.floor(n / X)]! })), goalPort.at]);
    return routed;
  };

  /** Adds (or, with -1, removes) what an edge occupies, which the edges routed after it pay to cross or share. */
  const occupy = (x: Routed, sign: 1 | -1) => {
    for (const n of x.stepsH) stepH[n]! += sign;
    for (const n of x.stepsV) stepV[n]! += sign;
    for (const n of x.passH) passH[n]! += sign;
    for (const n of x.passV) passV[n]! += sign;
    for (const k of x.ports) portUse.set(k, (portUse.get(k) ?? 0) + sign);
  };

  // A relation and its reverse twin of the same kind (a peering pair) share one route, drawn back the other way.
  const twinOf = new Map<string, RouteRequest>();
  const valid = requests.filter((r) => byId.has(r.from) && byId.has(r.to));
  for (const r of valid) {
    if (twinOf.has(r.id)) continue;
    const twin = valid.find((t) => t !== r && !twinOf.has(t.id) && t.from === r.to && t.to === r.from && t.kind === r.kind);
    if (twin) twinOf.set(twin.id, r);
  }
  const order = valid.filter((r) => !twinOf.has(r.id)).map((r, i) => ({ r, i, d: manhattan(r) })).sort((a, b) => a.d - b.d || a.i - b.i);

  /** Whether an edge crosses another (passes straight through a node another passes the other way) or shares a step. */
  const tangled = (x: Routed): boolean => {
    const ownH = new Set(x.passH);
    const ownV = new Set(x.passV);
    for (const n of x.passH) if (passV[n]! > (ownV.has(n) ? 1 : 0)) return true;
    for (const n of x.passV) if (passH[n]! > (ownH.has(n) ? 1 : 0)) return true;
    return x.stepsH.some((n) => stepH[n]! > 1) || x.stepsV.some((n) => stepV[n]! > 1);
  };
  const routed = new Map<string, Routed>();
  for (const { r } of order) {
    const x = routeOne(r);
    occupy(x, 1);
    routed.set(r.id, x);
  }
  // Rip up and reroute: each edge again, now that it sees every other edge and not only the earlier ones.
  for (let pass = 0; pass < (large ? LARGE_REROUTE_PASSES : REROUTE_PASSES); pass++) {
    for (const { r } of order) {
      // A large picture reroutes only the edges that cross or share a run with another: the rest would find
      // the same route again, and rerouting them all made each pass as slow as the first.
      if (large && !tangled(routed.get(r.id)!)) continue;
      occupy(routed.get(r.id)!, -1);
      const x = routeOne(r);
      occupy(x, 1);
      routed.set(r.id, x);
    }
  }
  if (stats) stats.fallbacks += fallbacks;
  const out = new Map([...routed].map(([id, x]) => [id, x.points]));
  for (const [id, r] of twinOf) out.set(id, [...out.get(r.id)!].reverse());
  return out;
}

interface Routed {
  points: Point[];
  /** Grid steps (by their left or upper node) and nodes passed, along each axis. */
  stepsH: number[];
  stepsV: number[];
  passH: number[];
  passV: number[];
  ports: string[];
}

const portKey = (id: string, p: Port) => `${id}:${p.side}:${p.at.x},${p.at.y}`;

/** Drops repeated points and the middle of three points on one line. */
function simplify(pts: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-6 && Math.abs(last.y - p.y) < 1e-6) continue;
    const before = out[out.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < 1e-6 && Math.abs(last.x - p.x) < 1e-6) || (Math.abs(before.y - last.y) < 1e-6 && Math.abs(last.y - p.y) < 1e-6))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
