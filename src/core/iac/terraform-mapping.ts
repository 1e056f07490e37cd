// Maps Terraform provider resources (azurerm, microsoft/power-platform) to design elements and relations,
// with the attribute names of domain.md §4. azapi_resource bodies go through the ARM mapping instead.
import type { NsgRule } from '../model/schema';
import { field, read, type DesignBuilder, type Draft, type Read } from './design-builder';
import type { IacResource } from './iac-resource';
import { terraformDnsResolverChildren, terraformDnsResolverRelations, terraformRulesetElements } from './terraform-dns-resolvers';
import { terraformFirewallChildren, terraformFirewallElement, terraformFirewallRelations } from './terraform-firewall';
import { terraformDataPolicyElement, terraformDataPolicyRelations } from './terraform-data-policy';
import { terraformMonitoringElements, terraformMonitoringRelations } from './terraform-monitoring';
import { bool, items, num, str, strings, type Value } from './iac-value';
import { allOrNothing, nsgRulesFrom, routesFrom } from './rule-rows';

/** By resource type; a Map, since the type is the file's text (`resource "constructor" …` must find nothing). */
const SERVICE_TYPES = new Map<string, 'keyVault' | 'sqlServer' | 'storageAccount' | 'appService' | 'aiSearch'>([
  ['azurerm_key_vault', 'keyVault'],
  ['azurerm_mssql_server', 'sqlServer'],
  ['azurerm_sql_server', 'sqlServer'],
  ['azurerm_storage_account', 'storageAccount'],
  ['azurerm_linux_web_app', 'appService'],
  ['azurerm_windows_web_app', 'appService'],
  ['azurerm_app_service', 'appService'],
  ['azurerm_search_service', 'aiSearch'],
]);
const ENV_TYPES = ['Production', 'Sandbox', 'Developer', 'Default', 'Trial', 'Teams'] as const;
const PE_POLICIES = ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'] as const;

const nameOf = (r: IacResource) => read(r.body, ['name'], str);
const symbolOf = (r: IacResource) => r.key.slice(r.key.indexOf('.') + 1);
const region = (r: IacResource) => read(r.body, ['location'], str);
const pick = <T extends string>(allowed: readonly T[]) => (v: Value | undefined) => allowed.find((a) => a.toLowerCase() === str(v)?.toLowerCase());

/** Phase 1: elements without a parent. */
export function terraformElements(r: IacResource, b: DesignBuilder): void {
  if (terraformMonitoringElements(r, b) || terraformRulesetElements(r, b) || terraformFirewallElement(r, b) || terraformDataPolicyElement(r, b)) return;
  const body = r.body;
  switch (r.type) {
    case 'azurerm_virtual_network': {
      const vnet = b.addElement(r.key, 'vnet', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        addressSpaces: read(body, ['address_space'], strings),
        dnsServers: read(body, ['dns_servers'], strings),
      });
      for (const [i, s] of (items(field(body, 'subnet')?.value) ?? []).entries()) {
        const name = read(s, ['name'], str);
        const prefix = field(s, 'address_prefixes', 0) ?? field(s, 'address_prefix');
        const subnet = b.addElement(`${vnet.id}.${name.value ?? i}`, 'subnet', name, `subnet-${i}`, field(s, 'name')?.at ?? s.at, {
          addressPrefix: { value: str(prefix?.value), at: prefix?.at },
          delegations: delegations(s),
        }, vnet.id);
        b.sourceMap.set({ elementId: subnet.id, property: '$extent' }, s.at);
      }
      return;
    }
    case 'azurerm_nat_gateway':
      b.addElement(r.key, 'natGateway', nameOf(r), symbolOf(r), r.at, { region: region(r), idleTimeoutMinutes: read(body, ['idle_timeout_in_minutes'], num) });
      return;
    case 'azurerm_network_security_group':
      b.addElement(r.key, 'nsg', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        rules: field(body, 'security_rule') ? read(body, ['security_rule'], nsgRules) : { value: [], at: r.at },
      });
      return;
    case 'azurerm_route_table':
      b.addElement(r.key, 'routeTable', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        routes: field(body, 'route') ? read(body, ['route'], routes) : { value: [], at: r.at },
        bgpRoutePropagation: field(body, 'bgp_route_propagation_enabled')
          ? read(body, ['bgp_route_propagation_enabled'], bool)
          : read(body, ['disable_bgp_route_propagation'], (v) => (bool(v) === undefined ? undefined : !bool(v))),
      });
      return;
    case 'azurerm_private_endpoint':
      b.addElement(r.key, 'privateEndpoint', nameOf(r), symbolOf(r), r.at, {
        region: region(r),
        groupId: read(body, ['private_service_connection', 0, 'subresource_names', 0], str),
      });
      return;
    case 'azurerm_private_dns_zone':
      b.addElement(r.key, 'privateDnsZone', nameOf(r), symbolOf(r), r.at);
      return;
    case 'azurerm_local_network_gateway':
      b.addElement(r.key, 'onPremises', nameOf(r), symbolOf(r), r.at, { addressSpaces: read(body, ['address_space'], strings) });
      return;
    case 'powerplatform_environment':
      b.addElement(r.key, 'environment', read(body, ['display_name'], str), symbolOf(r), r.at, {
        geography: region(r),
        environmentType: read(body, ['environment_type'], pick(ENV_TYPES)),
        azureRegion: read(body, ['azure_region'], str),
        releaseCycle: read(body, ['release_cycle'], (v) => pick(['standard', 'early'] as const)(v)),
        // Managed only when a powerplatform_managed_environment for it exists (set in phase 2).
        managed: { value: false, at: r.at },
      });
      return;
  }
  const service = SERVICE_TYPES.get(r.type);
  if (service) {
    b.addElement(r.key, 'azureService', nameOf(r), symbolOf(r), r.at, {
      serviceType: { value: service, at: r.typeAt },
      region: region(r),
      publicNetworkAccess: read(body, ['public_network_access_enabled'], bool),
    });
  }
}

