import { rule } from '../../../src/core/rules/catalog/PPV-046';
import { edited, loadSample, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const hub = loadSample('hub-firewall');

testRule(rule, {
  valid: [
    { name: 'the firewall sample: both firewalls in a /26 AzureFirewallSubnet', design: hub },
    { name: 'the seed has no firewall', design: seed },
    { name: 'an NVA may sit in any subnet', design: edited(hub, set('afw-weu', { appliance: 'nva' }), set('snet-afw-weu', { name: 'snet-nva' })) },
    { name: 'a larger subnet', design: edited(hub, set('snet-afw-weu', { addressPrefix: '10.200.1.0/25' })) },
  ],
  invalid: [
    { name: 'a subnet of another name', design: edited(hub, set('snet-afw-weu', { name: 'snet-firewall' })), expected: ['snet-afw-weu'], messages: [/named exactly AzureFirewallSubnet/] },
    { name: 'the name in another case', design: edited(hub, set('snet-afw-neu', { name: 'azurefirewallsubnet' })), expected: ['snet-afw-neu'] },
    { name: 'a /27', design: edited(hub, set('snet-afw-weu', { addressPrefix: '10.200.1.0/27' })), expected: ['snet-afw-weu'], messages: [/is \/27; Azure Firewall needs \/26 or larger/] },
    { name: 'placed in no subnet', design: edited(hub, removeRelations('afw-neu-subnet')), expected: ['afw-neu'] },
  ],
});
