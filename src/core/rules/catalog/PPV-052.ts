// PPV-052: a DNS forwarding ruleset forwards through an outbound endpoint, holds at most 25 rules, and is
// linked only to VNets of its own region (rulesets are regional).
import type { Rule } from '../rule';
import { DNS_RESOLVER_SOURCES, MAX_FORWARDING_RULES } from '../analysis/dns-resolver';
import { label } from '../analysis/power-platform';

export const rule: Rule = {
  meta: {
    id: 'PPV-052',
    title: 'Forwarding rulesets use an outbound endpoint, hold ≤ 25 rules and link VNets of their region',
    severity: 'error',
    category: 'dns',
    rationale:
      "A DNS forwarding ruleset is associated with the outbound endpoints that carry its queries to the target DNS servers; without one it forwards nothing. Rulesets can have up to 25 rules. DNS forwarding rulesets are regional: a ruleset can't be linked to a VNet in another region, so a delegated VNet in the pair region needs a ruleset (and resolver) of its own region.",
    fix: "Connect the ruleset to a resolver that has an outbound endpoint, keep to 25 rules, and link it only to VNets in the ruleset's region (give the other region its own resolver and ruleset).",
    sources: [DNS_RESOLVER_SOURCES.overview, DNS_RESOLVER_SOURCES.rulesets],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const ruleset of t.all('dnsForwardingRuleset')) {
      const resolvers = t.targets(ruleset.id, 'rulesetOutbound', 'dnsResolver');
      if (!resolvers.some((r) => t.outgoing(r.id, 'resolverOutbound').length > 0)) {
        ctx.report({ elementId: ruleset.id, message: `DNS forwarding ruleset ${label(ruleset)} forwards through no outbound endpoint${resolvers.length ? ` (${resolvers.map(label).join(', ')} has none)` : ''}; connect it to a resolver with an outbound endpoint.` });
      }
      if (ruleset.rules && ruleset.rules.length > MAX_FORWARDING_RULES) {
        ctx.report({ elementId: ruleset.id, property: 'rules', message: `DNS forwarding ruleset ${label(ruleset)} has ${ruleset.rules.length} rules; a ruleset can have up to ${MAX_FORWARDING_RULES}.` });
      }
      // The ruleset's region: its own, else that of the VNet its resolvers (and outbound endpoints) are in.
      const region = ruleset.region ?? resolvers.map((r) => t.get(r.parent, 'vnet')?.region).find((x) => x !== undefined);
      if (region === undefined) continue;
      for (const link of t.outgoing(ruleset.id, 'rulesetLink')) {
        const vnet = t.get(link.to, 'vnet');
        if (!vnet?.region || vnet.region.toLowerCase() === region.toLowerCase()) continue;
        ctx.report({ relationId: link.id, message: `DNS forwarding ruleset ${label(ruleset)} (${region}) is linked to VNet ${label(vnet)} in ${vnet.region}; a ruleset can't be linked to a VNet in another region.` });
      }
      for (const r of resolvers) {
        const vnet = t.get(r.parent, 'vnet');
        if (!vnet?.region || vnet.region.toLowerCase() === region.toLowerCase()) continue;
        ctx.report({ elementId: ruleset.id, property: 'region', message: `DNS forwarding ruleset ${label(ruleset)} is in ${region} but forwards through DNS private resolver ${label(r)} in ${vnet.region}; a ruleset and its outbound endpoints are in one region.` });
      }
    }
  },
};
