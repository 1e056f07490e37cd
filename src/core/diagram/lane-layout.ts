// Places a design's elements for the picture: one lane per Azure region (primary left, failover right),
// Power Platform in a column on the left, on-premises on the right, global things (private DNS) in a band
// above; VNets as containers of their subnets and gateways, private endpoints and firewalls inside their
// subnets, and NAT gateways, NSGs and route tables beside the subnet they serve. Pure and deterministic;
// ignores the canvas positions, so the picture of a design is the same whoever arranged the canvas.
import { findGeography } from '../geo/geographies';
import { parentOf, type Design, type Element } from '../model/schema';
import { segmentsCross, type Rect } from './crossings';

export interface PlacedBox extends Rect {
  readonly id: string;
  /** The element box this one is drawn inside (a VNet for its subnets, a subnet for its private endpoints). */
  readonly parent?: string;
  /** Height of the title strip at the top of a box that holds others; edges keep off it. */
  readonly header?: number;
}

export type LaneRole = 'powerPlatform' | 'primary' | 'failover' | 'region' | 'onPremises' | 'global';

export interface Lane extends Rect {
  readonly role: LaneRole;
  readonly title: string;
  readonly header: number;
}

export interface LaneLayout {
  /** Every element's box, containers before what they contain. */
  readonly boxes: readonly PlacedBox[];
  readonly lanes: readonly Lane[];
  /** Relations the picture shows by nesting (a private endpoint inside its subnet) rather than by an edge. */
  readonly nested: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
}

export const NODE_W = 164;
export const NODE_H = 50;
/** Relations that put their `from` element inside a subnet's box, by the kind that may be nested. */
const NESTING_RELATIONS: ReadonlyMap<string, string> = new Map([['peSubnet', 'privateEndpoint'], ['firewallSubnet', 'firewall']]);
const DNS_W = 214;
const SUBNET_W = 190;
const SUBNET_HEADER = 50;
const ATTACH_W = 124;
/** Between a subnet and the NSG or NAT beside it: room for the edge's label. */
const ATTACH_GAP = 62;
const PE_INSET = 20;
const PE_GAP = 12;
const VNET_PAD = 20;
const VNET_HEADER = 46;
const ROW_GAP = 28;
const LANE_PAD = 16;
const LANE_HEADER = 30;
const LANE_GAP = 30;
const NODE_GAP = 30;
/** The most straight lines whose crossings the loose-node ordering counts (the samples have a few dozen). */
const UNTANGLE_CROSSINGS_MAX = 200;

const POWER_PLATFORM_KINDS = new Set<string>(['environment', 'enterprisePolicy', 'connector', 'vnetDataGateway']);
const ATTACHMENT_RELATIONS = new Set<string>(['natAssociation', 'nsgAssociation', 'routeTableAssociation']);
/** Order of the loose nodes in a region lane: what workloads reach first, monitoring last. */
const REGION_ORDER: Readonly<Record<string, number>> = {
  privateEndpoint: 0, azureService: 1, natGateway: 2, nsg: 3, routeTable: 4, logAnalyticsWorkspace: 5, networkWatcher: 6, flowLog: 8,
};

const regionOf = (e: Element): string | undefined => ('region' in e && typeof e.region === 'string' && e.region !== '' ? e.region : undefined);

/** Regions in lane order: each policy's VNets by its geography's pair order, then the rest as they appear. */
function regionOrder(design: Design, byId: ReadonlyMap<string, Element>): string[] {
  const out: string[] = [];
  const add = (r: string | undefined) => {
    if (r !== undefined && !out.includes(r)) out.push(r);
  };
  for (const policy of design.elements) {
    if (policy.kind !== 'enterprisePolicy') continue;
    const pairOrder = findGeography(policy.geography)?.pairs.flat() ?? [];
    const rank = (r: string) => (pairOrder.indexOf(r) < 0 ? 99 : pairOrder.indexOf(r));
    const regions: string[] = [];
    for (const r of design.relations) {
      if (r.kind !== 'policySubnet' || r.from !== policy.id) continue;
      const subnet = byId.get(r.to);
      const vnet = subnet ? byId.get(parentOf(subnet) ?? '') : undefined;
      const region = vnet ? regionOf(vnet) : undefined;
      if (region !== undefined && !regions.includes(region)) regions.push(region);
    }
    regions.sort((a, b) => rank(a) - rank(b)).forEach(add);
  }
  for (const e of design.elements) if (e.kind === 'vnet') add(regionOf(e));
  for (const e of design.elements) add(regionOf(e));
  return out;
}

