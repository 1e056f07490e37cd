// PPV-024: every private target the policy's workloads use is reachable from both delegated subnets,
// judged by the network verifier (src/core/verify) and reported on the item that blocks the flow.
import type { RelatedInfo, Rule } from '../rule';
import { SOURCES, label } from '../analysis/power-platform';
import { anyPeering } from '../analysis/reachability';
import type { Topology } from '../../model/topology';
import { targetKey, type Flow, type Hop } from '../../verify/flow';
import { flowsOf } from '../../verify/verify-design';

export const rule: Rule = {
  meta: {
    id: 'PPV-024',
    title: 'Private targets reachable from both delegated VNets',
    severity: 'error',
    category: 'peering',
    rationale:
      "The environment runs from either delegated subnet, so every private endpoint and on-premises network its connectors use must be reachable from both VNets: through the subnet's NSGs and effective routes, a two-way peering, gateway transit, or a hub appliance whose peerings accept forwarded traffic. Peering is not transitive, a one-way peering carries no traffic, and an NSG rule or a route to None drops it. A target only the primary VNet reaches breaks on failover.",
    fix: 'Open the hop the finding names: peer the delegated VNet with the VNet holding the private endpoint in both directions (or route through a hub appliance with forwarded traffic allowed), let the NSG rule through, fix the route, and connect on-premises networks through a gateway both VNets can use.',
    sources: [SOURCES.overview, SOURCES.peering, SOURCES.nsg],
    checkable: 'static',
  },
  check(t, ctx) {
    // Name resolution is PPV-025's: the DNS flows (a third of all) are not traced for this rule.
    const flows = flowsOf(t, ['privateEndpoint', 'onPremises', 'publicService']);
    const closedReported = new Set<string>();
    // Which (policy, target) pairs some delegated subnet reaches on the network, for the presumed-target check.
    const reached = new Set<string>();
    for (const f of flows) if (networkBlock(f) === undefined) reached.add(`${f.policyId}\0${targetKey(f.target)}`);
    // A service with several private endpoints is lost only when none of them is reachable.
    const groups = new Map<string, Flow[]>();
    for (const f of flows) {
      const key = `${f.policyId}\0${f.sourceSubnetId}\0${f.target.kind === 'privateEndpoint' ? (f.target.serviceId ?? f.target.id) : targetKey(f.target)}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of groups.values()) {
      const blocks = group.map(networkBlock);
      if (blocks.some((b) => b === undefined)) continue;
      const f = group[0]!;
      // Without declared workloads the endpoints are only presumed targets: report the failover asymmetry
      // (#13), an endpoint reachable from one delegated VNet and not the other, not endpoints meant for others.
      if (f.implied && !reached.has(`${f.policyId}\0${targetKey(f.target)}`)) continue;
      const hop = blocks[0]!;
      const policy = t.get(f.policyId, 'enterprisePolicy')!;
      const subnet = t.get(f.sourceSubnetId, 'subnet')!;
      const vnet = f.sourceVnetId === undefined ? undefined : t.get(f.sourceVnetId, 'vnet');
      if (f.target.kind === 'publicService') {
        if (closedReported.has(f.target.id)) continue;
        closedReported.add(f.target.id);
      }
      const target = describeTarget(t, f);
      ctx.report({
        ...(hop.elementId ? { elementId: hop.elementId } : {}),
        ...(hop.relationId ? { relationId: hop.relationId } : {}),
        ...(hop.property ? { property: hop.property } : {}),
        message: f.target.kind === 'publicService'
          ? `${hop.text} No delegated subnet of policy ${label(policy)} can reach it.`
          : `Delegated subnet ${label(subnet)}${vnet ? ` in VNet ${label(vnet)}` : ''} (${f.side}) of policy ${label(policy)} cannot reach ${target}${f.implied ? ', though the other delegated VNet does' : ''}: ${hop.text}`,
        related: related(t, f, group),
      });
    }
  },
};

/** The first hop that blocks a flow on the network (name resolution is PPV-025's). */
function networkBlock(f: Flow): Hop | undefined {
  return f.hops.find((h) => h.verdict === 'blocked' && h.kind !== 'dns');
}

function describeTarget(t: Topology, f: Flow): string {
  const target = f.target;
  if (target.kind === 'privateEndpoint') {
    const service = target.serviceId === undefined ? undefined : t.get(target.serviceId, 'azureService');
    const pe = t.get(target.id, 'privateEndpoint')!;
    return service ? `${label(service)} (private endpoint ${label(pe)})` : `private endpoint ${label(pe)}`;
  }
  if (target.kind === 'onPremises') return `on-premises network ${label(t.get(target.id, 'onPremises')!)}`;
  return 'the target';
}

function related(t: Topology, f: Flow, group: readonly Flow[]): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const g of group) if (g.targetElementId) out.push({ elementId: g.targetElementId, message: `Target of the flow from ${g.sourceSubnetId}.` });
  // A one-way or disabled peering is the usual reason a system route drops the traffic: point at it.
  const target = f.target;
  const peSubnet = target.kind === 'privateEndpoint' ? t.targets(target.id, 'peSubnet', 'subnet')[0] : undefined;
  const targetVnet = peSubnet && t.vnetOf(peSubnet.id);
  if (f.sourceVnetId && targetVnet && anyPeering(t, f.sourceVnetId, targetVnet.id)) {
    for (const r of [t.between('peering', f.sourceVnetId, targetVnet.id), t.between('peering', targetVnet.id, f.sourceVnetId)]) {
      if (r) out.push({ relationId: r.id, message: `Peering ${r.id} exists, but a peering carries traffic only when both directions exist with virtual network access allowed.` });
    }
  }
  const used = target.kind === 'privateEndpoint' ? target.serviceId : target.kind === 'onPremises' || target.kind === 'publicService' ? target.id : undefined;
  if (used !== undefined) {
    const connectors = new Set([...t.sources(used, 'connectorTarget', 'connector'), ...t.sources(used, 'connectorSecret', 'connector')]);
    for (const c of connectors) out.push({ elementId: c.id, message: `Connector ${label(c)} uses it.` });
  }
  return out;
}
