// PPV-021: when a workload of the policy needs the internet, each delegated subnet has an egress path.
import { freshId } from '../../model/design-edits';
import type { ElementOf } from '../../model/schema';
import type { Topology } from '../../model/topology';
import type { QuickFix, Rule } from '../rule';
import { SOURCES, delegatedSubnets, label, policyConnectors } from '../analysis/power-platform';

/**
 * Why a connector needs internet egress, if it does. Counted: a host (one that is not a modelled
 * service), unless the connector calls an on-premises network, whose name the host then is, reached
 * through a gateway; a target or secret store that still takes public traffic and has no private
 * endpoint; and Entra ID OAuth. For OAuth Microsoft does not document whether the token request to
 * login.microsoftonline.com leaves from the delegated subnet (domain.md §3.7 [U]); we count it,
 * because if it does and there is no egress, every call fails after linking, and a NAT gateway is
 * what Microsoft recommends for the subnet anyway.
 */
export function internetNeed(t: Topology, c: ElementOf<'connector'>): string | undefined {
  const onPremises = t.targets(c.id, 'connectorTarget', 'onPremises').length > 0;
  if (!onPremises && c.host !== undefined && c.host.trim() !== '') return `calls ${c.host}`;
  for (const s of [...t.targets(c.id, 'connectorTarget', 'azureService'), ...t.targets(c.id, 'connectorSecret', 'azureService')]) {
    if (s.publicNetworkAccess === true && t.incoming(s.id, 'peTarget').length === 0) return `reaches ${label(s)} over its public endpoint`;
  }
  if (c.authKind === 'entraIdOAuth') return 'signs in with Entra ID OAuth (login.microsoftonline.com may be called from the subnet)';
  return undefined;
}

/** A route table sending 0.0.0.0/0 to a firewall or appliance is an egress path too (forced tunnelling). */
function hasApplianceDefaultRoute(t: Topology, subnetId: string): boolean {
  return t.sources(subnetId, 'routeTableAssociation', 'routeTable').some((rt) =>
    (rt.routes ?? []).some((r) => r.addressPrefix.trim() === '0.0.0.0/0' && r.nextHopType === 'VirtualAppliance'),
  );
}

export const rule: Rule = {
  meta: {
    id: 'PPV-021',
    title: 'Internet egress for workloads that need it',
    severity: 'warning',
    category: 'egress',
    rationale:
      'Internet access from the delegated subnet is off by default. Once an environment is linked, plug-ins and connectors that call public endpoints break unless the subnet has an Azure NAT gateway (or a firewall egress path). Each delegated subnet needs its own, since a NAT gateway is regional and failover moves the workload to the other subnet.',
    fix: 'Attach a NAT gateway (Standard, with a public IP) to each delegated subnet, or route 0.0.0.0/0 to a firewall that allows the traffic.',
    sources: [SOURCES.overview, SOURCES.setup, SOURCES.natGateway],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const needs = policyConnectors(t, p.id)
        .map((c) => ({ c, why: internetNeed(t, c) }))
        .filter((n): n is { c: ElementOf<'connector'>; why: string } => n.why !== undefined);
      if (needs.length === 0) continue;
      for (const { subnet, vnet } of delegatedSubnets(t, p.id)) {
        if (t.incoming(subnet.id, 'natAssociation').length > 0 || hasApplianceDefaultRoute(t, subnet.id)) continue;
        const first = needs[0]!;
        ctx.report({
          elementId: subnet.id,
          message: `Delegated subnet ${label(subnet)} has no NAT gateway or firewall route, but connector ${label(first.c)} ${first.why}; internet-bound calls fail once the environment is linked.`,
          related: needs.map((n) => ({ elementId: n.c.id, message: `Connector ${label(n.c)} ${n.why}.` })),
          ...(vnet ? { fixes: [addNatFix(t, subnet, vnet)] } : {}),
        });
      }
    }
  },
};

function addNatFix(t: Topology, subnet: ElementOf<'subnet'>, vnet: ElementOf<'vnet'>): QuickFix {
  const natId = freshId(t.design, `nat-${vnet.id}`);
  const relId = freshId(t.design, `${natId}-${subnet.id}`, new Set([natId]));
  const at = vnet.position ?? { x: 0, y: 0 };
  const nat: ElementOf<'natGateway'> = {
    id: natId,
    kind: 'natGateway',
    name: `ng-${vnet.name}`.slice(0, 80),
    ...(vnet.region !== undefined ? { region: vnet.region } : {}),
    publicIpCount: 1,
    idleTimeoutMinutes: 4,
    position: { x: at.x, y: at.y + (vnet.size?.height ?? 200) + 40 },
  };
  return {
    title: `Add a NAT gateway to ${subnet.name}`,
    edit: { op: 'addElements', elements: [nat], relations: [{ id: relId, kind: 'natAssociation', from: natId, to: subnet.id }] },
  };
}