/** A hub: a VNet holding a gateway, or peered with two or more VNets. It leads its region's lane. */
function isHub(design: Design, vnet: Element): boolean {
  if (design.elements.some((e) => (e.kind === 'vpnGateway' || e.kind === 'expressRouteGateway') && e.parent === vnet.id)) return true;
  const peers = new Set(design.relations.filter((r) => r.kind === 'peering' && (r.from === vnet.id || r.to === vnet.id)).map((r) => (r.from === vnet.id ? r.to : r.from)));
  return peers.size >= 2;
}

interface Block {
  w: number;
  h: number;
  /** Boxes relative to the block's top-left corner. */
  boxes: PlacedBox[];
}

const shift = (b: PlacedBox, dx: number, dy: number): PlacedBox => ({ ...b, x: b.x + dx, y: b.y + dy });

export function layoutLanes(design: Design): LaneLayout {
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const vnetOf = (e: Element) => {
    const p = parentOf(e);
    return p !== undefined && byId.get(p)?.kind === 'vnet' ? p : undefined;
  };

  // Private endpoints and firewalls go inside the first subnet they are placed in; that relation is then
  // the nesting (a firewall drawn beside its hub would need an edge back into its AzureFirewallSubnet).
  const nested = new Set<string>();
  const endpointsIn = new Map<string, Element[]>();
  const nestedIn = new Map<string, string>();
  for (const r of design.relations) {
    const nestedKind = NESTING_RELATIONS.get(r.kind);
    if (!nestedKind || nestedIn.has(r.from)) continue;
    const pe = byId.get(r.from);
    const subnet = byId.get(r.to);
    if (pe?.kind !== nestedKind || subnet?.kind !== 'subnet' || !vnetOf(subnet)) continue;
    nested.add(r.id);
    nestedIn.set(pe.id, subnet.id);
    endpointsIn.set(subnet.id, [...(endpointsIn.get(subnet.id) ?? []), pe]);
  }
  // NAT gateways, NSGs and route tables sit beside the first subnet (in a VNet) they are associated with.
  const attachedTo = new Map<string, string>();
  const attachmentsOf = new Map<string, Element[]>();
  for (const r of design.relations) {
    if (!ATTACHMENT_RELATIONS.has(r.kind) || attachedTo.has(r.from)) continue;
    const a = byId.get(r.from);
    const subnet = byId.get(r.to);
    if (!a || subnet?.kind !== 'subnet' || !vnetOf(subnet)) continue;
    attachedTo.set(a.id, subnet.id);
    attachmentsOf.set(subnet.id, [...(attachmentsOf.get(subnet.id) ?? []), a]);
  }
  const childrenOf = new Map<string, Element[]>();
  for (const e of design.elements) {
    const v = vnetOf(e);
    if (v) childrenOf.set(v, [...(childrenOf.get(v) ?? []), e]);
  }
  // Subnets before gateways, each in design order.
  for (const kids of childrenOf.values()) kids.sort((a, b) => Number(a.kind !== 'subnet') - Number(b.kind !== 'subnet'));

  const vnetBlock = (vnet: Element): Block => {
    const kids = childrenOf.get(vnet.id) ?? [];
    const hasAttachments = kids.some((k) => attachmentsOf.has(k.id));
    const boxes: PlacedBox[] = [];
    const inner: PlacedBox[] = [];
    let y = VNET_HEADER;
    for (const k of kids) {
      const pes = endpointsIn.get(k.id) ?? [];
      const h = pes.length === 0 ? NODE_H : SUBNET_HEADER + pes.length * (NODE_H + PE_GAP) + 4;
      const attachments = attachmentsOf.get(k.id) ?? [];
      const attachH = attachments.length * NODE_H + Math.max(0, attachments.length - 1) * PE_GAP;
      const rowH = Math.max(h, attachH);
      inner.push({ id: k.id, x: VNET_PAD, y, w: SUBNET_W, h, parent: vnet.id, ...(pes.length > 0 ? { header: SUBNET_HEADER - 6 } : {}) });
      pes.forEach((pe, i) => inner.push({ id: pe.id, x: VNET_PAD + PE_INSET, y: y + SUBNET_HEADER + i * (NODE_H + PE_GAP), w: SUBNET_W - 2 * PE_INSET, h: NODE_H, parent: k.id }));
      attachments.forEach((a, i) => inner.push({ id: a.id, x: VNET_PAD + SUBNET_W + ATTACH_GAP, y: y + i * (NODE_H + PE_GAP), w: ATTACH_W, h: NODE_H, parent: vnet.id }));
      y += rowH + ROW_GAP;
    }
    const w = Math.max(250, VNET_PAD * 2 + SUBNET_W + (hasAttachments ? ATTACH_GAP + ATTACH_W : 0));
    const h = kids.length === 0 ? VNET_HEADER + 24 : y - ROW_GAP + VNET_PAD;
    boxes.push({ id: vnet.id, x: 0, y: 0, w, h, header: VNET_HEADER - 6 }, ...inner);
    return { w, h, boxes };
  };

  /** Loose nodes in rows of `cols`. */
  const grid = (nodes: readonly Element[], cols: number, parentW = 0): Block => {
    const widthOf = (e: Element) => (e.kind === 'privateDnsZone' ? DNS_W : NODE_W);
    const cellW = Math.max(...nodes.map(widthOf), NODE_W);
    const boxes = nodes.map((e, i) => ({ id: e.id, x: (i % cols) * (cellW + NODE_GAP), y: Math.floor(i / cols) * (NODE_H + NODE_GAP), w: widthOf(e), h: NODE_H }));
    const usedCols = Math.min(cols, nodes.length);
    const w = Math.max(parentW, usedCols * cellW + Math.max(0, usedCols - 1) * NODE_GAP);
    const rows = Math.ceil(nodes.length / cols);
    return { w, h: rows === 0 ? 0 : rows * NODE_H + (rows - 1) * NODE_GAP, boxes };
  };

  // Which lane each top-level element belongs to.
  const regions = regionOrder(design, byId);
  const flowLogRegion = (e: Element): string | undefined => {
    for (const r of design.relations) {
      if (r.from !== e.id || (r.kind !== 'flowLogTarget' && r.kind !== 'flowLogWatcher')) continue;
      const t = byId.get(r.to);
      const v = t ? byId.get(vnetOf(t) ?? '') ?? t : undefined;
      const region = v ? regionOf(v) : undefined;
      if (region) return region;
    }
    return undefined;
  };
  const powerPlatform: Element[] = [];
  const onPremises: Element[] = [];
  const global: Element[] = [];
  const vnetsIn = new Map<string, Element[]>();
  const looseIn = new Map<string, Element[]>();
  const unknownVnets: Element[] = [];
  for (const e of design.elements) {
    if (vnetOf(e) || nestedIn.has(e.id) || attachedTo.has(e.id)) continue;
    if (POWER_PLATFORM_KINDS.has(e.kind)) powerPlatform.push(e);
    else if (e.kind === 'onPremises') onPremises.push(e);
    else if (e.kind === 'vnet') {
      const region = regionOf(e);
      if (region === undefined) unknownVnets.push(e);
      else vnetsIn.set(region, [...(vnetsIn.get(region) ?? []), e]);
    } else {
      const region = e.kind === 'flowLog' ? flowLogRegion(e) : regionOf(e);
      if (region === undefined) global.push(e);
      else looseIn.set(region, [...(looseIn.get(region) ?? []), e]);
    }
  }
  // The policy on top, its environments under it and what they run below, so the links stay short and apart.
  const rankPP = (e: Element) => ({ enterprisePolicy: 0, environment: 1, connector: 2, vnetDataGateway: 3 })[e.kind as 'environment'] ?? 4;
  powerPlatform.sort((a, b) => rankPP(a) - rankPP(b));
  const flowLogStorage = new Set(design.relations.filter((r) => r.kind === 'flowLogStorage').map((r) => r.to));
  const rankLoose = (e: Element) => (flowLogStorage.has(e.id) ? 7 : REGION_ORDER[e.kind] ?? 5);

  interface LaneSpec {
    role: LaneRole;
    title: string;
    vnets: Element[];
    loose: Element[];
  }
  const specs: LaneSpec[] = [];
  if (powerPlatform.length > 0) specs.push({ role: 'powerPlatform', title: 'Power Platform', vnets: [], loose: powerPlatform });
  regions.forEach((region, i) => {
    const vnets = [...(vnetsIn.get(region) ?? [])].sort((a, b) => Number(isHub(design, b)) - Number(isHub(design, a)));
    const loose = [...(looseIn.get(region) ?? [])].sort((a, b) => rankLoose(a) - rankLoose(b));
    if (vnets.length === 0 && loose.length === 0) return;
    const hasPolicy = design.elements.some((e) => e.kind === 'enterprisePolicy');
    const role: LaneRole = !hasPolicy ? 'region' : i === 0 ? 'primary' : i === 1 ? 'failover' : 'region';
    const title = role === 'primary' ? `Primary region · ${region}` : role === 'failover' ? `Failover region · ${region}` : `Region · ${region}`;
    specs.push({ role, title, vnets, loose });
  });
  if (unknownVnets.length > 0) specs.push({ role: 'region', title: 'Region not set', vnets: unknownVnets, loose: [] });
  if (onPremises.length > 0) specs.push({ role: 'onPremises', title: 'On-premises', vnets: [], loose: onPremises });

  const swappable: string[][] = [];
  const laneBlocks = specs.map((s) => {
    const vnets = s.vnets.map(vnetBlock);
    const innerW = Math.max(NODE_W, ...vnets.map((b) => b.w));
    const cols = s.role === 'powerPlatform' || s.role === 'onPremises' ? 1 : Math.max(1, Math.floor((innerW + NODE_GAP) / (NODE_W + NODE_GAP)));
    const loose = grid(s.loose, cols);
    swappable.push(s.loose.map((e) => e.id));
    const w = Math.max(innerW, loose.w);
    const boxes: PlacedBox[] = [];
    let y = 0;
    for (const b of vnets) {
      boxes.push(...b.boxes.map((x) => shift(x, 0, y)));
      y += b.h + ROW_GAP + 8;
    }
    boxes.push(...loose.boxes.map((x) => shift(x, 0, y)));
    const h = loose.boxes.length > 0 ? y + loose.h : Math.max(0, y - ROW_GAP - 8);
    return { spec: s, w, h, boxes };
  });

  const lanes: Lane[] = [];
  const boxes: PlacedBox[] = [];
  const laneH = Math.max(NODE_H, ...laneBlocks.map((b) => b.h)) + LANE_HEADER + 2 * LANE_PAD;
  let x = 0;
  for (const b of laneBlocks) {
    const w = b.w + 2 * LANE_PAD;
    lanes.push({ role: b.spec.role, title: b.spec.title, x, y: 0, w, h: laneH, header: LANE_HEADER });
    boxes.push(...b.boxes.map((p) => shift(p, x + LANE_PAD, LANE_HEADER + LANE_PAD)));
    x += w + LANE_GAP;
  }
  let height = laneH;
  let width = Math.max(0, x - LANE_GAP);
  if (global.length > 0) {
    // Above the region lanes, which the zones serve alike: their links reach the VNets at the lanes' tops.
    const regional = lanes.filter((l) => l.role !== 'powerPlatform' && l.role !== 'onPremises');
    const left = regional[0]?.x ?? 0;
    const right = regional.length > 0 ? regional[regional.length - 1]!.x + regional[regional.length - 1]!.w : Math.max(width, DNS_W + 2 * LANE_PAD);
    const cols = Math.max(1, Math.floor((right - left - 2 * LANE_PAD + NODE_GAP) / (DNS_W + NODE_GAP)));
    const block = grid(global, cols);
    swappable.push(global.map((e) => e.id));
    const w = Math.max(right - left, block.w + 2 * LANE_PAD);
    const h = block.h + LANE_HEADER + 2 * LANE_PAD;
    const down = h + LANE_GAP;
    for (let i = 0; i < lanes.length; i++) lanes[i] = { ...lanes[i]!, y: lanes[i]!.y + down };
    for (let i = 0; i < boxes.length; i++) boxes[i] = shift(boxes[i]!, 0, down);
    lanes.unshift({ role: 'global', title: 'Global', x: left, y: 0, w, h, header: LANE_HEADER });
    const dx = left + (w - block.w) / 2;
    boxes.push(...block.boxes.map((p) => shift(p, dx, LANE_HEADER + LANE_PAD)));
    height += down;
    width = Math.max(width, left + w);
  }
  untangle(boxes, swappable, design.relations.filter((r) => !nested.has(r.id)));
  // Containers first, then what they hold, so drawing in order paints children on top.
  const depth = (b: PlacedBox): number => (b.parent === undefined ? 0 : 1 + depth(boxes.find((p) => p.id === b.parent)!));
  const ordered = boxes.map((b, i) => ({ b, i, d: depth(b) })).sort((a, b) => a.d - b.d || a.i - b.i).map((o) => o.b);
  return { boxes: ordered, lanes, nested, width, height };
}

