// Design + findings → React Flow nodes and edges. Pure; node data objects are reused while an element
// and its findings are unchanged, so memoised node components skip re-rendering on unrelated edits.
import type { Edge, Node } from 'reactflow';
import { dataPolicySummary, kindLabelOf, relationLabel } from '../../src/core/model/labels';
import { parentOf, type Design, type Element, type Relation } from '../../src/core/model/schema';
import type { Finding, Severity } from '../../src/core/rules/rule';
import type { Verdict } from '../../src/core/verify/flow';
import { DEFAULT_NODE_SIZE, EMPTY_VNET_SIZE } from '../../src/core/layout/layout-graph';

export interface FindingSummary {
  readonly count: number;
  readonly worst: Severity;
}

export interface ElementNodeData {
  readonly element: Element;
  readonly kindLabel: string;
  readonly keyProperty?: string;
  readonly findings?: FindingSummary;
  /** Set on the element that decided the flow chosen in the Connectivity panel (canvas/path-highlight.ts). */
  readonly pathMark?: { readonly verdict: Verdict; readonly reason: string };
}

export interface RelationEdgeData {
  readonly relation: Relation;
  readonly findings?: FindingSummary;
}

export type ElementFlowNode = Node<ElementNodeData>;
export type RelationFlowEdge = Edge<RelationEdgeData>;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function summarizeFindings(findings: readonly Finding[]): { elements: Map<string, FindingSummary>; relations: Map<string, FindingSummary> } {
  const elements = new Map<string, FindingSummary>();
  const relations = new Map<string, FindingSummary>();
  const add = (map: Map<string, FindingSummary>, id: string, s: Severity) => {
    const prev = map.get(id);
    map.set(id, { count: (prev?.count ?? 0) + 1, worst: prev && SEVERITY_RANK[prev.worst] <= SEVERITY_RANK[s] ? prev.worst : s });
  };
  for (const f of findings) {
    if (f.elementId !== undefined) add(elements, f.elementId, f.severity);
    else if (f.relationId !== undefined) add(relations, f.relationId, f.severity);
  }
  return { elements, relations };
}

/** The one property worth showing on the node face for each kind. */
export function keyPropertyOf(e: Element): string | undefined {
  switch (e.kind) {
    case 'environment': return [e.geography, e.environmentType, e.managed ? 'managed' : undefined].filter(Boolean).join(' · ') || undefined;
    case 'enterprisePolicy': return e.geography ? `geography ${e.geography}` : undefined;
    case 'vnet': return [e.region, ...(e.addressSpaces ?? [])].filter(Boolean).join(' · ') || undefined;
    case 'subnet': return [e.addressPrefix, e.delegations?.length ? 'delegated' : undefined].filter(Boolean).join(' · ') || undefined;
    case 'natGateway': case 'nsg': case 'routeTable': return e.region;
    case 'vpnGateway': case 'expressRouteGateway': return e.sku;
    case 'onPremises': return e.addressSpaces?.join(', ');
    case 'privateEndpoint': return e.groupId;
    case 'privateDnsZone': return undefined;
    case 'azureService': return [e.serviceType === 'other' ? e.resourceType : undefined, e.region, e.publicNetworkAccess ? 'public access' : undefined].filter(Boolean).join(' · ') || undefined;
    case 'connector': return [e.connectorType, e.authKind].filter(Boolean).join(' · ') || undefined;
    case 'vnetDataGateway': return e.memberCount !== undefined ? `${e.memberCount} members` : 'admin center';
    case 'networkWatcher': case 'logAnalyticsWorkspace': return e.region;
    case 'flowLog': return e.retentionDays !== undefined ? `retention ${e.retentionDays} d` : undefined;
    case 'dnsResolver': return undefined;
    case 'dnsForwardingRuleset': return e.rules !== undefined ? `${e.rules.length} forwarding rule${e.rules.length === 1 ? '' : 's'}` : e.region;
    case 'firewall': return [e.appliance === 'nva' ? 'NVA' : e.skuTier, e.privateIpAddress].filter(Boolean).join(' · ') || undefined;
    case 'dataPolicy': return dataPolicySummary(e) || undefined;
  }
}

// The labels are the core's one vocabulary; the inspector imports kindLabelOf from here.
export { kindLabelOf, relationLabel } from '../../src/core/model/labels';

/** Where an element without a stored position is drawn: a simple grid, children stacked inside their VNet. */
function fallbackPosition(index: number, nested: boolean): { x: number; y: number } {
  if (nested) return { x: 20, y: 64 + index * (DEFAULT_NODE_SIZE.height + 16) };
  return { x: (index % 5) * (DEFAULT_NODE_SIZE.width + 60), y: Math.floor(index / 5) * (DEFAULT_NODE_SIZE.height + 80) };
}