/** Phase 1b: subnets and gateways (they need their VNet), NSG rules declared as their own resources. */
export function terraformChildren(r: IacResource, b: DesignBuilder): void {
  if (terraformDnsResolverChildren(r, b, (what) => unplaced(b, r, what))) return;
  const body = r.body;
  if (terraformFirewallChildren(r, b)) return;
  if (r.type === 'azurerm_subnet') {
    const vnet = byRefOrName(b, field(body, 'virtual_network_name')?.value, 'vnet');
    if (!vnet) return unplaced(b, r, 'subnet');
    const prefix = field(body, 'address_prefixes', 0) ?? field(body, 'address_prefix');
    b.addElement(r.key, 'subnet', nameOf(r), symbolOf(r), r.at, {
      addressPrefix: { value: str(prefix?.value), at: prefix?.at },
      delegations: delegations(body),
      privateEndpointNetworkPolicies: read(body, ['private_endpoint_network_policies'], pick(PE_POLICIES)),
      defaultOutboundAccess: read(body, ['default_outbound_access_enabled'], bool),
      serviceEndpoints: read(body, ['service_endpoints'], strings),
    }, vnet.id);
    return;
  }
  if (r.type === 'azurerm_virtual_network_gateway') {
    const type = str(field(body, 'type')?.value)?.toLowerCase();
    const subnet = b.resolve(field(body, 'ip_configuration', 0, 'subnet_id')?.value, ['subnet']);
    const vnet = subnet && typeof subnet.parent === 'string' ? b.byElementId(subnet.parent) : undefined;
    if (!vnet || (type !== 'vpn' && type !== 'expressroute')) return unplaced(b, r, 'gateway');
    const kind = type === 'vpn' ? 'vpnGateway' : 'expressRouteGateway';
    b.addElement(r.key, kind, nameOf(r), symbolOf(r), r.at, {
      sku: read(body, ['sku'], str),
      ...(kind === 'vpnGateway' ? { activeActive: read(body, ['active_active'], bool) } : {}),
    }, vnet.id);
    return;
  }
  if (r.type === 'azurerm_network_security_rule') {
    const nsg = byRefOrName(b, field(body, 'network_security_group_name')?.value, 'nsg');
    if (!nsg) return;
    const rule = nsgRules({ t: 'arr', items: [body], at: body.at });
    if (rule && Array.isArray(nsg.rules)) nsg.rules = [...(nsg.rules as NsgRule[]), ...rule];
    else delete nsg.rules;
  }
}

