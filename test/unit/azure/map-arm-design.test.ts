// The pure ARM → design mapping: the seed subscription maps to the seed's Azure part, relations come from
// resource ids, and unusual shapes (value wrapper, gateways, unknown targets, name clashes) are handled.
import { describe, expect, it } from 'vitest';
import { mapArmToDesign, serviceTypeOf } from '../../../src/core/azure/map-arm-design';
import { emptySnapshot, type ArmResource } from '../../../src/core/azure/arm-shapes';
import { designSchema, type Design } from '../../../src/core/model/schema';
import { checkIntegrity } from '../../../src/core/model/integrity';
import { validateDesign } from '../../../src/core/rules/engine';
import { loadSample } from '../support/designs';
import { findResource, loadFixture, snapshotOf } from './arm-snapshot';

const relationsOf = (d: Design) => d.relations.map((r) => {
  const name = (id: string) => d.elements.find((e) => e.id === id)!.name;
  return `${r.kind}:${name(r.from)}→${name(r.to)}`;
}).sort();

/** The seed without what Azure cannot hold (environments, connectors, the VNet data gateway, data policies). */
const NOT_IMPORTED = new Set(['environment', 'connector', 'vnetDataGateway', 'dataPolicy']);
function seedAzurePart(): Design {
  const seed = loadSample('seed');
  const outside = new Set(seed.elements.filter((e) => NOT_IMPORTED.has(e.kind)).map((e) => e.id));
  return {
    ...seed,
    elements: seed.elements.filter((e) => !outside.has(e.id)),
    relations: seed.relations.filter((r) => !outside.has(r.from) && !outside.has(r.to)),
  };
}

