import { rule } from '../../../src/core/rules/catalog/PPV-049';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const hub = loadSample('hub-firewall');

testRule(rule, {
  valid: [
    { name: 'the firewall sample: .4 of each AzureFirewallSubnet', design: hub },
    { name: 'the seed has no firewall', design: seed },
    { name: 'the last usable address', design: edited(hub, set('afw-weu', { privateIpAddress: '10.200.1.62' })) },
  ],
  invalid: [
    { name: 'outside the subnet', design: edited(hub, set('afw-weu', { privateIpAddress: '10.200.2.4' })), expected: ['afw-weu'], messages: [/outside its subnet/] },
    { name: 'a reserved address', design: edited(hub, set('afw-neu', { privateIpAddress: '10.201.1.1' })), expected: ['afw-neu'], messages: [/reserves in 10\.201\.1\.0\/26; the first usable address is 10\.201\.1\.4/] },
    { name: 'the broadcast address', design: edited(hub, set('afw-neu', { privateIpAddress: '10.201.1.63' })), expected: ['afw-neu'] },
    { name: 'not an address', design: edited(hub, set('afw-neu', { privateIpAddress: '10.201.1' })), expected: ['afw-neu'] },
  ],
});
