// Design → Terraform (providers.tf, variables.tf, main.tf, outputs.tf): azurerm for the network, azapi for
// the enterprise policy (its provider schema is inaccurate, so schema validation is off), and the
// microsoft/power-platform provider for environments and the environment ↔ policy link. Written by SECTIONS,
// an ordered list of section functions over one context, one per resource family.
import type { ElementOf } from '../../model/schema';
import { derivedNetworkName } from '../azure-names';
import { ExportPlan, serviceArmType, SERVICE_FACTS } from '../export-plan';
import { elementSymbols } from '../element-symbols';
import { IdentifierPool } from '../identifiers';
import { emitDnsResolversTerraform } from './emit-dns-resolvers';
import { emitFirewallTerraform } from './emit-firewall';
import { emitDataPoliciesTerraform } from './emit-data-policies';
import { emitMonitoringTerraform } from './emit-monitoring';
import { attr, blank, block, comment, hobj, raw, renderHclFile, type HclItem, type HclValue } from './hcl-writer';

export const TERRAFORM_VERSIONS = {
  terraform: '>= 1.7.0',
  azurerm: '~> 4.0',
  azapi: '~> 2.0',
  powerplatform: '~> 4.0',
} as const;

export const POLICY_TYPE = 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview';
const SUBNET_JOIN_ACTION = 'Microsoft.Network/virtualNetworks/subnets/join/action';

type Gateway = ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>;

interface Variable {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly default?: HclValue | null;
  readonly sensitive?: boolean;
}

export interface TerraformFiles {
  readonly 'providers.tf': string;
  readonly 'variables.tf': string;
  readonly 'main.tf': string;
  readonly 'outputs.tf': string;
}

/** What every section writes into and the names they share: labels, variables, main.tf's items, outputs. */
function terraformContext(plan: ExportPlan) {
  const labels = new IdentifierPool('snake');
  const vars = new IdentifierPool('snake');
  const labelOf = elementSymbols(plan.design.elements, labels);

  const variables: Variable[] = [];
  const addVar = (v: Omit<Variable, 'name'> & { id: string; role: string }): string => {
    const name = vars.take(v.id, v.role);
    variables.push({ name, type: v.type, description: v.description, default: v.default, sensitive: v.sensitive });
    return `var.${name}`;
  };
  const rg = addVar({ id: 'resource group', role: 'name', type: 'string', description: 'Existing resource group that receives the network resources and the enterprise policy.', default: defaultResourceGroup(plan) });
  const subscription = addVar({ id: 'subscription', role: 'id', type: 'string', description: 'Azure subscription id; null uses ARM_SUBSCRIPTION_ID or the Azure CLI login.', default: null });
  const nameVar = (e: { id: string; name: string }, what: string) => addVar({ id: e.id, role: 'name', type: 'string', description: `Name of the ${what} "${e.id}".`, default: e.name });
  const locationVar = (e: Parameters<ExportPlan['regionOf']>[0], what: string): HclValue => {
    const region = plan.regionOf(e);
    return region === undefined
      ? raw('data.azurerm_resource_group.main.location')
      : raw(addVar({ id: e.id, role: 'location', type: 'string', description: `Azure region of the ${what} "${e.id}".`, default: region }));
  };

  const main: HclItem[] = [
    comment(`Design: ${plan.design.name}\n\nterraform init && terraform apply. The resource group must exist; the environments are created and\nlinked to the enterprise policy by the power-platform provider (the link is not an ARM resource).`),
    block('data', ['azurerm_resource_group', 'main'], [attr('name', raw(rg))]),
  ];
  const outputs: HclItem[] = [];
  const rgName = raw('data.azurerm_resource_group.main.name');
  const gateways: Gateway[] = [...plan.all('vpnGateway'), ...plan.all('expressRouteGateway')].sort((a, b) => (a.id < b.id ? -1 : 1));
  const serviceId = new Map<string, string>();
  const environmentIds = new Map<string, string>();
  return { plan, labels, vars, labelOf, variables, addVar, rg, subscription, nameVar, locationVar, main, outputs, rgName, gateways, serviceId, environmentIds };
}