describe('mapArmToDesign', () => {
  const { design, notes } = mapArmToDesign(snapshotOf(loadFixture()), { name: 'imported' });

  it('yields a schema-valid design with intact references and no notes', () => {
    expect(designSchema.safeParse(design).success).toBe(true);
    expect(checkIntegrity(design)).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('has the same relations as the Azure part of the seed, by resource name', () => {
    expect(relationsOf(design)).toEqual(relationsOf(seedAzurePart()));
  });

  it('reads the VNet, subnet, peering, NAT, NSG, private endpoint and policy properties', () => {
    const get = (name: string, kind: string) => design.elements.find((e) => e.name === name && e.kind === kind)!;
    expect(get('vnet-pp-weu', 'vnet')).toMatchObject({ region: 'westeurope', addressSpaces: ['10.10.0.0/16'], dnsServers: [], resourceGroup: 'rg-casemgmt-network' });
    const delegated = design.elements.filter((e) => e.kind === 'subnet' && e.name === 'snet-powerplatform');
    // Both VNets name their delegated subnet alike; the second one gets its VNet's name in its id.
    expect(delegated.map((e) => [e.id, e.kind === 'subnet' && e.parent])).toEqual([['snet-powerplatform', 'vnet-pp-neu'], ['vnet-pp-weu-snet-powerplatform', 'vnet-pp-weu']]);
    expect(delegated[0]).toMatchObject({ delegations: ['Microsoft.PowerPlatform/enterprisePolicies'], privateEndpointNetworkPolicies: 'Disabled' });
    expect(get('ng-pp-weu', 'natGateway')).toMatchObject({ publicIpCount: 1, idleTimeoutMinutes: 4 });
    const seedNsg = seedAzurePart().elements.find((e) => e.id === 'nsg-weu');
    expect(get('nsg-pp-weu', 'nsg')).toMatchObject({ rules: seedNsg?.kind === 'nsg' ? seedNsg.rules : 'seed nsg-weu missing' });
    expect(get('pe-casemgmt-kv', 'privateEndpoint')).toMatchObject({ groupId: 'vault', region: 'westeurope' });
    expect(get('kv-casemgmt', 'azureService')).toMatchObject({ serviceType: 'keyVault', resourceGroup: 'rg-casemgmt-app' });
    expect(get('ep-casemgmt-prod', 'enterprisePolicy')).toMatchObject({ geography: 'europe', policyKind: 'NetworkInjection', networksShape: 'array' });
    const peering = design.relations.find((r) => r.kind === 'peering')!;
    expect(peering).toMatchObject({ allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false });
  });

  it('validates like the original: same rule ids as the seed without environment and connector', () => {
    const ids = (d: Design) => [...new Set(validateDesign(d).map((f) => f.ruleId))].sort();
    expect(ids(design)).toEqual(ids(seedAzurePart()));
  });

  it('reads the {value: []} wrapper and names subnets it cannot resolve', () => {
    const fixture = loadFixture();
    const policy = findResource(fixture, '/enterprisePolicies/ep-casemgmt-prod');
    const networks = (policy.properties!.networkInjection as { virtualNetworks: unknown[] }).virtualNetworks;
    (policy.properties!.networkInjection as { virtualNetworks: unknown }).virtualNetworks = {
      value: [...networks, { id: '/subscriptions/x/resourceGroups/other/providers/Microsoft.Network/virtualNetworks/vnet-elsewhere', subnet: { name: 'snet-x' } }],
    };
    const r = mapArmToDesign(snapshotOf(fixture), { name: 'wrapped' });
    const ep = r.design.elements.find((e) => e.kind === 'enterprisePolicy')!;
    expect(ep).toMatchObject({ networksShape: 'valueWrapper', unresolvedSubnets: [{ vnet: 'vnet-elsewhere', subnet: 'snet-x' }] });
    expect(r.design.relations.filter((x) => x.kind === 'policySubnet')).toHaveLength(2);
    expect(r.notes).toEqual([expect.stringContaining('snet-x')]);
  });

  it('places gateways in their VNet, associates route tables and maps private link target types', () => {
    const vnetId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub';
    const rtId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt-hub';
    const res = (id: string, extra: Partial<ArmResource>): ArmResource => ({ id, name: id.split('/').pop()!, ...extra });
    const snapshot = {
      ...emptySnapshot(),
      virtualNetworks: [res(vnetId, { location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [
        res(`${vnetId}/subnets/GatewaySubnet`, { properties: { addressPrefix: '10.0.255.0/27' } }),
        res(`${vnetId}/subnets/snet-app`, { properties: { addressPrefix: '10.0.1.0/24', routeTable: { id: rtId }, networkSecurityGroup: { id: '/subscriptions/s/resourceGroups/elsewhere/providers/Microsoft.Network/networkSecurityGroups/nsg-x' } } }),
      ] } })],
      routeTables: [res(rtId, { location: 'westeurope', properties: { disableBgpRoutePropagation: true, routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } }] } })],
      virtualNetworkGateways: [
        res('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/vgw', { properties: { gatewayType: 'Vpn', activeActive: false, sku: { name: 'VpnGw1AZ' }, ipConfigurations: [{ properties: { subnet: { id: `${vnetId}/subnets/GatewaySubnet` } } }] } }),
        res('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/ergw', { properties: { gatewayType: 'ExpressRoute', sku: { name: 'ErGw1AZ' }, ipConfigurations: [{ properties: { subnet: { id: `${vnetId}/subnets/GatewaySubnet` } } }] } }),
      ],
      privateEndpoints: [
        res('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-sql', { properties: { subnet: { id: `${vnetId}/subnets/snet-app` }, privateLinkServiceConnections: [{ properties: { privateLinkServiceId: '/subscriptions/s/resourceGroups/data/providers/Microsoft.Sql/servers/sql1', groupIds: ['sqlServer'] } }] } }),
        res('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-cosmos', { properties: { subnet: { id: `${vnetId}/subnets/snet-app` }, manualPrivateLinkServiceConnections: [{ properties: { privateLinkServiceId: '/subscriptions/s/resourceGroups/data/providers/Microsoft.DocumentDB/databaseAccounts/cosmos1', groupIds: ['Sql'] } }] } }),
      ],
    };
    const r = mapArmToDesign(snapshot, { name: 'hub' });
    expect(checkIntegrity(r.design)).toEqual([]);
    expect(r.design.elements.find((e) => e.name === 'vgw')).toMatchObject({ kind: 'vpnGateway', sku: 'VpnGw1AZ', activeActive: false, parent: 'hub' });
    expect(r.design.elements.find((e) => e.name === 'ergw')).toMatchObject({ kind: 'expressRouteGateway', sku: 'ErGw1AZ', parent: 'hub' });
    expect(r.design.elements.find((e) => e.name === 'rt-hub')).toMatchObject({ bgpRoutePropagation: false, routes: [{ name: 'default', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' }] });
    expect(relationsOf(r.design)).toEqual([
      'peSubnet:pe-cosmos→snet-app', 'peSubnet:pe-sql→snet-app',
      'peTarget:pe-cosmos→cosmos1', 'peTarget:pe-sql→sql1',
      'routeTableAssociation:rt-hub→snet-app',
    ]);
    expect(r.design.elements.find((e) => e.name === 'sql1')).toMatchObject({ serviceType: 'sqlServer' });
    expect(r.design.elements.find((e) => e.name === 'cosmos1')).toMatchObject({ serviceType: 'other', resourceType: 'Microsoft.DocumentDB/databaseAccounts' });
    expect(r.notes).toEqual([expect.stringMatching(/snet-app uses network security group .*nsg-x, which was not read/)]);
  });

  it('reads rules as the Bicep reader does, resolves by id not by name, and notes each reference it cannot follow', () => {
    const rg = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network';
    const other = '/subscriptions/s/resourceGroups/other/providers/Microsoft.Network';
    const res = (id: string, extra: Partial<ArmResource>): ArmResource => ({ id, name: id.split('/').pop()!, ...extra });
    const rule = (name: string, priority: number, extra: Record<string, unknown>) => ({
      name, properties: { priority, direction: 'Inbound', access: 'Allow', protocol: 'tcp', sourcePortRange: '*', destinationPortRange: '443', ...extra },
    });
    const snapshot = {
      ...emptySnapshot(),
      virtualNetworks: [res(`${rg}/virtualNetworks/spoke`, { properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] }, subnets: [
        res(`${rg}/virtualNetworks/spoke/subnets/snet-a`, { properties: { addressPrefix: '10.1.1.0/24', networkSecurityGroup: { id: `${other}/networkSecurityGroups/nsg-a` }, routeTable: { id: `${other}/routeTables/rt-a` } } }),
      ] } })],
      virtualNetworkPeerings: [res(`${rg}/virtualNetworks/spoke/virtualNetworkPeerings/to-hub`, { properties: { remoteVirtualNetwork: { id: `${other}/virtualNetworks/hub` } } })],
      // An NSG of the same name in the group read: the subnet's reference names another group's, so it is no match.
      networkSecurityGroups: [
        res(`${rg}/networkSecurityGroups/nsg-a`, { properties: { securityRules: [rule('lists', 100, { sourceAddressPrefixes: ['10.0.0.0/24', '10.0.1.0/24'], destinationAddressPrefix: '*' })] } }),
        res(`${rg}/networkSecurityGroups/nsg-asg`, { properties: { securityRules: [
          rule('plain', 100, { sourceAddressPrefix: '*', destinationAddressPrefix: '*' }),
          rule('by-asg', 110, { sourceApplicationSecurityGroups: [{ id: `${rg}/applicationSecurityGroups/asg` }], destinationAddressPrefix: '*' }),
        ] } }),
      ],
    };
    const r = mapArmToDesign(snapshot, { name: 'spoke' });
    expect(checkIntegrity(r.design)).toEqual([]);
    expect(designSchema.safeParse(r.design).success).toBe(true);
    expect(r.design.elements.find((e) => e.name === 'nsg-a')).toMatchObject({ rules: [{ name: 'lists', protocol: 'Tcp', sourceAddressPrefix: '10.0.0.0/24,10.0.1.0/24' }] });
    // One rule the design cannot hold leaves the rule set unknown rather than partial.
    expect(r.design.elements.find((e) => e.name === 'nsg-asg')).not.toHaveProperty('rules');
    expect(r.design.relations).toEqual([]);
    expect([...r.notes].sort()).toEqual([
      'NSG nsg-asg: a rule uses a shape the designer does not model, so its rules are left out.',
      `Peering to-hub uses virtual network ${other}/virtualNetworks/hub, which was not read (another resource group or no permission).`,
      `Subnet spoke/snet-a uses network security group ${other}/networkSecurityGroups/nsg-a, which was not read (another resource group or no permission).`,
      `Subnet spoke/snet-a uses route table ${other}/routeTables/rt-a, which was not read (another resource group or no permission).`,
    ]);
  });

  it('maps the documented private link target types', () => {
    expect(['Microsoft.KeyVault/vaults', 'Microsoft.Sql/servers', 'Microsoft.Storage/storageAccounts', 'microsoft.web/sites', 'Microsoft.Search/searchServices', 'Microsoft.Cache/redis'].map(serviceTypeOf))
      .toEqual(['keyVault', 'sqlServer', 'storageAccount', 'appService', 'aiSearch', 'other']);
  });

  it('reads the seed monitoring, and names the monitoring it does not model or cannot resolve', () => {
    const flowLog = relationsOf(design).filter((r) => r.includes('fl-vnet-pp-weu'));
    expect(flowLog).toEqual([
      'flowLogStorage:fl-vnet-pp-weu→stflowlogsweu', 'flowLogTarget:fl-vnet-pp-weu→vnet-pp-weu',
      'flowLogWatcher:fl-vnet-pp-weu→NetworkWatcher_westeurope', 'trafficAnalytics:fl-vnet-pp-weu→log-pp-monitoring',
    ]);
    expect(design.elements.find((e) => e.name === 'fl-vnet-pp-weu')).toMatchObject({ enabled: true, retentionDays: 90, trafficAnalyticsIntervalMinutes: 60 });
    const rg = '/subscriptions/s/resourceGroups/rg/providers';
    const res = (id: string, properties: Record<string, unknown>): ArmResource => ({ id, name: id.split('/').pop()!, properties });
    const nsg = `${rg}/Microsoft.Network/networkSecurityGroups/nsg-a`;
    const { design: d, notes: n } = mapArmToDesign({
      ...emptySnapshot(),
      networkSecurityGroups: [res(nsg, {})],
      networkWatchers: [res(`${rg}/Microsoft.Network/networkWatchers/nw`, {})],
      flowLogs: [res(`${rg}/Microsoft.Network/networkWatchers/nw/flowLogs/fl-nsg`, { targetResourceId: nsg, retentionPolicy: { enabled: false } })],
      diagnosticSettings: [
        res(`${nsg}/providers/Microsoft.Insights/diagnosticSettings/d1`, { workspaceId: `${rg}/Microsoft.OperationalInsights/workspaces/ws` }),
        res(`${rg}/Microsoft.KeyVault/vaults/kv/providers/Microsoft.Insights/diagnosticSettings/d2`, { storageAccountId: `${rg}/Microsoft.Storage/storageAccounts/st` }),
      ],
    }, { name: 'monitoring' });
    expect(designSchema.safeParse(d).success).toBe(true);
    expect(checkIntegrity(d)).toEqual([]);
    expect(d.elements.map((e) => e.kind).sort()).toEqual(['networkWatcher', 'nsg']);
    expect(n).toEqual([
      expect.stringMatching(/Flow log fl-nsg records .*nsg-a, not a virtual network; only VNet flow logs are modelled/),
      expect.stringMatching(/Diagnostic setting d1 of .*nsg-a: the design models diagnostic settings of NAT gateways and Azure services only/),
    ]);
  });
});
