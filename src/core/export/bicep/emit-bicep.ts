// Design → main.bicep. One file, not one module per region: peering, DNS links and the enterprise policy
// all reference VNets of both regions, and plain symbol references (with Bicep's implicit dependencies)
// read better than module outputs threaded through. Deploy with `az deployment group create`. Written by
// SECTIONS, an ordered list of section functions over one context, one per resource family.
import { POWER_PLATFORM_DELEGATION } from '../../model/kinds';
import type { ElementOf } from '../../model/schema';
import { derivedNetworkName } from '../azure-names';
import { ExportPlan, SERVICE_FACTS, zoneConfigName } from '../export-plan';
import { elementSymbols } from '../element-symbols';
import { IdentifierPool } from '../identifiers';
import { emitDnsResolversBicep } from './emit-dns-resolvers';
import { emitFirewallBicep } from './emit-firewall';
import { emitMonitoringBicep } from './emit-monitoring';
import { bicepString, comments, expr, obj, output, param, resource, type BicepObject, type BicepValue } from './bicep-writer';

/** API versions: AVM's known-good versions (domain.md §5.1), none older than Bicep's use-recent-api-versions linter allows. */
export const BICEP_API = {
  vnet: '2025-05-01',
  peering: '2025-05-01',
  nat: '2025-05-01',
  publicIp: '2025-01-01',
  nsg: '2025-05-01',
  routeTable: '2025-05-01',
  privateEndpoint: '2025-05-01',
  dnsZoneGroup: '2025-05-01',
  dnsZone: '2024-06-01',
  dnsZoneLink: '2024-06-01',
  gateway: '2025-05-01',
  policy: '2020-10-30-preview',
} as const;

type Gateway = ElementOf<'vpnGateway'> | ElementOf<'expressRouteGateway'>;

/** What every section writes into and the names they share: symbols, parameters, the body, outputs (the prelude both emitters have, each in its own words). */
function bicepContext(plan: ExportPlan) {
  const pool = new IdentifierPool('camel');
  const symbolOf = elementSymbols(plan.design.elements, pool);

  const params: string[] = [];
  const body: string[] = [];
  const outputs: string[] = [];
  const addParam = (id: string, role: string, type: string, description: string, value?: BicepValue, decorators: readonly string[] = []): string => {
    const name = pool.take(id, role);
    params.push(param(name, type, description, value, decorators));
    return name;
  };
  const nameParam = (e: { id: string; name: string; kind: string }, what: string) =>
    addParam(e.id, 'name', 'string', `Name of the ${what} "${e.id}".`, e.name);
  const locationParam = (e: Parameters<ExportPlan['regionOf']>[0], what: string) => {
    const region = plan.regionOf(e);
    return addParam(e.id, 'location', 'string', `Azure region of the ${what} "${e.id}".`, region ?? expr('resourceGroup().location'));
  };

  const nameOf = new Map<string, string>();
  const locationOf = new Map<string, string>();
  const subnetName = new Map<string, string>();
  const subnetRef = new Map<string, string>();
  const serviceId = new Map<string, string>();
  const serviceScope = new Map<string, string>();
  return { plan, pool, symbolOf, params, body, outputs, addParam, nameParam, locationParam, nameOf, locationOf, subnetName, subnetRef, serviceId, serviceScope };
}

type BicepContext = ReturnType<typeof bicepContext>;

/** The sections of the file, in the order they are written (a later one may refer to an earlier one's symbols). */
const SECTIONS: readonly ((ctx: BicepContext) => void)[] = [nsgs, routeTables, natGateways, vnets, peerings, gateways, firewalls, azureServices, monitoring, privateDnsZones, dnsResolvers, privateEndpoints, enterprisePolicies, connectorSecrets];

