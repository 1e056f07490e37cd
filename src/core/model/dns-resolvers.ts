// What the design says about Azure DNS Private Resolvers: each resolver's inbound and outbound endpoints
// (its relations to their subnets), the rulesets linked to a VNet, and the rule that matches a domain.
import type { ElementOf, ForwardingRule, RelationOf } from './schema';
import type { Topology } from './topology';

export interface InboundEndpoint {
  readonly resolver: ElementOf<'dnsResolver'>;
  readonly relation: RelationOf<'resolverInbound'>;
  readonly subnet: ElementOf<'subnet'> | undefined;
}

export function inboundEndpoints(t: Topology): InboundEndpoint[] {
  return t.relations('resolverInbound').flatMap((relation) => {
    const resolver = t.get(relation.from, 'dnsResolver');
    return resolver ? [{ resolver, relation, subnet: t.get(relation.to, 'subnet') }] : [];
  });
}

/** Every subnet an endpoint of a resolver sits in, with the endpoint's direction. */
export function endpointSubnets(t: Topology): { subnet: ElementOf<'subnet'>; resolver: ElementOf<'dnsResolver'>; relation: RelationOf<'resolverInbound'> | RelationOf<'resolverOutbound'> }[] {
  return [...t.relations('resolverInbound'), ...t.relations('resolverOutbound')].flatMap((relation) => {
    const resolver = t.get(relation.from, 'dnsResolver');
    const subnet = t.get(relation.to, 'subnet');
    return resolver && subnet ? [{ subnet, resolver, relation }] : [];
  });
}

/** The trailing dot is how Azure writes a rule's domain; names compare without it and without case. */
export function normalDomain(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** Whether a forwarding rule for `domain` applies to a query for `name` (the name or any name under it). */
export function domainCovers(domain: string, name: string): boolean {
  const d = normalDomain(domain);
  const n = normalDomain(name);
  return d === '' || n === d || n.endsWith(`.${d}`);
}

export interface RuleMatch {
  readonly ruleset: ElementOf<'dnsForwardingRuleset'>;
  readonly rule: ForwardingRule;
  readonly index: number;
}

/**
 * The enabled rule that answers a query for `name` in a VNet: over every ruleset linked to it, the rule with
 * the longest matching domain wins (Azure picks the most specific rule). `unknown` when a linked ruleset's
 * rules are not known, since one of them might match.
 */
export function forwardingRuleFor(t: Topology, vnetId: string, name: string): { match?: RuleMatch; unknownRuleset?: ElementOf<'dnsForwardingRuleset'> } {
  let best: RuleMatch | undefined;
  for (const ruleset of t.sources(vnetId, 'rulesetLink', 'dnsForwardingRuleset')) {
    if (ruleset.rules === undefined) return { unknownRuleset: ruleset };
    ruleset.rules.forEach((rule, index) => {
      if (rule.enabled === false || !domainCovers(rule.domainName, name)) return;
      if (!best || normalDomain(rule.domainName).length > normalDomain(best.rule.domainName).length) best = { ruleset, rule, index };
    });
  }
  return best ? { match: best } : {};
}
