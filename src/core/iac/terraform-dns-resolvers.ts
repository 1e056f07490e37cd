// Maps the azurerm DNS resolver resources to the design: azurerm_private_dns_resolver (in the VNet its
// virtual_network_id names), its inbound and outbound endpoints (relations to their subnets), and
// azurerm_private_dns_resolver_dns_forwarding_ruleset with its forwarding rules and virtual network links.
// Called from terraform-mapping.ts.
import type { ForwardingRule } from '../model/schema';
import { field, read, type DesignBuilder, type Draft } from './design-builder';
import type { IacResource } from './iac-resource';
import { bool, items, num, str } from './iac-value';

const symbolOf = (r: IacResource) => r.key.slice(r.key.indexOf('.') + 1);
const nameOf = (r: IacResource) => read(r.body, ['name'], str);
function resolverOf(r: IacResource, b: DesignBuilder): Draft | undefined {
  return b.resolve(field(r.body, 'private_dns_resolver_id')?.value, ['dnsResolver']);
}
function rulesetOf(r: IacResource, b: DesignBuilder): Draft | undefined {
  return b.resolve(field(r.body, 'dns_forwarding_ruleset_id')?.value, ['dnsForwardingRuleset']);
}

/** Phase 1 for rulesets; true when the resource was one. */
export function terraformRulesetElements(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== 'azurerm_private_dns_resolver_dns_forwarding_ruleset') return false;
  // Rules are resources of their own: the ruleset starts with none and each adds its rule (phase 1c).
  b.addElement(r.key, 'dnsForwardingRuleset', nameOf(r), symbolOf(r), r.at, { region: read(r.body, ['location'], str), rules: { value: [], at: r.at } });
  return true;
}

/** Phase 1c: resolvers (they need their VNet) and forwarding rules; true when the resource was one. */
export function terraformDnsResolverChildren(r: IacResource, b: DesignBuilder, unplaced: (what: string) => void): boolean {
  switch (r.type) {
    case 'azurerm_private_dns_resolver': {
      const vnet = b.resolve(field(r.body, 'virtual_network_id')?.value, ['vnet']);
      if (!vnet) unplaced('DNS resolver');
      else b.addElement(r.key, 'dnsResolver', nameOf(r), symbolOf(r), r.at, {}, vnet.id);
      return true;
    }
    case 'azurerm_private_dns_resolver_forwarding_rule': {
      const ruleset = rulesetOf(r, b);
      if (!ruleset) return true;
      const rule = forwardingRule(r);
      // One rule we cannot read makes the whole rule set unknown.
      if (rule && Array.isArray(ruleset.rules)) ruleset.rules = [...(ruleset.rules as ForwardingRule[]), rule];
      else delete ruleset.rules;
      return true;
    }
  }
  return false;
}

function forwardingRule(r: IacResource): ForwardingRule | undefined {
  const name = str(field(r.body, 'name')?.value);
  const domainName = str(field(r.body, 'domain_name')?.value);
  const enabled = field(r.body, 'enabled');
  const targets = items(field(r.body, 'target_dns_servers')?.value)?.map((t) => {
    const ipAddress = str(field(t, 'ip_address')?.value);
    const port = field(t, 'port');
    const p = num(port?.value);
    return ipAddress === undefined || (port !== undefined && p === undefined) ? undefined : { ipAddress, ...(p !== undefined ? { port: p } : {}) };
  });
  if (name === undefined || domainName === undefined || !targets || targets.some((t) => t === undefined)) return undefined;
  if (enabled !== undefined && bool(enabled.value) === undefined) return undefined;
  return { name, domainName, targetDnsServers: targets as ForwardingRule['targetDnsServers'], ...(bool(enabled?.value) === false ? { enabled: false } : {}) };
}

/** Phase 1d: an outbound endpoint stands for its resolver, so a ruleset's reference to it finds the resolver. */
export function terraformDnsEndpoints(r: IacResource, b: DesignBuilder): void {
  if (r.type !== 'azurerm_private_dns_resolver_outbound_endpoint') return;
  const resolver = resolverOf(r, b);
  if (resolver) b.alias(r.key, resolver);
}

/** Phase 2 for resolver types; true when the resource was one. */
export function terraformDnsResolverRelations(r: IacResource, b: DesignBuilder): boolean {
  switch (r.type) {
    case 'azurerm_private_dns_resolver_inbound_endpoint': {
      const ip = field(r.body, 'ip_configurations', 0)?.value;
      const subnet = field(ip, 'subnet_id');
      // A dynamic endpoint's address is Azure's choice (and azurerm's default): only a static one is known.
      const method = str(field(ip, 'private_ip_allocation_method')?.value)?.toLowerCase();
      b.addRelation('resolverInbound', resolverOf(r, b), b.resolve(subnet?.value, ['subnet']), r.key, r.at, {
        endpointName: nameOf(r),
        ...(method === 'static' ? { privateIpAddress: read(ip, ['private_ip_address'], str) } : {}),
      });
      return true;
    }
    case 'azurerm_private_dns_resolver_outbound_endpoint':
      b.addRelation('resolverOutbound', resolverOf(r, b), b.resolve(field(r.body, 'subnet_id')?.value, ['subnet']), `${r.key}.subnet`, r.at, { endpointName: nameOf(r) });
      return true;
    case 'azurerm_private_dns_resolver_dns_forwarding_ruleset': {
      const self = b.element(r.key);
      const ids = field(r.body, 'private_dns_resolver_outbound_endpoint_ids');
      for (const [i, e] of (items(ids?.value) ?? []).entries()) b.addRelation('rulesetOutbound', self, b.resolve(e, ['dnsResolver']), `${r.key}.outbound-${i}`, ids?.at);
      return true;
    }
    case 'azurerm_private_dns_resolver_virtual_network_link':
      b.addRelation('rulesetLink', rulesetOf(r, b), b.resolve(field(r.body, 'virtual_network_id')?.value, ['vnet']), r.key, r.at);
      return true;
    case 'azurerm_private_dns_resolver':
    case 'azurerm_private_dns_resolver_forwarding_rule':
      return true;
  }
  return false;
}