export function emitMainBicep(plan: ExportPlan): string {
  const ctx = bicepContext(plan);
  for (const section of SECTIONS) section(ctx);
  const { params, body, outputs } = ctx;
  const intro = comments(
    `Design: ${plan.design.name}`,
    '',
    'Deploy into an existing resource group:',
    '  az deployment group create --resource-group <rg> --template-file main.bicep',
    'Then link the environments to the enterprise policy (ARM cannot): run link-environments.sh or link-environments.ps1.',
    'Prerequisite: the Microsoft.PowerPlatform resource provider registered in the subscription (no preview feature).',
  );
  const sections = [
    `${intro}\n\ntargetScope = 'resourceGroup'`,
    ...(params.length ? [`${comments('Parameters')}\n\n${params.join('\n\n')}`] : []),
    ...body,
    ...outputs,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** NSGs. */
function nsgs(ctx: BicepContext): void {
  const { plan, symbolOf, body, nameParam, locationParam, nameOf } = ctx;
  for (const nsg of plan.all('nsg')) {
    const name = nameParam(nsg, 'network security group');
    const loc = locationParam(nsg, 'network security group');
    nameOf.set(nsg.id, name);
    body.push(resource(symbolOf(nsg.id), `Microsoft.Network/networkSecurityGroups@${BICEP_API.nsg}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(['securityRules', (nsg.rules ?? []).map((r) => obj(
        ['name', r.name],
        ['properties', obj(
          ['description', r.description],
          ['priority', r.priority],
          ['direction', r.direction],
          ['access', r.access],
          ['protocol', r.protocol],
          ['sourceAddressPrefix', r.sourceAddressPrefix],
          ['sourcePortRange', r.sourcePortRange],
          ['destinationAddressPrefix', r.destinationAddressPrefix],
          ['destinationPortRange', r.destinationPortRange],
        )],
      ))])],
    )));
  }
}

/** Route tables. */
function routeTables(ctx: BicepContext): void {
  const { plan, symbolOf, body, nameParam, locationParam } = ctx;
  for (const rt of plan.all('routeTable')) {
    const name = nameParam(rt, 'route table');
    const loc = locationParam(rt, 'route table');
    body.push(resource(symbolOf(rt.id), `Microsoft.Network/routeTables@${BICEP_API.routeTable}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(
        ['disableBgpRoutePropagation', rt.bgpRoutePropagation === undefined ? undefined : !rt.bgpRoutePropagation],
        ['routes', (rt.routes ?? []).map((r) => obj(
          ['name', r.name],
          ['properties', obj(['addressPrefix', r.addressPrefix], ['nextHopType', r.nextHopType], ['nextHopIpAddress', r.nextHopIpAddress])],
        ))],
      )],
    )));
  }
}