type TerraformContext = ReturnType<typeof terraformContext>;

/** The sections of the file, in the order they are written (a later one may refer to an earlier one's symbols). */
const SECTIONS: readonly ((ctx: TerraformContext) => void)[] = [nsgs, routeTables, natGateways, vnets, gatewaysAndSites, firewalls, peerings, azureServices, monitoring, privateDnsZones, dnsResolvers, privateEndpoints, enterprisePolicies, environments, dataPolicies, connectorSecrets];

export function emitTerraform(plan: ExportPlan): TerraformFiles {
  const ctx = terraformContext(plan);
  for (const section of SECTIONS) section(ctx);
  const { variables, subscription, main, outputs } = ctx;
  const providers: HclItem[] = [
    block('terraform', [], [
      attr('required_version', TERRAFORM_VERSIONS.terraform),
      blank,
      block('required_providers', [], [
        attr('azapi', hobj(['source', 'azure/azapi'], ['version', TERRAFORM_VERSIONS.azapi])),
        attr('azurerm', hobj(['source', 'hashicorp/azurerm'], ['version', TERRAFORM_VERSIONS.azurerm])),
        attr('powerplatform', hobj(['source', 'microsoft/power-platform'], ['version', TERRAFORM_VERSIONS.powerplatform])),
      ]),
    ]),
    block('provider', ['azurerm'], [attr('subscription_id', raw(subscription)), blank, block('features', [], [])]),
    block('provider', ['azapi'], []),
    comment('Authenticates with the Azure CLI login; see the provider docs for service principals and OIDC.'),
    block('provider', ['powerplatform'], [attr('use_cli', true)]),
  ];

  return {
    'providers.tf': renderHclFile(providers),
    'variables.tf': renderHclFile(variables.map((v) => block('variable', [v.name], [
      attr('description', v.description),
      attr('type', raw(v.type)),
      attr('default', v.default === null ? raw('null') : v.default),
      attr('sensitive', v.sensitive),
    ]))),
    'main.tf': renderHclFile(main),
    'outputs.tf': renderHclFile(outputs),
  };
}

/** NSGs and their rules. */
function nsgs(ctx: TerraformContext): void {
  const { plan, labels, labelOf, nameVar, locationVar, main, rgName } = ctx;
  for (const nsg of plan.all('nsg')) {
    const l = labelOf(nsg.id);
    main.push(block('resource', ['azurerm_network_security_group', l], [
      attr('name', raw(nameVar(nsg, 'network security group'))),
      attr('location', locationVar(nsg, 'network security group')),
      attr('resource_group_name', rgName),
    ]));
    for (const r of nsg.rules ?? []) {
      main.push(block('resource', ['azurerm_network_security_rule', labels.take(nsg.id, r.name)], [
        attr('name', r.name),
        attr('resource_group_name', rgName),
        attr('network_security_group_name', raw(`azurerm_network_security_group.${l}.name`)),
        attr('description', r.description),
        attr('priority', r.priority),
        attr('direction', r.direction),
        attr('access', r.access),
        attr('protocol', r.protocol),
        attr('source_address_prefix', r.sourceAddressPrefix),
        attr('source_port_range', r.sourcePortRange),
        attr('destination_address_prefix', r.destinationAddressPrefix),
        attr('destination_port_range', r.destinationPortRange),
      ]));
    }
  }
}

/** Route tables. */
function routeTables(ctx: TerraformContext): void {
  const { plan, labelOf, nameVar, locationVar, main, rgName } = ctx;
  for (const rt of plan.all('routeTable')) {
    main.push(block('resource', ['azurerm_route_table', labelOf(rt.id)], [
      attr('name', raw(nameVar(rt, 'route table'))),
      attr('location', locationVar(rt, 'route table')),
      attr('resource_group_name', rgName),
      attr('bgp_route_propagation_enabled', rt.bgpRoutePropagation),
      ...(rt.routes ?? []).flatMap((r) => [blank, block('route', [], [
        attr('name', r.name),
        attr('address_prefix', r.addressPrefix),
        attr('next_hop_type', r.nextHopType),
        attr('next_hop_in_ip_address', r.nextHopIpAddress),
      ])]),
    ]));
  }
}

