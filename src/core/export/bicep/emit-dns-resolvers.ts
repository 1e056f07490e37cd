// The DNS resolver section of main.bicep: each DNS private resolver in its VNet with its inbound and outbound
// endpoints (child resources, each in its delegated subnet), then each DNS forwarding ruleset with its
// forwarding rules and virtual network links (child resources of the ruleset).
import { dnsResolverPlans } from '../dns-resolver-plan';
import { comments, expr, obj, resource } from './bicep-writer';
import type { BicepSectionContext } from './section-context';

export const DNS_RESOLVER_API = '2025-05-01';

/** What the section borrows from the main emitter: symbols, parameters and the VNets' and subnets' handles. */
export interface BicepDnsResolverContext extends BicepSectionContext {
  /** Location parameter of each VNet. */
  readonly locationOf: ReadonlyMap<string, string>;
  /** Handle (an `existing` subnet resource) of each subnet an endpoint uses. */
  readonly subnetRef: ReadonlyMap<string, string>;
  /** Name parameter of each VNet: a link is named after the VNet as deployed, as the private DNS zones' links are. */
  readonly nameOf: ReadonlyMap<string, string>;
}

export function emitDnsResolversBicep(c: BicepDnsResolverContext): string[] {
  const { resolvers, rulesets, skipped } = dnsResolverPlans(c.plan.topology);
  const body: string[] = [];
  const endpointSymbol = new Map<string, string>();
  const subnetId = (subnet: { id: string }) => expr(`${c.subnetRef.get(subnet.id)!}.id`);
  for (const r of resolvers) {
    const rs = c.symbolOf(r.resolver.id);
    const location = expr(c.locationOf.get(r.vnet.id)!);
    body.push(resource(rs, `Microsoft.Network/dnsResolvers@${DNS_RESOLVER_API}`, obj(
      ['name', expr(c.nameParam(r.resolver, 'DNS private resolver'))],
      ['location', location],
      ['properties', obj(['virtualNetwork', obj(['id', expr(`${c.symbolOf(r.vnet.id)}.id`)])])],
    ), { lead: comments('A DNS private resolver serves the VNet it is in (one resolver per VNet); each endpoint needs a subnet of its own, delegated to Microsoft.Network/dnsResolvers.') }));
    for (const e of r.inbound) {
      const ip = e.relation.privateIpAddress;
      body.push(resource(c.take(e.relation.id), `Microsoft.Network/dnsResolvers/inboundEndpoints@${DNS_RESOLVER_API}`, obj(
        ['parent', expr(rs)],
        ['name', e.name],
        ['location', location],
        ['properties', obj(['ipConfigurations', [obj(
          ['privateIpAllocationMethod', ip === undefined ? 'Dynamic' : 'Static'],
          ['privateIpAddress', ip],
          ['subnet', obj(['id', subnetId(e.subnet)])],
        )]])],
      )));
    }
    for (const e of r.outbound) {
      const symbol = c.take(e.relation.id);
      endpointSymbol.set(e.relation.id, symbol);
      body.push(resource(symbol, `Microsoft.Network/dnsResolvers/outboundEndpoints@${DNS_RESOLVER_API}`, obj(
        ['parent', expr(rs)],
        ['name', e.name],
        ['location', location],
        ['properties', obj(['subnet', obj(['id', subnetId(e.subnet)])])],
      )));
    }
  }
  for (const p of rulesets) {
    const rs = c.symbolOf(p.ruleset.id);
    body.push(resource(rs, `Microsoft.Network/dnsForwardingRulesets@${DNS_RESOLVER_API}`, obj(
      ['name', expr(c.nameParam(p.ruleset, 'DNS forwarding ruleset'))],
      ['location', expr(c.locationParam(p.ruleset, 'DNS forwarding ruleset'))],
      ['properties', obj(['dnsResolverOutboundEndpoints', p.outbound.map((e) => obj(['id', expr(`${endpointSymbol.get(e.relation.id)!}.id`)]))])],
    )));
    (p.ruleset.rules ?? []).forEach((rule, i) => {
      body.push(resource(c.take(p.ruleset.id, 'rule', String(i + 1)), `Microsoft.Network/dnsForwardingRulesets/forwardingRules@${DNS_RESOLVER_API}`, obj(
        ['parent', expr(rs)],
        ['name', rule.name],
        ['properties', obj(
          ['domainName', rule.domainName],
          ['forwardingRuleState', rule.enabled === false ? 'Disabled' : 'Enabled'],
          ['targetDnsServers', rule.targetDnsServers.map((s) => obj(['ipAddress', s.ipAddress], ['port', s.port ?? 53]))],
        )],
      )));
    });
    for (const link of p.links) {
      body.push(resource(c.take(link.relation.id), `Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks@${DNS_RESOLVER_API}`, obj(
        ['parent', expr(rs)],
        ['name', expr(`'link-\${${c.nameOf.get(link.vnet.id)!}}'`)],
        ['properties', obj(['virtualNetwork', obj(['id', expr(`${c.symbolOf(link.vnet.id)}.id`)])])],
      )));
    }
  }
  if (skipped.length > 0) {
    body.push(comments(`Not exported: ${skipped.map((e) => `"${e.id}"`).join(', ')}: a resolver needs its VNet, and a ruleset a resolver with an outbound endpoint, in the design.`));
  }
  return body;
}
