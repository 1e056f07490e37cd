// AZ-09: reserved subnet names, sizes, no NSG on GatewaySubnet, and a GatewaySubnet for every gateway.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ09 } from '../../../src/core/rules/catalog/AZ-09';
import { edited, loadSample } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const subnet = (name: string, prefix: string, id = 'snet-reserved'): DesignEdit => ({
  op: 'addElements',
  elements: [{ id, kind: 'subnet', name, addressPrefix: prefix, parent: 'vnet-weu' }],
});
const vpn: DesignEdit = { op: 'addElements', elements: [{ id: 'vpn', kind: 'vpnGateway', name: 'vpngw-weu', sku: 'VpnGw1AZ', parent: 'vnet-weu' }] };

testRule(AZ09, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a gateway with a /27 GatewaySubnet', design: edited(seed, subnet('GatewaySubnet', '10.10.255.0/27'), vpn) },
    { name: 'AzureBastionSubnet /26, AzureFirewallSubnet /25, AzureFirewallManagementSubnet /26, RouteServerSubnet /27', design: edited(seed, subnet('AzureBastionSubnet', '10.10.10.0/26', 's1'), subnet('AzureFirewallSubnet', '10.10.11.0/25', 's2'), subnet('AzureFirewallManagementSubnet', '10.10.12.0/26', 's3'), subnet('RouteServerSubnet', '10.10.13.0/27', 's4')) },
  ],
  invalid: [
    { name: 'a GatewaySubnet smaller than /27', design: edited(seed, subnet('GatewaySubnet', '10.10.255.0/28'), vpn), expected: ['snet-reserved'], messages: [/GatewaySubnet is 10\.10\.255\.0\/28; .* at least a \/27/] },
    { name: 'a wrongly cased name, so the gateway has no GatewaySubnet', design: edited(seed, subnet('gatewaySubnet', '10.10.255.0/27'), vpn), expected: ['snet-reserved', 'vpn'], messages: [/must be named exactly "GatewaySubnet"/, /needs a subnet named exactly "GatewaySubnet"/] },
    { name: 'an NSG on GatewaySubnet', design: edited(seed, subnet('GatewaySubnet', '10.10.255.0/27'), { op: 'addRelation', relation: { id: 'nsg-gw', kind: 'nsgAssociation', from: 'nsg-weu', to: 'snet-reserved' } }), expected: ['snet-reserved'], messages: [/must not have a network security group/] },
    { name: 'a gateway without GatewaySubnet', design: edited(seed, vpn), expected: ['vpn'] },
    { name: 'AzureFirewallManagementSubnet must be exactly /26', design: edited(seed, subnet('AzureFirewallManagementSubnet', '10.10.12.0/25')), expected: ['snet-reserved'], messages: [/exactly a \/26/] },
    { name: 'AzureBastionSubnet /27', design: edited(seed, subnet('AzureBastionSubnet', '10.10.12.0/27')), expected: ['snet-reserved'], messages: [/Azure Bastion needs at least a \/26/] },
  ],
});