export function vnetSizeOf(e: Element, childCount: number): { width: number; height: number } {
  if (e.kind === 'vnet' && e.size) return e.size;
  if (childCount === 0) return EMPTY_VNET_SIZE;
  return { width: DEFAULT_NODE_SIZE.width + 40, height: 64 + childCount * (DEFAULT_NODE_SIZE.height + 16) + 8 };
}

export interface FlowCache {
  readonly data: Map<string, { key: string; data: ElementNodeData }>;
}

export function newFlowCache(): FlowCache {
  return { data: new Map() };
}

export interface ToFlowOptions {
  readonly selected?: ReadonlySet<string>;
  readonly cache?: FlowCache;
  /** Sizes React Flow measured; nodes not measured yet get their expected size. */
  readonly measured?: ReadonlyMap<string, { readonly width: number; readonly height: number }>;
}

/** Maps the design to React Flow nodes (VNets first: React Flow needs parents before children) and edges. */
export function designToFlow(design: Design, findings: readonly Finding[], options: ToFlowOptions = {}): { nodes: ElementFlowNode[]; edges: RelationFlowEdge[] } {
  const summary = summarizeFindings(findings);
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const childCount = new Map<string, number>();
  for (const e of design.elements) {
    const p = parentOf(e);
    if (p !== undefined) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  }
  const selected = options.selected ?? new Set<string>();
  const nodes: ElementFlowNode[] = [];
  const later: ElementFlowNode[] = [];
  const nestedIndex = new Map<string, number>();
  let topIndex = 0;
  const liveCache = new Map<string, { key: string; data: ElementNodeData }>();
  for (const e of design.elements) {
    const p = parentOf(e);
    const nested = p !== undefined && byId.get(p)?.kind === 'vnet';
    const idx = nested ? nestedIndex.get(p!) ?? 0 : topIndex++;
    if (nested) nestedIndex.set(p!, idx + 1);
    const data = nodeData(e, summary.elements.get(e.id), options.cache, liveCache);
    const node: ElementFlowNode = {
      id: e.id,
      type: e.kind === 'vnet' ? 'vnet' : 'element',
      position: e.position ?? fallbackPosition(idx, nested),
      data,
      selected: selected.has(e.id),
      ariaLabel: `${data.kindLabel} ${e.name}`,
    };
    // Every node carries a size from the start: React Flow then renders only the nodes in view (it renders
    // every node it has no size for, to measure it), and can fit the view to nodes it has never drawn.
    const measured = options.measured?.get(e.id);
    if (e.kind === 'vnet') {
      const size = vnetSizeOf(e, childCount.get(e.id) ?? 0);
      node.style = { width: size.width, height: size.height };
      node.zIndex = -1;
      node.width = size.width;
      node.height = size.height;
      nodes.push(node);
      continue;
    }
    node.width = measured?.width ?? DEFAULT_NODE_SIZE.width;
    node.height = measured?.height ?? DEFAULT_NODE_SIZE.height;
    if (nested) {
      node.parentNode = p;
      node.extent = 'parent';
      later.push(node);
    } else {
      later.push(node);
    }
  }
  if (options.cache) {
    options.cache.data.clear();
    for (const [k, v] of liveCache) options.cache.data.set(k, v);
  }
  const edges: RelationFlowEdge[] = [];
  for (const r of design.relations) {
    if (!byId.has(r.from) || !byId.has(r.to)) continue;
    const f = summary.relations.get(r.id);
    edges.push({
      id: r.id,
      source: r.from,
      target: r.to,
      label: relationLabel(r),
      data: { relation: r, ...(f ? { findings: f } : {}) },
      selected: selected.has(r.id),
      className: f ? `relation-edge severity-${f.worst}` : 'relation-edge',
      // Read aloud as "Env One linked policy-one": element names, not ids.
      ariaLabel: `${byId.get(r.from)!.name} ${relationLabel(r)} ${byId.get(r.to)!.name}`,
    });
  }
  return { nodes: [...nodes, ...later], edges };
}

function nodeData(
  e: Element,
  findings: FindingSummary | undefined,
  cache: FlowCache | undefined,
  live: Map<string, { key: string; data: ElementNodeData }>,
): ElementNodeData {
  // Position and size are not drawn inside the node, so moving a node keeps its data (and render) cached.
  const { position: _p, ...shape } = e as Element & { size?: unknown };
  if (shape.kind === 'vnet') delete (shape as { size?: unknown }).size;
  const key = JSON.stringify(shape) + (findings ? `|${findings.count}${findings.worst}` : '');
  const hit = cache?.data.get(e.id);
  const data = hit && hit.key === key
    ? hit.data
    : { element: e, kindLabel: kindLabelOf(e), keyProperty: keyPropertyOf(e), ...(findings ? { findings } : {}) };
  live.set(e.id, { key, data });
  return data;
}