/** NAT gateways with their Standard static public IPs. */
function natGateways(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, nameParam, locationParam } = ctx;
  for (const nat of plan.all('natGateway')) {
    const name = nameParam(nat, 'NAT gateway');
    const loc = locationParam(nat, 'NAT gateway');
    const count = Math.max(1, nat.publicIpCount ?? 1);
    const pips: string[] = [];
    for (let i = 1; i <= count; i++) {
      const pip = pool.take(nat.id, 'pip', String(i));
      pips.push(pip);
      body.push(publicIp(pip, `'\${${name}}-pip${i}'`, loc));
    }
    body.push(resource(symbolOf(nat.id), `Microsoft.Network/natGateways@${BICEP_API.nat}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['sku', obj(['name', 'Standard'])],
      ['properties', obj(
        ['idleTimeoutInMinutes', nat.idleTimeoutMinutes],
        ['publicIpAddresses', pips.map((p) => obj(['id', expr(`${p}.id`)]))],
      )],
    )));
  }
}

/** VNets, subnets inline (a VNet redeploy with child-resource subnets would try to delete them). */
function vnets(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, addParam, nameParam, locationParam, nameOf, locationOf, subnetName, subnetRef } = ctx;
  for (const vnet of plan.all('vnet')) {
    const name = nameParam(vnet, 'virtual network');
    const loc = locationParam(vnet, 'virtual network');
    nameOf.set(vnet.id, name);
    locationOf.set(vnet.id, loc);
    const spaces = addParam(vnet.id, 'address prefixes', 'array', `Address spaces of the virtual network "${vnet.id}".`, vnet.addressSpaces);
    const subnets = plan.all('subnet').filter((s) => s.parent === vnet.id);
    const subnetValues: BicepObject[] = [];
    for (const s of subnets) {
      const sName = addParam(s.id, 'name', 'string', `Name of the subnet "${s.id}" in "${vnet.id}".`, s.name);
      const prefix = addParam(s.id, 'prefix', 'string', `Address prefix of the subnet "${s.id}".`, s.addressPrefix);
      subnetName.set(s.id, sName);
      const a = plan.subnetAssociations(s.id);
      subnetValues.push(obj(
        ['name', expr(sName)],
        ['properties', obj(
          ['addressPrefix', expr(prefix)],
          ['delegations', s.delegations?.length ? s.delegations.map((service) => obj(['name', service], ['properties', obj(['serviceName', service])])) : undefined],
          ['natGateway', a.nat ? obj(['id', expr(`${symbolOf(a.nat.id)}.id`)]) : undefined],
          ['networkSecurityGroup', a.nsg ? obj(['id', expr(`${symbolOf(a.nsg.id)}.id`)]) : undefined],
          ['routeTable', a.routeTable ? obj(['id', expr(`${symbolOf(a.routeTable.id)}.id`)]) : undefined],
          ['privateEndpointNetworkPolicies', s.privateEndpointNetworkPolicies],
          ['defaultOutboundAccess', s.defaultOutboundAccess],
          ['serviceEndpoints', s.serviceEndpoints?.length ? s.serviceEndpoints.map((service) => obj(['service', service])) : undefined],
        )],
      ));
    }
    const delegated = subnets.some((s) => s.delegations?.includes(POWER_PLATFORM_DELEGATION));
    body.push(resource(symbolOf(vnet.id), `Microsoft.Network/virtualNetworks@${BICEP_API.vnet}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(
        ['addressSpace', obj(['addressPrefixes', expr(spaces)])],
        ['dhcpOptions', vnet.dnsServers?.length ? obj(['dnsServers', vnet.dnsServers]) : undefined],
        ['subnets', subnetValues],
      )],
    ), delegated ? { lead: comments('Hosts a subnet delegated to Power Platform: its address range and DNS servers cannot change while an environment is linked.') } : {}));
    // Named handles on the inline subnets for private endpoints and gateways; `parent` gives the dependency.
    for (const s of subnets) {
      if (!needsSubnetHandle(plan, s.id)) continue;
      const handle = pool.take(s.id, 'ref');
      subnetRef.set(s.id, handle);
      body.push(resource(handle, `Microsoft.Network/virtualNetworks/subnets@${BICEP_API.vnet}`, obj(
        ['parent', expr(symbolOf(vnet.id))],
        ['name', expr(subnetName.get(s.id)!)],
      ), { existing: true }));
    }
  }
}

/** Peerings (one child resource per direction, as designed). */
function peerings(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, nameOf } = ctx;
  for (const p of plan.peerings()) {
    body.push(resource(pool.take(p.id), `Microsoft.Network/virtualNetworks/virtualNetworkPeerings@${BICEP_API.peering}`, obj(
      ['parent', expr(symbolOf(p.from.id))],
      ['name', expr(`'\${${nameOf.get(p.from.id)}}-to-\${${nameOf.get(p.to.id)}}'`)],
      ['properties', obj(
        ['remoteVirtualNetwork', obj(['id', expr(`${symbolOf(p.to.id)}.id`)])],
        ['allowVirtualNetworkAccess', p.relation.allowVirtualNetworkAccess ?? true],
        ['allowForwardedTraffic', p.relation.allowForwardedTraffic ?? false],
        ['allowGatewayTransit', p.relation.allowGatewayTransit ?? false],
        ['useRemoteGateways', p.relation.useRemoteGateways ?? false],
      )],
    ), p.relation.useRemoteGateways ? { lead: comments('Uses the remote VNet\'s gateway: deploy that gateway first (it is in this template, so the dependency is explicit).') } : {}));
    if (p.relation.useRemoteGateways) {
      const remoteGateways = [...plan.all('vpnGateway'), ...plan.all('expressRouteGateway')].filter((g) => g.parent === p.to.id);
      if (remoteGateways.length > 0) {
        // Rewrite the last pushed resource with explicit dependsOn: there is no property reference to carry it.
        const last = body.pop()!;
        body.push(last.replace(/\n\}$/, `\n  dependsOn: [\n${remoteGateways.map((g) => `    ${symbolOf(g.id)}`).join('\n')}\n  ]\n}`));
      }
    }
  }
}

