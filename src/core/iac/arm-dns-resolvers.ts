// Maps the ARM-shaped DNS resolver resources to the design: Microsoft.Network/dnsResolvers (in the VNet its
// virtualNetwork names), its inboundEndpoints/outboundEndpoints (relations to their subnets), and
// dnsForwardingRulesets with their forwardingRules and virtualNetworkLinks. Called from arm-mapping.ts.
import type { ForwardingRule } from '../model/schema';
import { field, read, type DesignBuilder, type Draft } from './design-builder';
import type { IacResource } from './iac-resource';
import { items, num, str } from './iac-value';

const symbolOf = (r: IacResource) => r.key.split('.').pop() ?? r.key;
/** A child declared without `parent:` is named '<parent>/<child>'. */
function childName(r: IacResource): { value: string | undefined; at: IacResource['at'] | undefined; parent?: string } {
  const raw = read(r.body, ['name'], str);
  const slash = raw.value?.indexOf('/') ?? -1;
  return slash > 0 ? { value: raw.value!.slice(slash + 1), at: raw.at, parent: raw.value!.slice(0, slash) } : raw;
}
function parentOf(r: IacResource, b: DesignBuilder, kind: 'dnsResolver' | 'dnsForwardingRuleset'): Draft | undefined {
  const el = (r.parentKey ? b.element(r.parentKey) : undefined) ?? b.named(kind, childName(r).parent);
  return el?.kind === kind ? el : undefined;
}

/** Phase 1 for rulesets (they need nothing else); true when the resource was one. */
export function armRulesetElements(r: IacResource, b: DesignBuilder): boolean {
  if (r.type.toLowerCase() !== 'microsoft.network/dnsforwardingrulesets') return false;
  // Rules are child resources: the ruleset starts with none and each child adds its rule (phase 1c).
  b.addElement(r.key, 'dnsForwardingRuleset', read(r.body, ['name'], str), symbolOf(r), r.at, { region: read(r.body, ['location'], str), rules: { value: [], at: r.at } });
  return true;
}

/** Phase 1c: resolvers (they need their VNet) and forwarding rules (added to their ruleset); true when the resource was one. */
export function armDnsResolverChildren(r: IacResource, b: DesignBuilder, unplaced: (what: string) => void): boolean {
  const props = field(r.body, 'properties')?.value;
  switch (r.type.toLowerCase()) {
    case 'microsoft.network/dnsresolvers': {
      const vnet = b.resolve(field(props, 'virtualNetwork', 'id')?.value, ['vnet']);
      if (!vnet) unplaced('DNS resolver');
      else b.addElement(r.key, 'dnsResolver', read(r.body, ['name'], str), symbolOf(r), r.at, {}, vnet.id);
      return true;
    }
    case 'microsoft.network/dnsforwardingrulesets/forwardingrules': {
      const ruleset = parentOf(r, b, 'dnsForwardingRuleset');
      if (!ruleset) return true;
      const rule = forwardingRuleOf(r);
      // One rule we cannot read makes the whole rule set unknown.
      if (rule && Array.isArray(ruleset.rules)) ruleset.rules = [...(ruleset.rules as ForwardingRule[]), rule];
      else delete ruleset.rules;
      return true;
    }
  }
  return false;
}

/** The rule a forwardingRules resource declares; undefined when it cannot be read (the Azure import notes which). */
export function forwardingRuleOf(r: IacResource): ForwardingRule | undefined {
  return forwardingRule(childName(r).value, field(r.body, 'properties')?.value);
}

function forwardingRule(name: string | undefined, props: Parameters<typeof field>[0]): ForwardingRule | undefined {
  const domainName = str(field(props, 'domainName')?.value);
  const state = str(field(props, 'forwardingRuleState')?.value);
  const targets = items(field(props, 'targetDnsServers')?.value)?.map((t) => {
    const ipAddress = str(field(t, 'ipAddress')?.value);
    const port = field(t, 'port');
    const p = num(port?.value);
    return ipAddress === undefined || (port !== undefined && p === undefined) ? undefined : { ipAddress, ...(p !== undefined ? { port: p } : {}) };
  });
  // A rule forwards to at least one server; an empty list is not a rule the design can hold.
  if (name === undefined || domainName === undefined || !targets || targets.length === 0 || targets.some((t) => t === undefined)) return undefined;
  if (state !== undefined && state.toLowerCase() !== 'enabled' && state.toLowerCase() !== 'disabled') return undefined;
  return { name, domainName, targetDnsServers: targets as ForwardingRule['targetDnsServers'], ...(state?.toLowerCase() === 'disabled' ? { enabled: false } : {}) };
}

/** Phase 1d: an outbound endpoint stands for its resolver, so a ruleset's reference to it finds the resolver. */
export function armDnsEndpoints(r: IacResource, b: DesignBuilder): void {
  if (r.type.toLowerCase() !== 'microsoft.network/dnsresolvers/outboundendpoints') return;
  const resolver = parentOf(r, b, 'dnsResolver');
  if (resolver) b.alias(r.key, resolver);
}

/** Phase 2 for resolver types; true when the resource was one. */
export function armDnsResolverRelations(r: IacResource, b: DesignBuilder): boolean {
  const props = field(r.body, 'properties')?.value;
  switch (r.type.toLowerCase()) {
    case 'microsoft.network/dnsresolvers/inboundendpoints': {
      const ip = field(props, 'ipConfigurations', 0)?.value;
      const subnet = field(ip, 'subnet', 'id');
      const name = childName(r);
      // A dynamic endpoint's address is Azure's choice: only a static one is a known address.
      const method = str(field(ip, 'privateIpAllocationMethod')?.value)?.toLowerCase();
      b.addRelation('resolverInbound', parentOf(r, b, 'dnsResolver'), b.resolve(subnet?.value, ['subnet']), r.key, r.at, {
        endpointName: { value: name.value, at: name.at },
        ...(method === 'static' ? { privateIpAddress: read(ip, ['privateIpAddress'], str) } : {}),
      });
      return true;
    }
    case 'microsoft.network/dnsresolvers/outboundendpoints': {
      const subnet = field(props, 'subnet', 'id');
      const name = childName(r);
      b.addRelation('resolverOutbound', parentOf(r, b, 'dnsResolver'), b.resolve(subnet?.value, ['subnet']), `${r.key}.subnet`, r.at, { endpointName: { value: name.value, at: name.at } });
      return true;
    }
    case 'microsoft.network/dnsforwardingrulesets': {
      const self = b.element(r.key);
      for (const [i, e] of (items(field(props, 'dnsResolverOutboundEndpoints')?.value) ?? []).entries()) {
        const id = field(e, 'id');
        b.addRelation('rulesetOutbound', self, b.resolve(id?.value, ['dnsResolver']), `${r.key}.outbound-${i}`, id?.at);
      }
      return true;
    }
    case 'microsoft.network/dnsforwardingrulesets/virtualnetworklinks': {
      const vnet = field(props, 'virtualNetwork', 'id');
      b.addRelation('rulesetLink', parentOf(r, b, 'dnsForwardingRuleset'), b.resolve(vnet?.value, ['vnet']), r.key, r.at);
      return true;
    }
    case 'microsoft.network/dnsresolvers':
    case 'microsoft.network/dnsforwardingrulesets/forwardingrules':
      return true;
  }
  return false;
}
