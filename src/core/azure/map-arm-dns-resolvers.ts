// Maps the DNS Private Resolver resources of a subscription snapshot to the design: each resolver in the VNet
// its virtualNetwork names, its inbound (address when static) and outbound endpoints as relations to their
// subnets, and each forwarding ruleset with its rules, the resolvers of its outbound endpoints and its VNet
// links. A reference to something that was not read is a note, never a guess.
import type { Element, ForwardingRule, Relation, RelationOf } from '../model/schema';
import { armKey, armName, parentArmId } from './arm-id';
import { pickArray, pickNumber, pickString, type ArmResource, type ArmSnapshot } from './arm-shapes';
import type { IdAllocator } from './element-ids';

export interface DnsMapContext {
  readonly ids: IdAllocator;
  readonly notes: string[];
  resolve(armId: string | undefined): string | undefined;
  addElement(armId: string, element: Element): void;
  addRelation<R extends Relation>(r: Omit<R, 'id'>): void;
}

const sorted = (list: readonly ArmResource[] | undefined) => [...(list ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
const childrenOf = (list: readonly ArmResource[] | undefined, parentId: string) => sorted(list).filter((c) => armKey(parentArmId(c.id)) === armKey(parentId));

export function mapDnsResolvers(snapshot: ArmSnapshot, c: DnsMapContext): void {
  for (const resolver of sorted(snapshot.dnsResolvers)) {
    const vnetRef = pickString(resolver, 'properties', 'virtualNetwork', 'id');
    const parent = c.resolve(vnetRef);
    if (!parent) {
      c.notes.push(`DNS resolver ${resolver.name}: its VNet ${vnetRef ?? '(unknown)'} was not read, so it is left out with its endpoints.`);
      continue;
    }
    const id = c.ids.allocate(resolver.name);
    c.addElement(resolver.id, { id, kind: 'dnsResolver', name: resolver.name, parent });
    for (const e of childrenOf(snapshot.dnsResolverInboundEndpoints, resolver.id)) {
      const ip = pickArray(e, 'properties', 'ipConfigurations')?.[0];
      const subnetRef = pickString(ip, 'subnet', 'id');
      const subnet = c.resolve(subnetRef);
      if (!subnet) {
        c.notes.push(`DNS resolver ${resolver.name}: inbound endpoint ${e.name} is in subnet ${subnetRef ?? '(unknown)'}, which was not read.`);
        continue;
      }
      // Azure reports the address it chose for a dynamic endpoint too, but the design keeps only a static one.
      const address = pickString(ip, 'privateIpAllocationMethod')?.toLowerCase() === 'static' ? pickString(ip, 'privateIpAddress') : undefined;
      c.addRelation<RelationOf<'resolverInbound'>>({ kind: 'resolverInbound', from: id, to: subnet, endpointName: e.name, ...(address ? { privateIpAddress: address } : {}) });
    }
    for (const e of childrenOf(snapshot.dnsResolverOutboundEndpoints, resolver.id)) {
      const subnetRef = pickString(e, 'properties', 'subnet', 'id');
      const subnet = c.resolve(subnetRef);
      if (subnet) c.addRelation<RelationOf<'resolverOutbound'>>({ kind: 'resolverOutbound', from: id, to: subnet, endpointName: e.name });
      else c.notes.push(`DNS resolver ${resolver.name}: outbound endpoint ${e.name} is in subnet ${subnetRef ?? '(unknown)'}, which was not read.`);
    }
  }
  for (const ruleset of sorted(snapshot.dnsForwardingRulesets)) {
    const rules: ForwardingRule[] = [];
    let unreadable = false;
    for (const raw of childrenOf(snapshot.dnsForwardingRules, ruleset.id)) {
      const rule = forwardingRuleOf(raw);
      if (rule) rules.push(rule);
      else {
        unreadable = true;
        c.notes.push(`DNS forwarding ruleset ${ruleset.name}: rule ${raw.name} could not be read, so the ruleset's rules are left unknown.`);
      }
    }
    const id = c.ids.allocate(ruleset.name);
    c.addElement(ruleset.id, { id, kind: 'dnsForwardingRuleset', name: ruleset.name, ...(ruleset.location ? { region: ruleset.location } : {}), ...(unreadable ? {} : { rules }) });
    const resolvers = new Set<string>();
    for (const ref of pickArray(ruleset, 'properties', 'dnsResolverOutboundEndpoints') ?? []) {
      const endpoint = pickString(ref, 'id');
      const resolver = endpoint === undefined ? undefined : c.resolve(parentArmId(endpoint));
      if (!resolver) c.notes.push(`DNS forwarding ruleset ${ruleset.name} forwards through outbound endpoint ${endpoint ?? '(none)'}, whose resolver was not read.`);
      else if (!resolvers.has(resolver)) {
        resolvers.add(resolver);
        c.addRelation({ kind: 'rulesetOutbound', from: id, to: resolver });
      }
    }
    for (const link of childrenOf(snapshot.dnsForwardingRulesetLinks, ruleset.id)) {
      const vnetRef = pickString(link, 'properties', 'virtualNetwork', 'id');
      const vnet = c.resolve(vnetRef);
      if (vnet) c.addRelation({ kind: 'rulesetLink', from: id, to: vnet });
      else c.notes.push(`DNS forwarding ruleset ${ruleset.name} is linked to VNet ${vnetRef ? armName(vnetRef) : '(none)'}, which was not read.`);
    }
  }
}

function forwardingRuleOf(raw: ArmResource): ForwardingRule | undefined {
  const domainName = pickString(raw, 'properties', 'domainName');
  const state = pickString(raw, 'properties', 'forwardingRuleState');
  const targets = (pickArray(raw, 'properties', 'targetDnsServers') ?? []).map((t) => {
    const ipAddress = pickString(t, 'ipAddress');
    const port = pickNumber(t, 'port');
    return ipAddress === undefined ? undefined : { ipAddress, ...(port !== undefined ? { port } : {}) };
  });
  if (domainName === undefined || targets.length === 0 || targets.some((t) => t === undefined)) return undefined;
  return { name: raw.name, domainName, targetDnsServers: targets as ForwardingRule['targetDnsServers'], ...(state?.toLowerCase() === 'disabled' ? { enabled: false } : {}) };
}
