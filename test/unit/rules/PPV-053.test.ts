import { rule } from '../../../src/core/rules/catalog/PPV-053';
import { edited, loadFixture, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add } from './ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');
const spokeRuleset = (target: string) => [
  set('vnet-weu', { dnsServers: [] }),
  add([{ id: 'dnsfrs-spoke', kind: 'dnsForwardingRuleset', name: 'dnsfrs-spoke', region: 'westeurope', rules: [{ name: 'pl', domainName: 'privatelink.vaultcore.azure.net.', targetDnsServers: [{ ipAddress: target }] }] }], [
    { id: 'dnsfrs-spoke-out', kind: 'rulesetOutbound', from: 'dnsfrs-spoke', to: 'dnspr-hub' },
    { id: 'dnsfrs-spoke-link', kind: 'rulesetLink', from: 'dnsfrs-spoke', to: 'vnet-weu' },
  ]),
] as const;

testRule(rule, {
  valid: [
    { name: 'hybrid-dns: custom DNS is the resolver, the zone is linked to its VNet', design: hybrid },
    { name: 'custom-dns-onprem: what the datacenter answers is unknown, not blocked', design: loadFixture('custom-dns-onprem') },
    { name: 'a spoke ruleset forwarding the zone to the hub inbound endpoint', design: edited(hybrid, ...spokeRuleset('10.150.0.4')) },
    { name: 'Azure DNS without forwarding is PPV-025\'s', design: edited(hybrid, set('vnet-weu', { dnsServers: [] }), set('vnet-neu', { dnsServers: [] })) },
  ],
  invalid: [
    { name: 'the zone not linked to the resolver VNet: both delegated VNets', design: edited(hybrid, removeRelations('dns-vault-hub')), expected: ['dnspr-hub', 'dnspr-hub'], messages: [/through custom DNS 10\.150\.0\.4, but the name resolves nowhere privately/] },
    { name: 'a spoke rule forwarding to on-premises without a gateway connection', design: edited(hybrid, removeRelations('vpn-onprem'), ...spokeRuleset('192.168.1.4')), expected: ['dnsfrs-spoke'], messages: [/through a forwarding rule.*cannot reach/] },
  ],
});
