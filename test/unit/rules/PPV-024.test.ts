import { rule } from '../../../src/core/rules/catalog/PPV-024';
import { edited, remove, removeRelations } from '../support/designs';
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

testRule(rule, {
  valid: [
    { name: 'the seed: peered both ways', design: seed },
    { name: 'hub with an appliance route on the failover subnet', design: edited(hub, firewallRoute) },
    {
      name: 'on-premises reached through gateway transit',
      design: edited(onPrem, updateRelation('peer-neu-weu', { useRemoteGateways: true }), updateRelation('peer-weu-neu', { allowGatewayTransit: true })),
    },
    { name: 'a private endpoint with no known subnet', design: edited(seed, removeRelations('peer-neu-weu', 'pe-api-subnet', 'pe-kv-subnet')) },
  ],
  invalid: [
    { name: 'one-way peering', design: edited(seed, removeRelations('peer-neu-weu')), expected: ['vnet-neu', 'vnet-neu'], messages: [/cannot reach/] },
    { name: 'peering with access disabled', design: edited(seed, updateRelation('peer-weu-neu', { allowVirtualNetworkAccess: false })), expected: ['vnet-neu', 'vnet-neu'] },
    { name: 'hub without an appliance route (peering is not transitive)', design: hub, expected: ['vnet-neu', 'vnet-neu'] },
    { name: 'hub route but forwarded traffic not allowed', design: edited(hub, firewallRoute, updateRelation('weu-hub', { allowForwardedTraffic: false })), expected: ['vnet-neu', 'vnet-neu'] },
    { name: 'Key Vault closed and without private endpoint', design: edited(seed, remove('pe-kv')), expected: ['kv'], messages: [/public access disabled and no private endpoint/] },
    { name: 'on-premises only behind the primary gateway', design: onPrem, expected: ['vnet-neu'], messages: [/on-premises network/] },
    { name: 'gateway transit not allowed by the hub side', design: edited(onPrem, updateRelation('peer-neu-weu', { useRemoteGateways: true })), expected: ['vnet-neu'] },
  ],
});

