// PPV-024: every private target the policy's workloads use is reachable from both delegated subnets.
import type { Rule } from '../rule';
import { SOURCES, delegatedSubnets, label, policyConnectors, policyServices } from '../analysis/power-platform';
import { privateEndpointVnet, subnetReachesVnet, vnetReachesOnPremises } from '../analysis/reachability';

export const rule: Rule = {
  meta: {
    id: 'PPV-024',
    title: 'Private targets reachable from both delegated VNets',
    severity: 'error',
    category: 'peering',
    rationale:
      "The environment runs from either delegated subnet, so every private endpoint and on-premises network its connectors use must be reachable from both VNets: in the same VNet, through a two-way peering, or through a hub whose appliance forwards the traffic. Peering is not transitive, and a one-way peering carries no traffic. A target only the primary VNet reaches breaks on failover.",
    fix: 'Peer the delegated VNet with the VNet holding the private endpoint in both directions (or route through a hub firewall with forwarded traffic allowed), and connect on-premises networks through a gateway both VNets can use.',
    sources: [SOURCES.overview, SOURCES.peering],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      // One delegated subnet per VNet is enough to judge: reachability is a property of the VNet's peerings
      // (plus the subnet's route table for hub transit, so the first subnet of a VNet speaks for it).
      const subnets = delegatedSubnets(t, p.id).filter((d, i, all) => all.findIndex((o) => o.vnet?.id === d.vnet?.id) === i);
      if (subnets.length === 0) continue;
      for (const { service, connectors } of policyServices(t, p.id)) {
        const pes = t.sources(service.id, 'peTarget', 'privateEndpoint');
        const users = connectors.map((c) => ({ elementId: c.id, message: `Connector ${label(c)} uses ${label(service)}.` }));
        if (pes.length === 0) {
          if (service.publicNetworkAccess === false) {
            ctx.report({
              elementId: service.id,
              property: 'publicNetworkAccess',
              message: `${label(service)} has public access disabled and no private endpoint, so no delegated subnet of policy ${label(p)} can reach it.`,
              related: users,
            });
          }
          continue;
        }
        for (const { subnet, vnet } of subnets) {
          if (!vnet) continue;
          const located = pes.map((pe) => ({ pe, at: privateEndpointVnet(t, pe) })).filter((x) => x.at !== undefined);
          if (located.length < pes.length) continue; // a private endpoint without a known subnet: cannot judge
          if (located.some((x) => subnetReachesVnet(t, subnet, x.at!.id))) continue;
          ctx.report({
            elementId: vnet.id,
            message: `${label(service)} is reached through private endpoint(s) in ${[...new Set(located.map((x) => label(x.at!)))].join(', ')}, which delegated subnet ${label(subnet)} in VNet ${label(vnet)} cannot reach (no two-way peering); policy ${label(p)} loses it on failover.`,
            related: [...located.map((x) => ({ elementId: x.pe.id, message: `Private endpoint ${label(x.pe)} is in VNet ${label(x.at!)}.` })), ...users],
          });
        }
      }
      for (const c of policyConnectors(t, p.id)) {
        for (const onPrem of t.targets(c.id, 'connectorTarget', 'onPremises')) {
          for (const { vnet } of subnets) {
            if (!vnet || vnetReachesOnPremises(t, vnet.id, onPrem.id)) continue;
            ctx.report({
              elementId: vnet.id,
              message: `Connector ${label(c)} calls on-premises network ${label(onPrem)}, which VNet ${label(vnet)} of policy ${label(p)} cannot reach (no gateway of its own, and no peering that uses a hub's gateway).`,
              related: [{ elementId: onPrem.id, message: `On-premises network ${label(onPrem)}.` }, { elementId: c.id, message: `Connector ${label(c)} calls it.` }],
            });
          }
        }
      }
    }
  },
};
