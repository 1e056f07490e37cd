import { rule } from '../../../src/core/rules/catalog/PPV-024';
import { edited, loadFixture, remove, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, relate, seed, updateRelation } from './ppv-fixtures';

const peering = (id: string, from: string, to: string, flags: Record<string, boolean> = {}) =>
  relate({ id, kind: 'peering', from, to, allowVirtualNetworkAccess: true, ...flags });

// The seed's two VNets no longer peer each other; both peer a hub with forwarded traffic allowed.
const hub = edited(
  seed,
  removeRelations('peer-weu-neu', 'peer-neu-weu'),
  add([{ id: 'vnet-hub', kind: 'vnet', name: 'vnet-hub', region: 'westeurope', addressSpaces: ['10.0.0.0/16'] }]),
  peering('weu-hub', 'vnet-weu', 'vnet-hub', { allowForwardedTraffic: true }),
  peering('hub-weu', 'vnet-hub', 'vnet-weu', { allowForwardedTraffic: true }),
  peering('neu-hub', 'vnet-neu', 'vnet-hub', { allowForwardedTraffic: true }),
  peering('hub-neu', 'vnet-hub', 'vnet-neu', { allowForwardedTraffic: true }),
);
const firewallRoute = add(
  [{ id: 'rt-neu', kind: 'routeTable', name: 'rt-neu', routes: [{ name: 'to-weu', addressPrefix: '10.10.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4' }] }],
  [{ id: 'rt-neu-pp', kind: 'routeTableAssociation', from: 'rt-neu', to: 'snet-pp-neu' }],
);

// An on-premises API called by the connector; the gateway sits in the West Europe VNet.
const onPrem = edited(
  seed,
  add(
    [
      { id: 'onprem', kind: 'onPremises', name: 'datacenter', addressSpaces: ['192.168.0.0/16'] },
      { id: 'vpn-weu', kind: 'vpnGateway', name: 'vpngw-weu', sku: 'VpnGw1AZ', parent: 'vnet-weu' },
    ],
    [
      { id: 'vpn-conn', kind: 'gatewayConnection', from: 'vpn-weu', to: 'onprem' },
      { id: 'conn-onprem', kind: 'connectorTarget', from: 'conn-casemgmt', to: 'onprem' },
    ],
  ),
);

// IaC rarely declares environments and connectors: the same seed without its workloads.
const noWorkloads = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'workload').map((r) => r.id)));
const firewall = loadFixture('hub-spoke-firewall');
const seedNsgRules = seed.elements.find((e) => e.id === 'nsg-neu' && e.kind === 'nsg')!;
const denyVaultOutbound = set('nsg-neu', {
  rules: [...(seedNsgRules.kind === 'nsg' ? seedNsgRules.rules ?? [] : []), { name: 'DenyWeu', priority: 105, direction: 'Outbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '10.10.0.0/16', destinationPortRange: '*' }],
});

testRule(rule, {
  valid: [
    { name: 'the seed: peered both ways', design: seed },
    { name: 'hub with an appliance route on the failover subnet', design: edited(hub, firewallRoute) },
    {
      name: 'on-premises reached through gateway transit',
      design: edited(onPrem, updateRelation('peer-neu-weu', { useRemoteGateways: true }), updateRelation('peer-weu-neu', { allowGatewayTransit: true })),
    },
    { name: 'a private endpoint with no known subnet', design: edited(seed, removeRelations('peer-neu-weu', 'pe-api-subnet', 'pe-kv-subnet')) },
    { name: 'hub and spoke through an appliance: its rules are unknown, so no finding', design: firewall },
    {
      name: 'no workloads: an endpoint neither delegated VNet reaches is not presumed a target',
      design: edited(noWorkloads, add([
        { id: 'vnet-other', kind: 'vnet', name: 'vnet-other', region: 'westeurope', addressSpaces: ['10.99.0.0/16'] },
        { id: 'snet-other', kind: 'subnet', name: 'snet-pe', addressPrefix: '10.99.1.0/24', parent: 'vnet-other' },
        { id: 'pe-other', kind: 'privateEndpoint', name: 'pe-other', groupId: 'blob' },
      ], [{ id: 'pe-other-subnet', kind: 'peSubnet', from: 'pe-other', to: 'snet-other' }])),
    },
  ],
  invalid: [
    { name: 'one-way peering', design: edited(seed, removeRelations('peer-neu-weu')), expected: ['vnet-neu', 'vnet-neu'], messages: [/cannot reach/] },
    { name: 'peering with access disabled', design: edited(seed, updateRelation('peer-weu-neu', { allowVirtualNetworkAccess: false })), expected: ['vnet-neu', 'vnet-neu'] },
    { name: 'hub without an appliance route (peering is not transitive)', design: hub, expected: ['vnet-neu', 'vnet-neu'] },
    // The verifier names the peering whose flag drops what the hub's appliance forwards (it was the VNet before).
    { name: 'hub route but forwarded traffic not allowed', design: edited(hub, firewallRoute, updateRelation('weu-hub', { allowForwardedTraffic: false })), expected: ['weu-hub', 'weu-hub'], messages: [/does not allow forwarded traffic/] },
    { name: 'Key Vault closed and without private endpoint', design: edited(seed, remove('pe-kv')), expected: ['kv'], messages: [/public access disabled and no private endpoint/] },
    { name: 'on-premises only behind the primary gateway', design: onPrem, expected: ['vnet-neu'], messages: [/on-premises network/] },
    { name: 'an outbound NSG rule on the failover subnet, named on the NSG', design: edited(seed, denyVaultOutbound), expected: ['nsg-neu', 'nsg-neu'], messages: [/DenyWeu/] },
    { name: 'no workloads (IaC): an endpoint only the primary VNet reaches', design: edited(noWorkloads, removeRelations('peer-neu-weu')), expected: ['vnet-neu', 'vnet-neu'], messages: [/though the other delegated VNet does/] },
    {
      name: 'hub appliance: the shared spoke refuses forwarded traffic, named on its peering',
      design: edited(firewall, updateRelation('shared-hub', { allowForwardedTraffic: false })),
      expected: ['shared-hub', 'shared-hub'],
    },
    { name: 'a UDR to None on the failover subnet', design: edited(firewall, set('rt-spokes', { routes: [{ name: 'default-via-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.1.4' }, { name: 'blackhole', addressPrefix: '10.30.0.0/16', nextHopType: 'None' }] })), expected: ['rt-spokes', 'rt-spokes'] },
    { name: 'gateway transit not allowed by the hub side', design: edited(onPrem, updateRelation('peer-neu-weu', { useRemoteGateways: true })), expected: ['vnet-neu'] },
  ],
});

