// PPV-050: each endpoint of a DNS private resolver sits in a subnet of the resolver's VNet that is delegated
// to Microsoft.Network/dnsResolvers and holds nothing else (no second endpoint, no Power Platform delegation,
// private endpoint, gateway or data gateway).
import { DNS_RESOLVER_DELEGATION } from '../../model/kinds';
import { endpointSubnets } from '../../model/dns-resolvers';
import type { Rule } from '../rule';
import { DNS_RESOLVER_SOURCES } from '../analysis/dns-resolver';
import { label } from '../analysis/power-platform';

const isResolverDelegation = (d: string) => d.toLowerCase() === DNS_RESOLVER_DELEGATION.toLowerCase();

export const rule: Rule = {
  meta: {
    id: 'PPV-050',
    title: 'DNS resolver endpoint subnets are delegated and dedicated',
    severity: 'error',
    category: 'dns',
    rationale:
      "Each inbound and outbound endpoint of an Azure DNS Private Resolver requires a dedicated subnet in the resolver's virtual network, with no other service in it, delegated only to Microsoft.Network/dnsResolvers. A subnet can't be shared between endpoints, so the inbound and the outbound endpoint never share one, and an endpoint's subnet must be within the virtual network the resolver references.",
    fix: 'Give each endpoint its own subnet in the resolver\'s VNet (a /28 is enough), delegated to Microsoft.Network/dnsResolvers, and move everything else out of it.',
    sources: [DNS_RESOLVER_SOURCES.overview, DNS_RESOLVER_SOURCES.rulesets],
    checkable: 'static',
  },
  check(t, ctx) {
    const endpoints = endpointSubnets(t);
    const bySubnet = new Map<string, typeof endpoints>();
    for (const e of endpoints) bySubnet.set(e.subnet.id, [...(bySubnet.get(e.subnet.id) ?? []), e]);
    for (const [, list] of bySubnet) {
      const { subnet, resolver, relation } = list[0]!;
      const what = `DNS private resolver ${label(resolver)}'s ${relation.kind === 'resolverInbound' ? 'inbound' : 'outbound'} endpoint`;
      if (subnet.parent !== resolver.parent) {
        ctx.report({ relationId: relation.id, message: `Subnet ${label(subnet)} of ${what} is not in the resolver's VNet; an endpoint's subnet must be within the virtual network the resolver references.` });
      }
      if (list.length > 1) {
        ctx.report({
          elementId: subnet.id,
          message: `Subnet ${label(subnet)} holds ${list.length} DNS resolver endpoints; a subnet can be used by a single endpoint, so the inbound and outbound endpoints need a subnet each.`,
          related: list.map((e) => ({ relationId: e.relation.id, message: `${e.relation.kind === 'resolverInbound' ? 'Inbound' : 'Outbound'} endpoint of ${label(e.resolver)}.` })),
        });
      }
      // Unknown delegations (an IaC value the reader could not follow) are not a finding.
      const delegations = subnet.delegations;
      if (delegations !== undefined && !delegations.some(isResolverDelegation)) {
        ctx.report({
          elementId: subnet.id,
          property: 'delegations',
          message: `Subnet ${label(subnet)} hosts ${what} but is not delegated to ${DNS_RESOLVER_DELEGATION}; the endpoint cannot be created there.`,
          related: [{ relationId: relation.id, message: `${what} is placed in this subnet.` }],
          ...(delegations.length === 0 ? { fixes: [{ title: `Delegate to ${DNS_RESOLVER_DELEGATION}`, edit: { op: 'updateElement', id: subnet.id, set: { delegations: [DNS_RESOLVER_DELEGATION] } } }] } : {}),
        });
      }
      const others = [
        ...(delegations ?? []).filter((d) => !isResolverDelegation(d)).map((d) => `a delegation to ${d}`),
        ...t.sources(subnet.id, 'policySubnet').map((p) => `enterprise policy ${label(p)}`),
        ...t.sources(subnet.id, 'peSubnet').map((pe) => `private endpoint ${label(pe)}`),
        ...t.sources(subnet.id, 'dataGatewaySubnet').map((g) => `VNet data gateway ${label(g)}`),
        ...(subnet.name === 'GatewaySubnet' ? ['the VNet gateway'] : []),
      ];
      if (others.length > 0) {
        ctx.report({ elementId: subnet.id, message: `Subnet ${label(subnet)} hosts ${what} and also ${others.join(', ')}; a DNS resolver endpoint needs a dedicated subnet with no other service in it.` });
      }
    }
  },
};
