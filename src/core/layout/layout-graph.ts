// Pure auto-layout plumbing shared by the webview (elk in a worker, measured sizes) and the host
// (elk in Node, estimated sizes): design → ELK graph JSON, and ELK's answer → one batch of element moves.
import type { ElementMove } from '../model/design-edits';
import { findGeography } from '../geo/geographies';
import { parentOf, type Design, type Element } from '../model/schema';

/** The subset of ELK's JSON graph format we produce and read back (kept local so core needs no elkjs types). */
export interface LayoutNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: LayoutNode[];
  edges?: LayoutEdge[];
}

export interface LayoutEdge {
  id: string;
  sources: string[];
  targets: string[];
  layoutOptions?: Record<string, string>;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Sizes of leaf nodes as drawn; the webview passes what React Flow measured, the host passes estimates. */
export type SizeOf = (element: Element) => Size | undefined;

export const DEFAULT_NODE_SIZE: Size = { width: 200, height: 76 };
/** Room at the top of a VNet container for its title row, and around its children. */
export const VNET_PADDING = { top: 64, left: 20, bottom: 20, right: 20 } as const;
export const EMPTY_VNET_SIZE: Size = { width: 320, height: 160 };

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Edges from policies, NSGs and NAT gateways end on subnets inside VNets: lay the hierarchy out as one graph.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '60',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Keep the primary VNet before its failover twin within their layer.
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
};

const VNET_OPTIONS: Record<string, string> = {
  'elk.padding': `[top=${VNET_PADDING.top},left=${VNET_PADDING.left},bottom=${VNET_PADDING.bottom},right=${VNET_PADDING.right}]`,
  'elk.spacing.nodeNode': '24',
};

/**
 * Builds the ELK graph of a design: VNets are compound nodes holding their subnets and gateways. The
 * VNets of one enterprise policy are listed in their geography's pair order, and a layout-only edge
 * from each primary to its failover puts the paired regions side by side, the failover one layer to
 * the right with its own NAT gateway and NSG between the two. Peerings are left out of the layering:
 * the pair edge stands for the pair's peering, and a hub's peerings would drag every spoke around.
 */
export function buildLayoutGraph(design: Design, sizeOf: SizeOf = () => undefined): LayoutNode {
  const children = new Map<string, Element[]>();
  for (const e of design.elements) {
    const p = parentOf(e);
    if (p !== undefined) (children.get(p) ?? children.set(p, []).get(p)!).push(e);
  }
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const top = design.elements.filter((e) => {
    const p = parentOf(e);
    return p === undefined || !byId.has(p);
  });
  const leaf = (e: Element): LayoutNode => {
    const s = sizeOf(e) ?? DEFAULT_NODE_SIZE;
    return { id: e.id, width: s.width, height: s.height };
  };
  const { rank, pairs } = vnetOrder(design);
  const ordered = [...top].sort((a, b) => orderKey(a, rank) - orderKey(b, rank));
  const nodes: LayoutNode[] = ordered.map((e) => {
    if (e.kind !== 'vnet') return leaf(e);
    const kids = children.get(e.id) ?? [];
    if (kids.length === 0) {
      const s = EMPTY_VNET_SIZE;
      return { id: e.id, width: s.width, height: s.height };
    }
    return { id: e.id, layoutOptions: { ...VNET_OPTIONS }, children: kids.map(leaf) };
  });
  const present = new Set(design.elements.map((e) => e.id));
  const edges: LayoutEdge[] = design.relations
    .filter((r) => r.kind !== 'peering' && present.has(r.from) && present.has(r.to))
    .map((r) => ({ id: r.id, sources: [r.from], targets: [r.to] }));
  for (const [primary, failover] of pairs) edges.push({
    id: `${PAIR_EDGE_PREFIX}${primary}->${failover}`, sources: [primary], targets: [failover],
    // Keep the twins level with each other, as a map of two regions would show them.
    layoutOptions: { 'elk.layered.priority.straightness': '100' },
  });
  return { id: 'root', layoutOptions: { ...ROOT_OPTIONS }, children: nodes, edges };
}

/** Ids of the layout-only edges that join a primary VNet to its failover twin (not relations of the design). */
export const PAIR_EDGE_PREFIX = 'layout-pair:';

/**
 * VNets in policy order, each policy's VNets in the pair order of its geography (primary first), and
 * each policy's consecutive (primary, failover) VNet pairs.
 */
function vnetOrder(design: Design): { rank: Map<string, number>; pairs: [string, string][] } {
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const rank = new Map<string, number>();
  const pairs: [string, string][] = [];
  const paired = new Set<string>();
  let next = 0;
  for (const policy of design.elements) {
    if (policy.kind !== 'enterprisePolicy') continue;
    const geo = findGeography(policy.geography);
    const regionRank = (region: string | undefined) => {
      const i = geo?.pairs.flat().indexOf(region ?? '') ?? -1;
      return i < 0 ? 99 : i;
    };
    const vnets = new Set<Element>();
    for (const r of design.relations) {
      if (r.kind !== 'policySubnet' || r.from !== policy.id) continue;
      const subnet = byId.get(r.to);
      const vnet = subnet ? byId.get(parentOf(subnet) ?? '') : undefined;
      if (vnet?.kind === 'vnet') vnets.add(vnet);
    }
    const sorted = [...vnets].sort((a, b) => regionRank(a.kind === 'vnet' ? a.region : undefined) - regionRank(b.kind === 'vnet' ? b.region : undefined));
    for (const v of sorted) if (!rank.has(v.id)) rank.set(v.id, next++);
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const key = `${sorted[i]!.id}->${sorted[i + 1]!.id}`;
      if (!paired.has(key)) {
        paired.add(key);
        pairs.push([sorted[i]!.id, sorted[i + 1]!.id]);
      }
    }
  }
  return { rank, pairs };
}

const KIND_ORDER: Partial<Record<Element['kind'], number>> = { environment: 0, connector: 1, enterprisePolicy: 2, vnet: 3 };

function orderKey(e: Element, vnetRank: Map<string, number>): number {
  const kind = KIND_ORDER[e.kind] ?? 4;
  const within = e.kind === 'vnet' ? vnetRank.get(e.id) ?? 500 : 0;
  return kind * 1000 + within;
}

/**
 * Reads ELK's laid-out graph back as element moves: top-level positions are absolute, children's
 * positions are relative to their VNet (as the design stores them), and VNets get their new size.
 */
export function movesFromLayout(design: Design, laidOut: LayoutNode): ElementMove[] {
  const known = new Map(design.elements.map((e) => [e.id, e]));
  const moves: ElementMove[] = [];
  const visit = (node: LayoutNode) => {
    const e = known.get(node.id);
    if (e && node.x !== undefined && node.y !== undefined) {
      const position = { x: Math.round(node.x), y: Math.round(node.y) };
      if (e.kind === 'vnet' && node.width !== undefined && node.height !== undefined) {
        moves.push({ id: e.id, position, size: { width: Math.round(node.width), height: Math.round(node.height) } });
      } else {
        moves.push({ id: e.id, position });
      }
    }
    for (const c of node.children ?? []) visit(c);
  };
  for (const c of laidOut.children ?? []) visit(c);
  return moves;
}