/** Phase 2: relations. */
export function terraformRelations(r: IacResource, b: DesignBuilder): void {
  if (terraformMonitoringRelations(r, b) || terraformDnsResolverRelations(r, b) || terraformFirewallRelations(r, b) || terraformDataPolicyRelations(r, b)) return;
  const body = r.body;
  const self = b.element(r.key);
  const ref = (...path: (string | number)[]) => field(body, ...path);
  switch (r.type) {
    case 'azurerm_virtual_network':
      if (!self) return;
      for (const [i, s] of (items(field(body, 'subnet')?.value) ?? []).entries()) {
        const subnet = b.element(`${self.id}.${str(field(s, 'name')?.value) ?? i}`);
        const nsg = field(s, 'security_group');
        b.addRelation('nsgAssociation', b.resolve(nsg?.value, ['nsg']), subnet, `${subnet?.id ?? r.key}.nsg`, nsg?.at);
      }
      return;
    case 'azurerm_subnet_nat_gateway_association':
      b.addRelation('natAssociation', b.resolve(ref('nat_gateway_id')?.value, ['natGateway']), b.resolve(ref('subnet_id')?.value, ['subnet']), r.key, r.at);
      return;
    case 'azurerm_subnet_network_security_group_association':
      b.addRelation('nsgAssociation', b.resolve(ref('network_security_group_id')?.value, ['nsg']), b.resolve(ref('subnet_id')?.value, ['subnet']), r.key, r.at);
      return;
    case 'azurerm_subnet_route_table_association':
      b.addRelation('routeTableAssociation', b.resolve(ref('route_table_id')?.value, ['routeTable']), b.resolve(ref('subnet_id')?.value, ['subnet']), r.key, r.at);
      return;
    case 'azurerm_nat_gateway_public_ip_association': {
      const nat = b.resolve(ref('nat_gateway_id')?.value, ['natGateway']);
      if (nat) b.setProp(nat, 'publicIpCount', { value: (typeof nat.publicIpCount === 'number' ? nat.publicIpCount : 0) + 1, at: r.at });
      return;
    }
    case 'azurerm_virtual_network_peering': {
      const from = byRefOrName(b, ref('virtual_network_name')?.value, 'vnet');
      const remote = ref('remote_virtual_network_id');
      b.addRelation('peering', from, b.resolve(remote?.value, ['vnet']), r.key, r.at, {
        allowVirtualNetworkAccess: read(body, ['allow_virtual_network_access'], bool),
        allowForwardedTraffic: read(body, ['allow_forwarded_traffic'], bool),
        allowGatewayTransit: read(body, ['allow_gateway_transit'], bool),
        useRemoteGateways: read(body, ['use_remote_gateways'], bool),
      });
      return;
    }
    case 'azurerm_private_endpoint': {
      if (!self) return;
      const subnet = ref('subnet_id');
      b.addRelation('peSubnet', self, b.resolve(subnet?.value, ['subnet']), `${self.id}.subnet`, subnet?.at);
      const target = ref('private_service_connection', 0, 'private_connection_resource_id');
      b.addRelation('peTarget', self, b.resolve(target?.value, ['azureService']), `${self.id}.target`, target?.at);
      for (const zone of items(ref('private_dns_zone_group', 0, 'private_dns_zone_ids')?.value) ?? []) {
        b.addRelation('peDnsZone', self, b.resolve(zone, ['privateDnsZone']), `${self.id}.dns`, zone.at);
      }
      return;
    }
    case 'azurerm_private_dns_zone_virtual_network_link':
      b.addRelation('dnsZoneLink', byRefOrName(b, ref('private_dns_zone_name')?.value, 'privateDnsZone'), b.resolve(ref('virtual_network_id')?.value, ['vnet']), r.key, r.at, {
        registrationEnabled: read(body, ['registration_enabled'], bool),
      });
      return;
    case 'azurerm_virtual_network_gateway_connection':
      b.addRelation('gatewayConnection', b.resolve(ref('virtual_network_gateway_id')?.value, ['vpnGateway', 'expressRouteGateway']), b.resolve(ref('local_network_gateway_id')?.value, ['onPremises']), r.key, r.at);
      return;
    case 'powerplatform_managed_environment': {
      const env = b.resolve(ref('environment_id')?.value, ['environment']);
      if (env) b.setProp(env, 'managed', { value: true, at: r.at });
      return;
    }
    case 'powerplatform_enterprise_policy': {
      const env = b.resolve(ref('environment_id')?.value, ['environment']);
      const system = ref('system_id')?.value;
      const policy = system?.ref ? b.element(system.ref.target) : undefined;
      b.addRelation('policyLink', env, policy?.kind === 'enterprisePolicy' ? policy : undefined, r.key, r.at);
      return;
    }
  }
}

/** A VNet/NSG/zone named by reference (`azurerm_virtual_network.a.name`) or by a literal name. */
function byRefOrName(b: DesignBuilder, v: Value | undefined, kind: 'vnet' | 'nsg' | 'privateDnsZone' | 'routeTable'): Draft | undefined {
  if (v?.ref) {
    const el = b.element(v.ref.target);
    return el?.kind === kind ? el : undefined;
  }
  return b.named(kind, str(v));
}

/** Delegation service names; a subnet written without `delegation` blocks has none. */
function delegations(body: Value): Read<string[]> {
  const blocks = field(body, 'delegation');
  if (!blocks) return { value: [], at: field(body, 'name')?.at };
  return read(body, ['delegation'], (v) => allOrNothing(items(v), (d) => str(field(d, 'service_delegation', 0, 'name')?.value)));
}

function unplaced(b: DesignBuilder, r: IacResource, what: string): void {
  b.diagnostics.push({ file: r.at.file, range: r.at.range, severity: 'info', message: `Cannot tell statically which virtual network ${what} '${r.key}' belongs to; it is not checked.` });
}

/** Terraform spells the design's field names in snake_case, and calls the appliance's IP next_hop_in_ip_address. */
const TERRAFORM_NAMES: Readonly<Record<string, string>> = {
  sourceAddressPrefix: 'source_address_prefix', sourcePortRange: 'source_port_range',
  destinationAddressPrefix: 'destination_address_prefix', destinationPortRange: 'destination_port_range',
  addressPrefix: 'address_prefix', nextHopType: 'next_hop_type', nextHopIpAddress: 'next_hop_in_ip_address',
};
const terraformRowField = <T>(row: Value, key: keyof T & string): Value | undefined => field(row, TERRAFORM_NAMES[key] ?? key)?.value;

const nsgRules = (v: Value | undefined) => nsgRulesFrom(v, terraformRowField);
const routes = (v: Value | undefined) => routesFrom(v, terraformRowField);
