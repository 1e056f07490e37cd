// PPV-053: a delegated VNet whose private endpoint names are resolved through custom DNS (a resolver's
// inbound endpoint) or a forwarding ruleset resolves each zone its workloads need somewhere: the verifier's
// DNS hop is not blocked. Azure-provided DNS without forwarding is PPV-025's.
import { forwardingRuleFor } from '../../model/dns-resolvers';
import type { Rule } from '../rule';
import { DNS_RESOLVER_SOURCES } from '../analysis/dns-resolver';
import { SOURCES, label, usesCustomDns } from '../analysis/power-platform';
import { endpointZone } from '../../verify/dns';
import { flowsOf } from '../../verify/verify-design';

export const rule: Rule = {
  meta: {
    id: 'PPV-053',
    title: 'Custom DNS and forwarding resolve the private endpoint zones',
    severity: 'error',
    category: 'dns',
    rationale:
      "Private DNS zones are not resolved when custom DNS servers are configured on a VNet: the query goes where the servers send it. A DNS private resolver's inbound endpoint answers with Azure DNS of the resolver's own VNet, so the zones must be linked to that VNet (or forwarded on by a ruleset linked there); a forwarding rule sends its domain to its target servers, which must be reachable from the outbound endpoint and answer the zone. Otherwise Power Platform resolves the private endpoint to its public address, which is closed, and calls fail.",
    fix: "Link the private endpoint's zone to the VNet of the resolver that answers, point the delegated VNets' DNS servers at the inbound endpoint, or fix the forwarding rule (its target, and the network path from the outbound endpoint to it).",
    sources: [DNS_RESOLVER_SOURCES.privateZones, DNS_RESOLVER_SOURCES.overview, SOURCES.peDns],
    checkable: 'static',
  },
  check(t, ctx) {
    // The same flows PPV-024 reads (one memoised trace per topology).
    const seen = new Set<string>();
    for (const f of flowsOf(t, ['privateEndpoint', 'onPremises', 'publicService'])) {
      if (f.target.kind !== 'privateEndpoint' || f.sourceVnetId === undefined) continue;
      const vnet = t.get(f.sourceVnetId, 'vnet');
      const hop = f.hops.find((h) => h.kind === 'dns');
      if (!vnet || hop?.verdict !== 'blocked') continue;
      const pe = t.get(f.target.id, 'privateEndpoint')!;
      const service = f.target.serviceId === undefined ? undefined : t.get(f.target.serviceId, 'azureService');
      const { zone, expected } = endpointZone(t, pe, service);
      const name = zone?.name ?? expected;
      const forwarded = name !== undefined && forwardingRuleFor(t, vnet.id, name).match !== undefined;
      if (!usesCustomDns(vnet) && !forwarded) continue;
      const key = `${vnet.id}\0${pe.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({
        ...(hop.elementId ? { elementId: hop.elementId } : { elementId: vnet.id }),
        ...(hop.property ? { property: hop.property } : {}),
        message: `Delegated VNet ${label(vnet)} (${f.side}) resolves private endpoint ${label(pe)}${usesCustomDns(vnet) ? ` through custom DNS ${vnet.dnsServers![0]}` : ' through a forwarding rule'}, but the name resolves nowhere privately: ${hop.text}`,
        related: [{ elementId: vnet.id, message: `Delegated VNet ${label(vnet)}.` }, { elementId: pe.id, message: `Private endpoint ${label(pe)}.` }],
      });
    }
  },
};
