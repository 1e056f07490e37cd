// What the DNS resolver sections of both exporters deploy: each resolver in its VNet with its inbound and
// outbound endpoints (one per subnet), and each forwarding ruleset with the outbound endpoints it uses, its
// rules and its VNet links. A resolver without a VNet, or a ruleset without an outbound endpoint, cannot be
// deployed and is listed in `skipped` so the export says so.
import type { ElementOf, RelationOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { derivedEndpointName, uniqueAzureNames } from './azure-names';
import { byId } from './by-id';

export interface EndpointPlan<K extends 'resolverInbound' | 'resolverOutbound'> {
  readonly relation: RelationOf<K>;
  readonly subnet: ElementOf<'subnet'>;
  /** The endpoint's Azure name: as designed, else derived from the subnet it sits in (valid, unique in its resolver). */
  readonly name: string;
}

export interface ResolverPlan {
  readonly resolver: ElementOf<'dnsResolver'>;
  readonly vnet: ElementOf<'vnet'>;
  readonly inbound: EndpointPlan<'resolverInbound'>[];
  readonly outbound: EndpointPlan<'resolverOutbound'>[];
}

export interface RulesetPlan {
  readonly ruleset: ElementOf<'dnsForwardingRuleset'>;
  /** The outbound endpoints of the resolvers the ruleset forwards through. */
  readonly outbound: EndpointPlan<'resolverOutbound'>[];
  readonly links: { readonly relation: RelationOf<'rulesetLink'>; readonly vnet: ElementOf<'vnet'> }[];
}

export interface DnsResolverPlans {
  readonly resolvers: ResolverPlan[];
  readonly rulesets: RulesetPlan[];
  readonly skipped: (ElementOf<'dnsResolver'> | ElementOf<'dnsForwardingRuleset'>)[];
}

/** "in-"/"out-" and the subnet's name, made valid; as is when it already was, so it wins a clash. */
function defaultName(prefix: string, subnetName: string): { name: string; asIs: boolean } {
  const name = derivedEndpointName(prefix, subnetName);
  return { name, asIs: name === `${prefix}-${subnetName}` };
}

function endpoints<K extends 'resolverInbound' | 'resolverOutbound'>(t: Topology, resolverId: string, kind: K): EndpointPlan<K>[] {
  const relations: readonly (RelationOf<'resolverInbound'> | RelationOf<'resolverOutbound'>)[] = t.outgoing(resolverId, kind);
  const placed = byId(relations).flatMap((relation) => {
    const subnet = t.get(relation.to, 'subnet');
    return subnet ? [{ relation, subnet }] : [];
  });
  // A designed name is the user's and stays; a made-up one is a child resource name, so it must follow the
  // endpoint naming rules (a subnet may be called "DNS (in)") and not collide with a sibling's.
  const names = uniqueAzureNames(placed.map(({ relation, subnet }) => relation.endpointName !== undefined
    ? { name: relation.endpointName, asIs: true }
    : defaultName(kind === 'resolverInbound' ? 'in' : 'out', subnet.name)));
  return placed.map(({ relation, subnet }, i) => ({ relation: relation as RelationOf<K>, subnet, name: names[i]! }));
}

export function dnsResolverPlans(t: Topology): DnsResolverPlans {
  const skipped: DnsResolverPlans['skipped'] = [];
  const resolvers: ResolverPlan[] = [];
  for (const resolver of byId(t.all('dnsResolver'))) {
    const vnet = t.get(resolver.parent, 'vnet');
    if (!vnet) {
      skipped.push(resolver);
      continue;
    }
    resolvers.push({ resolver, vnet, inbound: endpoints(t, resolver.id, 'resolverInbound'), outbound: endpoints(t, resolver.id, 'resolverOutbound') });
  }
  const deployed = new Map(resolvers.map((r) => [r.resolver.id, r]));
  const rulesets: RulesetPlan[] = [];
  for (const ruleset of byId(t.all('dnsForwardingRuleset'))) {
    const outbound = byId(t.outgoing(ruleset.id, 'rulesetOutbound')).flatMap((r) => deployed.get(r.to)?.outbound ?? []);
    if (outbound.length === 0) {
      skipped.push(ruleset);
      continue;
    }
    const links = byId(t.outgoing(ruleset.id, 'rulesetLink')).flatMap((relation) => {
      const vnet = t.get(relation.to, 'vnet');
      return vnet ? [{ relation, vnet }] : [];
    });
    rulesets.push({ ruleset, outbound, links });
  }
  return { resolvers, rulesets, skipped };
}