/** NAT gateways with Standard static public IPs. */
function natGateways(ctx: TerraformContext): void {
  const { plan, labels, labelOf, nameVar, locationVar, main, rgName } = ctx;
  for (const nat of plan.all('natGateway')) {
    const l = labelOf(nat.id);
    const name = nameVar(nat, 'NAT gateway');
    const location = locationVar(nat, 'NAT gateway');
    main.push(block('resource', ['azurerm_nat_gateway', l], [
      attr('name', raw(name)),
      attr('location', location),
      attr('resource_group_name', rgName),
      attr('sku_name', 'Standard'),
      attr('idle_timeout_in_minutes', nat.idleTimeoutMinutes),
    ]));
    for (let i = 1; i <= Math.max(1, nat.publicIpCount ?? 1); i++) {
      const pip = labels.take(nat.id, 'pip', String(i));
      main.push(publicIp(pip, raw(`"\${${name}}-pip${i}"`), location, rgName));
      main.push(block('resource', ['azurerm_nat_gateway_public_ip_association', pip], [
        attr('nat_gateway_id', raw(`azurerm_nat_gateway.${l}.id`)),
        attr('public_ip_address_id', raw(`azurerm_public_ip.${pip}.id`)),
      ]));
    }
  }
}

/** VNets and subnets. */
function vnets(ctx: TerraformContext): void {
  const { plan, labelOf, addVar, nameVar, locationVar, main, outputs, rgName } = ctx;
  for (const vnet of plan.all('vnet')) {
    const l = labelOf(vnet.id);
    main.push(block('resource', ['azurerm_virtual_network', l], [
      attr('name', raw(nameVar(vnet, 'virtual network'))),
      attr('location', locationVar(vnet, 'virtual network')),
      attr('resource_group_name', rgName),
      attr('address_space', raw(addVar({ id: vnet.id, role: 'address space', type: 'list(string)', description: `Address spaces of the virtual network "${vnet.id}".`, default: vnet.addressSpaces }))),
      attr('dns_servers', vnet.dnsServers?.length ? vnet.dnsServers : undefined),
    ]));
    for (const s of plan.all('subnet').filter((x) => x.parent === vnet.id)) {
      const sl = labelOf(s.id);
      main.push(block('resource', ['azurerm_subnet', sl], [
        attr('name', raw(addVar({ id: s.id, role: 'name', type: 'string', description: `Name of the subnet "${s.id}" in "${vnet.id}".`, default: s.name }))),
        attr('resource_group_name', rgName),
        attr('virtual_network_name', raw(`azurerm_virtual_network.${l}.name`)),
        attr('address_prefixes', [raw(addVar({ id: s.id, role: 'prefix', type: 'string', description: `Address prefix of the subnet "${s.id}".`, default: s.addressPrefix }))]),
        attr('private_endpoint_network_policies', s.privateEndpointNetworkPolicies),
        attr('default_outbound_access_enabled', s.defaultOutboundAccess),
        attr('service_endpoints', s.serviceEndpoints?.length ? s.serviceEndpoints : undefined),
        ...(s.delegations ?? []).flatMap((service) => [blank, block('delegation', [], [
          attr('name', service),
          blank,
          block('service_delegation', [], [attr('name', service), attr('actions', [SUBNET_JOIN_ACTION])]),
        ])]),
      ]));
      const a = plan.subnetAssociations(s.id);
      if (a.nat) main.push(block('resource', ['azurerm_subnet_nat_gateway_association', sl], [
        attr('subnet_id', raw(`azurerm_subnet.${sl}.id`)), attr('nat_gateway_id', raw(`azurerm_nat_gateway.${labelOf(a.nat.id)}.id`)),
      ]));
      if (a.nsg) main.push(block('resource', ['azurerm_subnet_network_security_group_association', sl], [
        attr('subnet_id', raw(`azurerm_subnet.${sl}.id`)), attr('network_security_group_id', raw(`azurerm_network_security_group.${labelOf(a.nsg.id)}.id`)),
      ]));
      if (a.routeTable) main.push(block('resource', ['azurerm_subnet_route_table_association', sl], [
        attr('subnet_id', raw(`azurerm_subnet.${sl}.id`)), attr('route_table_id', raw(`azurerm_route_table.${labelOf(a.routeTable.id)}.id`)),
      ]));
    }
    outputs.push(block('output', [`${l}_id`], [attr('description', `Resource id of the virtual network "${vnet.id}".`), attr('value', raw(`azurerm_virtual_network.${l}.id`))]));
  }
}