/** VPN and ExpressRoute gateways, their public IPs, on-premises sites and connections. */
function gateways(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, addParam, nameParam, locationParam, locationOf, subnetRef } = ctx;
  const gateways: Gateway[] = [...plan.all('vpnGateway'), ...plan.all('expressRouteGateway')].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const gw of gateways) {
    const vnet = plan.topology.vnetOf(gw.id);
    const what = gw.kind === 'vpnGateway' ? 'VPN gateway' : 'ExpressRoute gateway';
    const name = nameParam(gw, what);
    const loc = vnet ? locationOf.get(vnet.id)! : locationParam(gw, what);
    const gwSubnet = plan.gatewaySubnet(gw);
    const subnetId = gwSubnet && subnetRef.has(gwSubnet.id)
      ? expr(`${subnetRef.get(gwSubnet.id)}.id`)
      : expr(addParam(gw.id, 'subnet id', 'string', `Resource id of the GatewaySubnet for "${gw.id}" (the design does not model one).`));
    const ipConfigs: BicepObject[] = [];
    for (let i = 1; i <= plan.gatewayIpCount(gw); i++) {
      const pip = pool.take(gw.id, 'pip', String(i));
      body.push(publicIp(pip, `'\${${name}}-pip${i}'`, loc));
      ipConfigs.push(obj(
        ['name', `ipconfig${i}`],
        ['properties', obj(['privateIPAllocationMethod', 'Dynamic'], ['subnet', obj(['id', subnetId])], ['publicIPAddress', obj(['id', expr(`${pip}.id`)])])],
      ));
    }
    const sku = gw.sku ?? (gw.kind === 'vpnGateway' ? 'VpnGw1AZ' : 'ErGw1AZ');
    body.push(resource(symbolOf(gw.id), `Microsoft.Network/virtualNetworkGateways@${BICEP_API.gateway}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(
        ['gatewayType', gw.kind === 'vpnGateway' ? 'Vpn' : 'ExpressRoute'],
        ['vpnType', gw.kind === 'vpnGateway' ? 'RouteBased' : undefined],
        ['activeActive', gw.kind === 'vpnGateway' ? gw.activeActive ?? false : undefined],
        ['sku', obj(['name', sku], ['tier', sku])],
        ['ipConfigurations', ipConfigs],
      )],
    )));
  }
  for (const c of plan.gatewayConnections()) {
    const gwSym = symbolOf(c.gateway.id);
    const vnet = plan.topology.vnetOf(c.gateway.id);
    const loc = vnet ? locationOf.get(vnet.id)! : expr('resourceGroup().location').expr;
    const connName = addParam(c.id, 'name', 'string', `Name of the connection "${c.id}" from "${c.gateway.id}" to "${c.site.id}".`, derivedNetworkName('cn', c.gateway.name, c.site.name));
    if (c.gateway.kind === 'vpnGateway') {
      const lgwName = addParam(c.site.id, 'local gateway name', 'string', `Name of the local network gateway for the on-premises network "${c.site.id}".`, derivedNetworkName('lgw', c.site.name));
      const lgwAddress = addParam(c.site.id, 'gateway address', 'string', `Public IP address of the on-premises VPN device of "${c.site.id}".`);
      const sharedKey = addParam(c.id, 'shared key', 'string', `IPsec pre-shared key of the connection "${c.id}"; supply it at deployment (for example from Key Vault), never in a file.`, undefined, ['@secure()']);
      const lgw = pool.take(c.site.id, 'lgw', c.id);
      body.push(resource(lgw, `Microsoft.Network/localNetworkGateways@${BICEP_API.gateway}`, obj(
        ['name', expr(lgwName)],
        ['location', expr(loc)],
        ['properties', obj(['gatewayIpAddress', expr(lgwAddress)], ['localNetworkAddressSpace', obj(['addressPrefixes', c.site.addressSpaces ?? []])])],
      )));
      body.push(resource(pool.take(c.id), `Microsoft.Network/connections@${BICEP_API.gateway}`, obj(
        ['name', expr(connName)],
        ['location', expr(loc)],
        ['properties', obj(
          ['connectionType', 'IPsec'],
          ['virtualNetworkGateway1', obj(['id', expr(`${gwSym}.id`)], ['properties', obj()])],
          ['localNetworkGateway2', obj(['id', expr(`${lgw}.id`)], ['properties', obj()])],
          ['sharedKey', expr(sharedKey)],
        )],
      )));
    } else {
      const circuit = addParam(c.id, 'circuit id', 'string', `Resource id of the ExpressRoute circuit that reaches "${c.site.id}".`);
      body.push(resource(pool.take(c.id), `Microsoft.Network/connections@${BICEP_API.gateway}`, obj(
        ['name', expr(connName)],
        ['location', expr(loc)],
        ['properties', obj(
          ['connectionType', 'ExpressRoute'],
          ['virtualNetworkGateway1', obj(['id', expr(`${gwSym}.id`)], ['properties', obj()])],
          ['peer', obj(['id', expr(circuit)])],
        )],
      )));
    }
  }
}

/** Azure services: referenced, never deployed. */
function azureServices(ctx: BicepContext): void {
  const { plan, symbolOf, params, body, addParam, nameParam, serviceId } = ctx;
  const services = plan.referencedServices();
  services.forEach((svc, i) => {
    const lead = i === 0
      ? comments(
        'Azure services are referenced as `existing`, not deployed: their data, keys and application code have',
        'their own lifecycle and templates. Point the name and resource group parameters at the real resources.',
      )
      : undefined;
    if (svc.serviceType === 'other') {
      const idParam = addParam(svc.id, 'resource id', 'string', `Resource id of the Azure service "${svc.id}"${svc.resourceType ? ` (${svc.resourceType})` : ''}.`);
      serviceId.set(svc.id, idParam);
      if (lead) params[params.length - 1] = `${lead}\n${params[params.length - 1]}`;
      return;
    }
    const facts = SERVICE_FACTS[svc.serviceType];
    const name = nameParam(svc, 'Azure service');
    const rg = addParam(svc.id, 'resource group', 'string', `Resource group of the Azure service "${svc.id}".`, svc.resourceGroup ?? expr('resourceGroup().name'));
    const sub = svc.subscriptionId
      ? addParam(svc.id, 'subscription id', 'string', `Subscription of the Azure service "${svc.id}".`, svc.subscriptionId)
      : undefined;
    const scope = sub ? `resourceGroup(${sub}, ${rg})` : `resourceGroup(${rg})`;
    body.push(resource(symbolOf(svc.id), `${facts.armType}@${facts.apiVersion}`, obj(
      ['name', expr(name)],
      ['scope', expr(scope)],
    ), { existing: true, ...(lead ? { lead } : {}) }));
    serviceId.set(svc.id, `${symbolOf(svc.id)}.id`);
    ctx.serviceScope.set(svc.id, scope);
  });
}

/** Azure Firewalls, their public IPs and policies (emit-firewall.ts). */
function firewalls(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, outputs, addParam, nameParam, locationParam, subnetRef, locationOf } = ctx;
  const out = emitFirewallBicep({
    plan, symbolOf, take: (id, ...roles) => pool.take(id, ...roles), addParam, nameParam, locationParam, publicIp,
    subnetRef: (id) => subnetRef.get(id), vnetLocation: (id) => locationOf.get(id),
  });
  body.push(...out.body);
  outputs.push(...out.outputs);
}

/** Monitoring: Log Analytics workspaces, Network Watchers, VNet flow logs, diagnostic settings (emit-monitoring). */
function monitoring(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, addParam, nameParam, locationParam, serviceId, serviceScope } = ctx;
  body.push(...emitMonitoringBicep({ plan, symbolOf, take: (id, ...roles) => pool.take(id, ...roles), addParam, nameParam, locationParam, serviceId, serviceScope }));
}

/** DNS private resolvers with their endpoints, forwarding rulesets with their rules and links (emit-dns-resolvers). */
function dnsResolvers(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, addParam, nameParam, locationParam, locationOf, subnetRef, nameOf } = ctx;
  body.push(...emitDnsResolversBicep({ plan, symbolOf, take: (id, ...roles) => pool.take(id, ...roles), addParam, nameParam, locationParam, locationOf, subnetRef, nameOf }));
}

/** Private DNS zones (global) and their VNet links. */
function privateDnsZones(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, nameOf } = ctx;
  for (const zone of plan.all('privateDnsZone')) {
    const zs = symbolOf(zone.id);
    body.push(resource(zs, `Microsoft.Network/privateDnsZones@${BICEP_API.dnsZone}`, obj(
      ['name', zoneNameValue(zone.name)],
      ['location', 'global'],
    ), { lead: comments('Private DNS zone names are fixed by Azure for each service, so they are not parameters; cloud-specific', 'suffixes come from environment() so the template also deploys in sovereign clouds.') }));
    for (const link of plan.zoneLinks(zone.id)) {
      body.push(resource(pool.take(link.id), `Microsoft.Network/privateDnsZones/virtualNetworkLinks@${BICEP_API.dnsZoneLink}`, obj(
        ['parent', expr(zs)],
        ['name', expr(`'link-\${${nameOf.get(link.vnet.id)}}'`)],
        ['location', 'global'],
        ['properties', obj(['virtualNetwork', obj(['id', expr(`${symbolOf(link.vnet.id)}.id`)])], ['registrationEnabled', link.registrationEnabled])],
      )));
    }
  }
}

/** Private endpoints and their DNS zone groups. */
function privateEndpoints(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, addParam, nameParam, locationParam, locationOf, subnetRef, serviceId } = ctx;
  for (const pe of plan.all('privateEndpoint')) {
    const name = nameParam(pe, 'private endpoint');
    const vnet = plan.homeVnet(pe);
    const loc = pe.region === undefined && vnet ? locationOf.get(vnet.id)! : locationParam(pe, 'private endpoint');
    const subnet = plan.endpointSubnet(pe);
    const subnetId = subnet && subnetRef.has(subnet.id)
      ? expr(`${subnetRef.get(subnet.id)}.id`)
      : expr(addParam(pe.id, 'subnet id', 'string', `Resource id of the subnet for the private endpoint "${pe.id}".`));
    const target = plan.endpointTarget(pe);
    const targetId = target && serviceId.has(target.id)
      ? expr(serviceId.get(target.id)!)
      : expr(addParam(pe.id, 'target id', 'string', `Resource id of the service the private endpoint "${pe.id}" connects to.`));
    const groupId = plan.endpointGroupId(pe);
    const ps = symbolOf(pe.id);
    body.push(resource(ps, `Microsoft.Network/privateEndpoints@${BICEP_API.privateEndpoint}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(
        ['subnet', obj(['id', subnetId])],
        ['privateLinkServiceConnections', [obj(
          ['name', expr(name)],
          ['properties', obj(['privateLinkServiceId', targetId], ['groupIds', groupId ? [groupId] : undefined])],
        )]],
      )],
    )));
    const zones = plan.endpointZones(pe);
    if (zones.length > 0) {
      body.push(resource(pool.take(pe.id, 'dns zone group'), `Microsoft.Network/privateEndpoints/privateDnsZoneGroups@${BICEP_API.dnsZoneGroup}`, obj(
        ['parent', expr(ps)],
        ['name', 'default'],
        ['properties', obj(['privateDnsZoneConfigs', zones.map((z) => obj(
          ['name', zoneConfigName(z.name)],
          ['properties', obj(['privateDnsZoneId', expr(`${symbolOf(z.id)}.id`)])],
        ))])],
      )));
    }
  }
}