/**
 * Reorders the loose nodes of each grid (a lane's services, the Power Platform column, the global band) by
 * swapping places while that lowers the crossings of the edges drawn straight between box centres, then
 * their length (length alone in a large picture): a cheap stand-in for the routed picture that puts linked
 * things next to each other. Each trial swap rescores only the lines at the two boxes it moves.
 */
function untangle(boxes: PlacedBox[], groups: readonly (readonly string[])[], relations: readonly { from: string; to: string }[]): void {
  const index = new Map(boxes.map((b, i) => [b.id, i]));
  const lines = relations.filter((r) => index.has(r.from) && index.has(r.to) && r.from !== r.to).map((r) => [index.get(r.from)!, index.get(r.to)!] as const);
  const centre = (i: number) => ({ x: boxes[i]!.x + boxes[i]!.w / 2, y: boxes[i]!.y + boxes[i]!.h / 2 });
  const touching = new Map<number, number[]>();
  lines.forEach(([a, b], k) => {
    for (const end of new Set([a, b])) touching.set(end, [...(touching.get(end) ?? []), k]);
  });
  // Above this many lines, counting crossings for every trial swap costs lines² per swap (seconds at a few
  // hundred elements); large pictures then order by length alone, and their routing keeps edges apart.
  const byCrossings = lines.length <= UNTANGLE_CROSSINGS_MAX;
  /**
   * The part of the score a swap of boxes p and q can change: the crossings of the lines at either box (each
   * pair once) and their length. Comparing it before and after a swap decides exactly as the whole score would.
   */
  const partScore = (p: number, q: number) => {
    const mine = [...new Set([...(touching.get(p) ?? []), ...(touching.get(q) ?? [])])];
    const isMine = new Set(mine);
    let crossings = 0;
    let length = 0;
    for (const k of mine) {
      const a = centre(lines[k]![0]);
      const b = centre(lines[k]![1]);
      length += Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
      if (!byCrossings) continue;
      for (let o = 0; o < lines.length; o++) {
        if (o === k || (isMine.has(o) && o < k)) continue;
        if (segmentsCross(a, b, centre(lines[o]![0]), centre(lines[o]![1]))) crossings++;
      }
    }
    return crossings * 10_000 + length;
  };
  const swap = (i: number, j: number) => {
    const a = boxes[i]!;
    const b = boxes[j]!;
    boxes[i] = { ...a, x: b.x, y: b.y };
    boxes[j] = { ...b, x: a.x, y: a.y };
  };
  for (let round = 0; round < 6; round++) {
    let improved = false;
    for (const group of groups) {
      const ids = group.map((id) => index.get(id)!);
      for (let p = 0; p < ids.length; p++) {
        for (let q = p + 1; q < ids.length; q++) {
          const before = partScore(ids[p]!, ids[q]!);
          swap(ids[p]!, ids[q]!);
          if (partScore(ids[p]!, ids[q]!) - before < -1e-6) improved = true;
          else swap(ids[p]!, ids[q]!);
        }
      }
    }
    if (!improved) break;
  }
}