/** Gateways (declared before peerings that use them). */
function gatewaysAndSites(ctx: TerraformContext): void {
  const { plan, labels, labelOf, addVar, nameVar, locationVar, main, rgName, gateways } = ctx;
  for (const gw of gateways) {
    const l = labelOf(gw.id);
    const what = gw.kind === 'vpnGateway' ? 'VPN gateway' : 'ExpressRoute gateway';
    const name = nameVar(gw, what);
    const vnet = plan.topology.vnetOf(gw.id);
    const location = vnet ? raw(`azurerm_virtual_network.${labelOf(vnet.id)}.location`) : locationVar(gw, what);
    const gwSubnet = plan.gatewaySubnet(gw);
    const subnetId = gwSubnet
      ? raw(`azurerm_subnet.${labelOf(gwSubnet.id)}.id`)
      : raw(addVar({ id: gw.id, role: 'subnet id', type: 'string', description: `Resource id of the GatewaySubnet for "${gw.id}" (the design does not model one).` }));
    const configs: HclItem[] = [];
    for (let i = 1; i <= plan.gatewayIpCount(gw); i++) {
      const pip = labels.take(gw.id, 'pip', String(i));
      main.push(publicIp(pip, raw(`"\${${name}}-pip${i}"`), location, rgName));
      configs.push(blank, block('ip_configuration', [], [
        attr('name', `ipconfig${i}`),
        attr('public_ip_address_id', raw(`azurerm_public_ip.${pip}.id`)),
        attr('private_ip_address_allocation', 'Dynamic'),
        attr('subnet_id', subnetId),
      ]));
    }
    const sku = gw.sku ?? (gw.kind === 'vpnGateway' ? 'VpnGw1AZ' : 'ErGw1AZ');
    main.push(block('resource', ['azurerm_virtual_network_gateway', l], [
      attr('name', raw(name)),
      attr('location', location),
      attr('resource_group_name', rgName),
      attr('type', gw.kind === 'vpnGateway' ? 'Vpn' : 'ExpressRoute'),
      attr('vpn_type', gw.kind === 'vpnGateway' ? 'RouteBased' : undefined),
      attr('sku', sku),
      attr('active_active', gw.kind === 'vpnGateway' ? gw.activeActive ?? false : undefined),
      ...configs,
    ]));
  }
  for (const c of plan.gatewayConnections()) {
    const gwl = labelOf(c.gateway.id);
    const location = raw(`azurerm_virtual_network_gateway.${gwl}.location`);
    const connName = raw(addVar({ id: c.id, role: 'name', type: 'string', description: `Name of the connection "${c.id}" from "${c.gateway.id}" to "${c.site.id}".`, default: derivedNetworkName('cn', c.gateway.name, c.site.name) }));
    if (c.gateway.kind === 'vpnGateway') {
      const lgw = labels.take(c.site.id, 'lgw', c.id);
      main.push(block('resource', ['azurerm_local_network_gateway', lgw], [
        attr('name', raw(addVar({ id: c.site.id, role: 'local gateway name', type: 'string', description: `Name of the local network gateway for the on-premises network "${c.site.id}".`, default: derivedNetworkName('lgw', c.site.name) }))),
        attr('location', location),
        attr('resource_group_name', rgName),
        attr('gateway_address', raw(addVar({ id: c.site.id, role: 'gateway address', type: 'string', description: `Public IP address of the on-premises VPN device of "${c.site.id}".` }))),
        attr('address_space', c.site.addressSpaces ?? []),
      ]));
      main.push(block('resource', ['azurerm_virtual_network_gateway_connection', labels.take(c.id)], [
        attr('name', connName),
        attr('location', location),
        attr('resource_group_name', rgName),
        attr('type', 'IPsec'),
        attr('virtual_network_gateway_id', raw(`azurerm_virtual_network_gateway.${gwl}.id`)),
        attr('local_network_gateway_id', raw(`azurerm_local_network_gateway.${lgw}.id`)),
        attr('shared_key', raw(addVar({ id: c.id, role: 'shared key', type: 'string', sensitive: true, description: `IPsec pre-shared key of the connection "${c.id}"; supply it at apply time (TF_VAR_… or a secret store), never in a file.` }))),
      ]));
    } else {
      main.push(block('resource', ['azurerm_virtual_network_gateway_connection', labels.take(c.id)], [
        attr('name', connName),
        attr('location', location),
        attr('resource_group_name', rgName),
        attr('type', 'ExpressRoute'),
        attr('virtual_network_gateway_id', raw(`azurerm_virtual_network_gateway.${gwl}.id`)),
        attr('express_route_circuit_id', raw(addVar({ id: c.id, role: 'circuit id', type: 'string', description: `Resource id of the ExpressRoute circuit that reaches "${c.site.id}".` }))),
      ]));
    }
  }
}