/** Enterprise policies. */
function enterprisePolicies(ctx: BicepContext): void {
  const { plan, pool, symbolOf, body, outputs, addParam, nameParam, subnetName } = ctx;
  for (const policy of plan.all('enterprisePolicy')) {
    const name = nameParam(policy, 'enterprise policy');
    const loc = addParam(policy.id, 'location', 'string', `Power Platform geography of the enterprise policy "${policy.id}" (not an Azure region).`, policy.geography);
    const ps = symbolOf(policy.id);
    const networks = plan.policySubnets(policy).map(({ subnet, vnet }) => obj(
      ['id', expr(`${symbolOf(vnet.id)}.id`)],
      ['subnet', obj(['name', expr(subnetName.get(subnet.id)!)])],
    ));
    body.push(resource(ps, `Microsoft.PowerPlatform/enterprisePolicies@${BICEP_API.policy}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['kind', 'NetworkInjection'],
      ['properties', obj(['networkInjection', obj(['virtualNetworks', networks])])],
    ), {
      lead: comments(
        'virtualNetworks is a plain array of { id: <VNet id>, subnet: { name } }. Never wrap it as { value: [...] }:',
        'older type data and docs show that wrapper, and Azure rejects it at deploy time (bicep-types-az#2251).',
        'The location is a Power Platform geography. Linking environments happens after deployment (link-environments.sh).',
      ),
    }));
    outputs.push(output(pool.take(policy.id, 'id'), 'string', expr(`${ps}.id`), `Resource id of the enterprise policy "${policy.id}".`));
    outputs.push(output(pool.take(policy.id, 'system id'), 'string', expr(`${ps}.properties.systemId`), `SystemId of the enterprise policy "${policy.id}", which the environment link call takes.`));
  }
}

/** Secret references for connectors: the secret's URI, never its value. */
function connectorSecrets(ctx: BicepContext): void {
  const { plan, pool, symbolOf, outputs, addParam } = ctx;
  for (const { connector, vault } of plan.connectorSecrets()) {
    const secret = addParam(connector.id, 'client secret name', 'string', `Name of the Key Vault secret that holds the OAuth client secret of the connector "${connector.id}" (a name, not the secret).`, connector.clientSecretRef);
    outputs.push(output(pool.take(connector.id, 'client secret uri'), 'string', expr(`'\${${symbolOf(vault.id)}.properties.vaultUri}secrets/\${${secret}}'`), `Key Vault secret URI (not the value) the connector "${connector.id}" reads its client secret from.`));
  }
}

/** Cloud-specific DNS suffixes written through environment(), as the no-hardcoded-env-urls linter rule asks. */
const CLOUD_SUFFIXES: readonly (readonly [string, string])[] = [
  ['.database.windows.net', 'environment().suffixes.sqlServerHostname'],
  ['.core.windows.net', "'.${environment().suffixes.storage}'"],
];

function zoneNameValue(zoneName: string): BicepValue {
  for (const [suffix, replacement] of CLOUD_SUFFIXES) {
    if (!zoneName.endsWith(suffix)) continue;
    const head = zoneName.slice(0, -suffix.length);
    const tail = replacement.startsWith("'") ? replacement.slice(1, -1) : `\${${replacement}}`;
    return expr(`${bicepString(head).slice(0, -1)}${tail}'`);
  }
  return zoneName;
}

function needsSubnetHandle(plan: ExportPlan, subnetId: string): boolean {
  const t = plan.topology;
  if (t.incoming(subnetId, 'peSubnet').length > 0 || t.incoming(subnetId, 'firewallSubnet').length > 0) return true;
  if (t.incoming(subnetId, 'resolverInbound').length > 0 || t.incoming(subnetId, 'resolverOutbound').length > 0) return true;
  const subnet = t.get(subnetId, 'subnet');
  if (!subnet || subnet.name !== 'GatewaySubnet') return false;
  return t.children(subnet.parent).some((c) => c.kind === 'vpnGateway' || c.kind === 'expressRouteGateway');
}

function publicIp(symbol: string, nameExpr: string, location: string): string {
  return resource(symbol, `Microsoft.Network/publicIPAddresses@${BICEP_API.publicIp}`, obj(
    ['name', expr(nameExpr)],
    ['location', expr(location)],
    ['sku', obj(['name', 'Standard'])],
    ['properties', obj(['publicIPAllocationMethod', 'Static'])],
  ));
}
