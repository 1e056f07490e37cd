// AZ-07: gateway transit over peering (useRemoteGateways / allowGatewayTransit) is consistent.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ07 } from '../../../src/core/rules/catalog/AZ-07';
import { edited, loadSample } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const gateway = (vnet: string, prefix: string, sku = 'VpnGw1AZ'): DesignEdit => ({
  op: 'addElements',
  elements: [
    { id: `gws-${vnet}`, kind: 'subnet', name: 'GatewaySubnet', addressPrefix: prefix, parent: vnet },
    { id: `vpn-${vnet}`, kind: 'vpnGateway', name: `vpn-${vnet}`, sku, parent: vnet },
  ],
});
const peering = (id: string, values: Record<string, unknown>): DesignEdit => ({ op: 'updateRelation', id, set: values });
// vnet-weu is the hub with a gateway; vnet-neu uses it.
const transit = [gateway('vnet-weu', '10.10.255.0/27'), peering('peer-weu-neu', { allowGatewayTransit: true }), peering('peer-neu-weu', { useRemoteGateways: true })];
const secondHub: DesignEdit = {
  op: 'addElements',
  elements: [
    { id: 'vnet-hub2', kind: 'vnet', name: 'vnet-hub2', region: 'northeurope', addressSpaces: ['10.40.0.0/16'] },
    { id: 'gws-hub2', kind: 'subnet', name: 'GatewaySubnet', addressPrefix: '10.40.255.0/27', parent: 'vnet-hub2' },
    { id: 'er-hub2', kind: 'expressRouteGateway', name: 'er-hub2', sku: 'ErGw1AZ', parent: 'vnet-hub2' },
  ],
  relations: [
    { id: 'peer-neu-hub2', kind: 'peering', from: 'vnet-neu', to: 'vnet-hub2', useRemoteGateways: true },
    { id: 'peer-hub2-neu', kind: 'peering', from: 'vnet-hub2', to: 'vnet-neu', allowGatewayTransit: true },
  ],
};

testRule(AZ07, {
  valid: [
    { name: 'the seed (no gateway transit)', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a spoke using the hub gateway', design: edited(seed, ...transit) },
    { name: 'a Basic gateway over local (same-region) peering', design: edited(seed, gateway('vnet-neu', '10.20.255.0/27', 'Basic'), peering('peer-neu-weu', { allowGatewayTransit: true }), peering('peer-weu-neu', { useRemoteGateways: true }), { op: 'updateElement', id: 'vnet-neu', set: { region: 'westeurope' } }) },
  ],
  invalid: [
    { name: 'the hub peering does not allow transit', design: edited(seed, ...transit, peering('peer-weu-neu', { allowGatewayTransit: false })), expected: ['peer-neu-weu'], messages: [/does not allow gateway transit/] },
    { name: 'the remote VNet has no gateway', design: edited(seed, peering('peer-neu-weu', { useRemoteGateways: true }), peering('peer-weu-neu', { allowGatewayTransit: true })), expected: ['peer-neu-weu'], messages: [/has no VPN or ExpressRoute gateway/] },
    { name: 'the spoke has its own gateway', design: edited(seed, ...transit, gateway('vnet-neu', '10.20.255.0/27')), expected: ['peer-neu-weu'], messages: [/has its own gateway/] },
    { name: 'two peerings use remote gateways', design: edited(seed, ...transit, secondHub), expected: ['peer-neu-hub2'], messages: [/only one peering per VNet/] },
    { name: 'a Basic gateway over global peering', design: edited(seed, gateway('vnet-weu', '10.10.255.0/27', 'Basic'), peering('peer-weu-neu', { allowGatewayTransit: true }), peering('peer-neu-weu', { useRemoteGateways: true })), expected: ['peer-neu-weu'], messages: [/Basic VPN gateway/] },
  ],
});