/** Peerings, one resource per direction as designed. */
function peerings(ctx: TerraformContext): void {
  const { plan, labels, labelOf, main, rgName, gateways } = ctx;
  for (const p of plan.peerings()) {
    const remoteGateways = p.relation.useRemoteGateways ? gateways.filter((g) => g.parent === p.to.id) : [];
    main.push(block('resource', ['azurerm_virtual_network_peering', labels.take(p.id)], [
      attr('name', raw(`"\${azurerm_virtual_network.${labelOf(p.from.id)}.name}-to-\${azurerm_virtual_network.${labelOf(p.to.id)}.name}"`)),
      attr('resource_group_name', rgName),
      attr('virtual_network_name', raw(`azurerm_virtual_network.${labelOf(p.from.id)}.name`)),
      attr('remote_virtual_network_id', raw(`azurerm_virtual_network.${labelOf(p.to.id)}.id`)),
      attr('allow_virtual_network_access', p.relation.allowVirtualNetworkAccess ?? true),
      attr('allow_forwarded_traffic', p.relation.allowForwardedTraffic ?? false),
      attr('allow_gateway_transit', p.relation.allowGatewayTransit ?? false),
      attr('use_remote_gateways', p.relation.useRemoteGateways ?? false),
      ...(remoteGateways.length ? [blank, ...attr('depends_on', remoteGateways.map((g) => raw(`azurerm_virtual_network_gateway.${labelOf(g.id)}`)))] : []),
    ]));
  }
}

