// The Connectivity panel's view of the verifier's flows: one row per policy and target with the primary
// and failover verdicts side by side, and for a chosen flow the ids its path crosses on the canvas.
import type { Design } from '../../src/core/model/schema';
import { targetKey, type Flow, type FlowTarget, type Hop, type Side, type Verdict } from '../../src/core/verify/flow';

/** One side of a row: the flow shown for it (the worst, when several delegated subnets serve that side). */
export interface FlowCell {
  readonly flowId: string;
  readonly side: Side;
  readonly verdict: Verdict;
  /** How many flows the side has (one per delegated subnet on that side). */
  readonly flows: number;
  /** The hops in the order the packet crosses them, read out under the table (the canvas path alone is not heard). */
  readonly hops: readonly Hop[];
  /** The deciding hop of a blocked or unknown flow. */
  readonly deciding?: Hop;
  /** Elements and relations on the path: source subnet and VNet, every hop's element or relation, the target, and the edges between them. */
  readonly path: ReadonlySet<string>;
}

export interface FlowRow {
  /** Stable across edits: `${policyId}->${targetKey}`. */
  readonly key: string;
  readonly policyName: string;
  readonly targetName: string;
  readonly primary?: FlowCell;
  readonly failover?: FlowCell;
}

/** Icon and word for a verdict, so it reads without colour (and aloud). */
export const VERDICT_MARK: Record<Verdict, { readonly icon: string; readonly word: string }> = {
  reachable: { icon: '✓', word: 'reachable' },
  blocked: { icon: '✕', word: 'blocked' },
  unknown: { icon: '?', word: 'unknown' },
};

const RANK: Record<Verdict, number> = { blocked: 0, unknown: 1, reachable: 2 };

export function flowRows(design: Design, flows: readonly Flow[]): FlowRow[] {
  const names = new Map(design.elements.map((e) => [e.id, e.name]));
  const groups = new Map<string, { policyId: string; target: FlowTarget; primary: Flow[]; failover: Flow[] }>();
  for (const f of flows) {
    const key = `${f.policyId}->${targetKey(f.target)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { policyId: f.policyId, target: f.target, primary: [], failover: [] }));
    g[f.side].push(f);
  }
  return [...groups].map(([key, g]) => ({
    key,
    policyName: names.get(g.policyId) ?? g.policyId,
    targetName: targetName(g.target, names),
    ...(g.primary.length ? { primary: cellOf(g.primary, design) } : {}),
    ...(g.failover.length ? { failover: cellOf(g.failover, design) } : {}),
  }));
}

/** How many flows have each verdict, for the panel's header. */
export function verdictCounts(flows: readonly Flow[]): Record<Verdict, number> {
  const out = { reachable: 0, blocked: 0, unknown: 0 };
  for (const f of flows) out[f.verdict]++;
  return out;
}

export function findCell(rows: readonly FlowRow[], flowId: string | undefined): FlowCell | undefined {
  if (flowId === undefined) return undefined;
  for (const r of rows) {
    if (r.primary?.flowId === flowId) return r.primary;
    if (r.failover?.flowId === flowId) return r.failover;
  }
  return undefined;
}

/** The element or relation a "Go to" on the deciding hop selects: an NSG rule's NSG, a route's route table. */
export function decidingTarget(cell: FlowCell): string | undefined {
  return cell.deciding?.elementId ?? cell.deciding?.relationId;
}

function cellOf(flows: readonly Flow[], design: Design): FlowCell {
  // Stable sort: among equals the verifier's order (subnet order in the design) is kept.
  const worst = [...flows].sort((a, b) => RANK[a.verdict] - RANK[b.verdict])[0]!;
  return {
    flowId: worst.id,
    side: worst.side,
    verdict: worst.verdict,
    flows: flows.length,
    hops: worst.hops,
    ...(worst.deciding ? { deciding: worst.deciding } : {}),
    path: pathOf(worst, design),
  };
}

function pathOf(f: Flow, design: Design): Set<string> {
  const ids = new Set<string>([f.sourceSubnetId]);
  if (f.sourceVnetId) ids.add(f.sourceVnetId);
  for (const h of f.hops) {
    if (h.elementId) ids.add(h.elementId);
    if (h.relationId) ids.add(h.relationId);
  }
  if (f.targetElementId) ids.add(f.targetElementId);
  // Hops name elements, rarely the relations that join them: an edge between two path elements is on the path too.
  for (const r of design.relations) if (ids.has(r.from) && ids.has(r.to)) ids.add(r.id);
  return ids;
}

function targetName(t: FlowTarget, names: ReadonlyMap<string, string>): string {
  switch (t.kind) {
    case 'privateEndpoint':
    case 'publicService':
    case 'onPremises':
      return names.get(t.id) ?? t.id;
    case 'internet':
      return `${t.host} (via ${names.get(t.connectorId) ?? t.connectorId})`;
    case 'dns':
      return `DNS ${t.server}`;
  }
}