/** Azure services: referenced by name and resource group, never managed here. */
function azureServices(ctx: TerraformContext): void {
  const { plan, labelOf, addVar, nameVar, main, serviceId } = ctx;
  const services = plan.referencedServices();
  const locals: [string, HclValue][] = [];
  let needsClient = false;
  for (const svc of services) {
    const l = labelOf(svc.id);
    if (svc.serviceType === 'keyVault') {
      main.push(block('data', ['azurerm_key_vault', l], [
        attr('name', raw(nameVar(svc, 'Key Vault'))),
        attr('resource_group_name', raw(`coalesce(${addVar({ id: svc.id, role: 'resource group', type: 'string', description: `Resource group of the Key Vault "${svc.id}"; null means the deployment's resource group.`, default: svc.resourceGroup ?? null })}, data.azurerm_resource_group.main.name)`)),
      ]));
      serviceId.set(svc.id, `data.azurerm_key_vault.${l}.id`);
      continue;
    }
    const type = serviceArmType(svc);
    if (svc.serviceType === 'other' || type === undefined) {
      serviceId.set(svc.id, addVar({ id: svc.id, role: 'resource id', type: 'string', description: `Resource id of the Azure service "${svc.id}"${svc.resourceType ? ` (${svc.resourceType})` : ''}.` }));
      continue;
    }
    needsClient = needsClient || svc.subscriptionId === undefined;
    const name = nameVar(svc, 'Azure service');
    const group = addVar({ id: svc.id, role: 'resource group', type: 'string', description: `Resource group of the Azure service "${svc.id}"; null means the deployment's resource group.`, default: svc.resourceGroup ?? null });
    const sub = svc.subscriptionId ?? '${data.azurerm_client_config.current.subscription_id}';
    locals.push([`${l}_id`, raw(`"/subscriptions/${sub}/resourceGroups/\${coalesce(${group}, data.azurerm_resource_group.main.name)}/providers/${SERVICE_FACTS[svc.serviceType].armType}/\${${name}}"`)]);
    serviceId.set(svc.id, `local.${l}_id`);
  }
  if (locals.length) {
    if (needsClient) main.push(block('data', ['azurerm_client_config', 'current'], []));
    main.push(comment('Azure services are referenced, not deployed: their data, keys and code have their own lifecycle.'));
    main.push(block('locals', [], locals.map(([k, v]) => attr(k, v)).flat()));
  }
}

/** Azure Firewalls, their public IPs and policies (emit-firewall.ts). */
function firewalls(ctx: TerraformContext): void {
  const { plan, labels, labelOf, nameVar, locationVar, addVar, main, outputs, rgName } = ctx;
  const out = emitFirewallTerraform({ plan, labelOf, take: (id, ...roles) => labels.take(id, ...roles), nameVar, locationVar, addVar, rgName, publicIp: (l, name, location) => publicIp(l, name, location, rgName) });
  main.push(...out.main);
  outputs.push(...out.outputs);
}

/** Monitoring: Log Analytics workspaces, Network Watchers, VNet flow logs, diagnostic settings (emit-monitoring). */
function monitoring(ctx: TerraformContext): void {
  const { plan, labels, labelOf, main, nameVar, locationVar, addVar, rgName, serviceId } = ctx;
  main.push(...emitMonitoringTerraform({ plan, labelOf, take: (id, ...roles) => labels.take(id, ...roles), nameVar, locationVar, addVar, rgName, serviceId }));
}

/** DNS private resolvers with their endpoints, forwarding rulesets with their rules and links (emit-dns-resolvers). */
function dnsResolvers(ctx: TerraformContext): void {
  const { plan, labels, labelOf, main, nameVar, locationVar, rgName } = ctx;
  main.push(...emitDnsResolversTerraform({ plan, labelOf, take: (id, ...roles) => labels.take(id, ...roles), nameVar, locationVar, rgName }));
}

/** Private DNS zones and VNet links. */
function privateDnsZones(ctx: TerraformContext): void {
  const { plan, labels, labelOf, main, rgName } = ctx;
  for (const zone of plan.all('privateDnsZone')) {
    const zl = labelOf(zone.id);
    main.push(block('resource', ['azurerm_private_dns_zone', zl], [attr('name', zone.name), attr('resource_group_name', rgName)]));
    for (const link of plan.zoneLinks(zone.id)) {
      main.push(block('resource', ['azurerm_private_dns_zone_virtual_network_link', labels.take(link.id)], [
        attr('name', raw(`"link-\${azurerm_virtual_network.${labelOf(link.vnet.id)}.name}"`)),
        attr('resource_group_name', rgName),
        attr('private_dns_zone_name', raw(`azurerm_private_dns_zone.${zl}.name`)),
        attr('virtual_network_id', raw(`azurerm_virtual_network.${labelOf(link.vnet.id)}.id`)),
        attr('registration_enabled', link.registrationEnabled),
      ]));
    }
  }
}

/** Private endpoints. */
function privateEndpoints(ctx: TerraformContext): void {
  const { plan, labelOf, addVar, nameVar, locationVar, main, rgName, serviceId } = ctx;
  for (const pe of plan.all('privateEndpoint')) {
    const name = nameVar(pe, 'private endpoint');
    const vnet = plan.homeVnet(pe);
    const location = pe.region === undefined && vnet ? raw(`azurerm_virtual_network.${labelOf(vnet.id)}.location`) : locationVar(pe, 'private endpoint');
    const subnet = plan.endpointSubnet(pe);
    const target = plan.endpointTarget(pe);
    const groupId = plan.endpointGroupId(pe);
    const zones = plan.endpointZones(pe);
    main.push(block('resource', ['azurerm_private_endpoint', labelOf(pe.id)], [
      attr('name', raw(name)),
      attr('location', location),
      attr('resource_group_name', rgName),
      attr('subnet_id', raw(subnet ? `azurerm_subnet.${labelOf(subnet.id)}.id` : addVar({ id: pe.id, role: 'subnet id', type: 'string', description: `Resource id of the subnet for the private endpoint "${pe.id}".` }))),
      blank,
      block('private_service_connection', [], [
        attr('name', raw(name)),
        attr('private_connection_resource_id', raw(target && serviceId.has(target.id) ? serviceId.get(target.id)! : addVar({ id: pe.id, role: 'target id', type: 'string', description: `Resource id of the service the private endpoint "${pe.id}" connects to.` }))),
        attr('subresource_names', groupId ? [groupId] : undefined),
        attr('is_manual_connection', false),
      ]),
      ...(zones.length ? [blank, block('private_dns_zone_group', [], [
        attr('name', 'default'),
        attr('private_dns_zone_ids', zones.map((z) => raw(`azurerm_private_dns_zone.${labelOf(z.id)}.id`))),
      ])] : []),
    ]));
  }
}

/** Enterprise policies (azapi: the plain-array body the service accepts). */
function enterprisePolicies(ctx: TerraformContext): void {
  const { plan, labelOf, addVar, nameVar, main, outputs } = ctx;
  for (const policy of plan.all('enterprisePolicy')) {
    const l = labelOf(policy.id);
    main.push(comment('virtualNetworks is a plain array; the { value = [...] } wrapper in older type data fails at deploy time.\nSchema validation is off because the provider\'s embedded schema for this type is inaccurate (bicep-types-az#2251).'));
    main.push(block('resource', ['azapi_resource', l], [
      attr('type', POLICY_TYPE),
      attr('name', raw(nameVar(policy, 'enterprise policy'))),
      attr('location', raw(addVar({ id: policy.id, role: 'location', type: 'string', description: `Power Platform geography of the enterprise policy "${policy.id}" (not an Azure region).`, default: policy.geography }))),
      attr('parent_id', raw('data.azurerm_resource_group.main.id')),
      attr('schema_validation_enabled', false),
      blank,
      attr('body', hobj(
        ['kind', 'NetworkInjection'],
        ['properties', hobj(['networkInjection', hobj(['virtualNetworks', plan.policySubnets(policy).map(({ subnet, vnet }) => hobj(
          ['id', raw(`azurerm_virtual_network.${labelOf(vnet.id)}.id`)],
          ['subnet', hobj(['name', raw(`azurerm_subnet.${labelOf(subnet.id)}.name`)])],
        ))])])],
      )),
      blank,
      attr('response_export_values', ['properties.systemId']),
    ]));
    outputs.push(block('output', [`${l}_id`], [attr('description', `Resource id of the enterprise policy "${policy.id}".`), attr('value', raw(`azapi_resource.${l}.id`))]));
    outputs.push(block('output', [`${l}_system_id`], [attr('description', `SystemId of the enterprise policy "${policy.id}", used by the environment link.`), attr('value', raw(`azapi_resource.${l}.output.properties.systemId`))]));
  }
}

/** Power Platform environments, Managed Environment settings and the policy link. */
function environments(ctx: TerraformContext): void {
  const { plan, labels, labelOf, addVar, main, outputs } = ctx;
  const envs = plan.all('environment');
  if (envs.length) {
    const lang = addVar({ id: 'dataverse', role: 'language code', type: 'string', description: 'Dataverse base language (LCID) of environments created here.', default: '1033' });
    const currency = addVar({ id: 'dataverse', role: 'currency code', type: 'string', description: 'Dataverse currency code of environments created here.', default: 'USD' });
    const group = addVar({ id: 'dataverse', role: 'security group id', type: 'string', description: 'Entra security group that may access the Dataverse databases; the all-zero id means none.', default: '00000000-0000-0000-0000-000000000000' });
    for (const env of envs) {
      const l = labelOf(env.id);
      let envIdExpr: string;
      if (env.environmentId) {
        envIdExpr = addVar({ id: env.id, role: 'id', type: 'string', description: `Id of the existing Power Platform environment "${env.name}" (${env.id}).`, default: env.environmentId });
        main.push(comment(`Environment "${env.name}" already exists (the design records its id), so it is referenced, not created.`));
      } else {
        main.push(block('resource', ['powerplatform_environment', l], [
          attr('display_name', raw(addVar({ id: env.id, role: 'display name', type: 'string', description: `Display name of the Power Platform environment "${env.id}".`, default: env.name }))),
          attr('location', raw(addVar({ id: env.id, role: 'location', type: 'string', description: `Power Platform geography of the environment "${env.id}".`, default: env.geography ?? null }))),
          attr('azure_region', env.azureRegion),
          attr('environment_type', env.environmentType ?? 'Sandbox'),
          attr('description', env.description),
          blank,
          attr('dataverse', hobj(['language_code', raw(lang)], ['currency_code', raw(currency)], ['security_group_id', raw(group)])),
        ]));
        envIdExpr = `powerplatform_environment.${l}.id`;
        outputs.push(block('output', [`${l}_id`], [attr('description', `Id of the Power Platform environment "${env.id}".`), attr('value', raw(envIdExpr))]));
      }
      if (env.managed) {
        main.push(block('resource', ['powerplatform_managed_environment', l], [
          attr('environment_id', raw(envIdExpr)),
          attr('is_usage_insights_disabled', false),
          attr('is_group_sharing_disabled', false),
          attr('limit_sharing_mode', 'NoLimit'),
          attr('max_limit_user_sharing', -1),
          attr('solution_checker_mode', 'None'),
          attr('suppress_validation_emails', true),
        ]));
      }
      ctx.environmentIds.set(env.id, envIdExpr);
      const policy = plan.environmentPolicy(env);
      if (policy) {
        const linkLabel = labels.take(env.id, 'policy link');
        main.push(block('resource', ['powerplatform_enterprise_policy', linkLabel], [
          attr('environment_id', raw(envIdExpr)),
          attr('system_id', raw(`azapi_resource.${labelOf(policy.id)}.output.properties.systemId`)),
          attr('policy_type', 'NetworkInjection'),
          ...(env.managed ? [blank, ...attr('depends_on', [raw(`powerplatform_managed_environment.${l}`)])] : []),
        ]));
      }
    }
  }
}

/** Data policies (DLP), after the environments whose ids they name. */
function dataPolicies(ctx: TerraformContext): void {
  ctx.main.push(...emitDataPoliciesTerraform(ctx));
}

/** Connector secrets: the Key Vault secret's URI, never its value. */
function connectorSecrets(ctx: TerraformContext): void {
  const { plan, labels, labelOf, addVar, outputs } = ctx;
  for (const { connector, vault } of plan.connectorSecrets()) {
    const secretName = addVar({ id: connector.id, role: 'client secret name', type: 'string', description: `Name of the Key Vault secret that holds the OAuth client secret of the connector "${connector.id}" (a name, not the secret).`, default: connector.clientSecretRef });
    outputs.push(block('output', [labels.take(connector.id, 'client secret uri')], [
      attr('description', `Key Vault secret URI (not the value) the connector "${connector.id}" reads its client secret from.`),
      attr('value', raw(`"\${data.azurerm_key_vault.${labelOf(vault.id)}.vault_uri}secrets/\${${secretName}}"`)),
    ]));
  }
}

function publicIp(l: string, name: HclValue, location: HclValue, rgName: HclValue): HclItem {
  return block('resource', ['azurerm_public_ip', l], [
    attr('name', name),
    attr('location', location),
    attr('resource_group_name', rgName),
    attr('allocation_method', 'Static'),
    attr('sku', 'Standard'),
  ]);
}

function defaultResourceGroup(plan: ExportPlan): string {
  for (const e of plan.design.elements) {
    if ((e.kind === 'vnet' || e.kind === 'enterprisePolicy') && e.resourceGroup) return e.resourceGroup;
  }
  const slug = plan.design.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return `rg-${slug || 'powerplatform-network'}`;
}
