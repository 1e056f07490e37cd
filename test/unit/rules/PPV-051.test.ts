import { rule } from '../../../src/core/rules/catalog/PPV-051';
import { edited, loadFixture, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add } from './ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');

testRule(rule, {
  valid: [
    { name: 'hybrid-dns: /28s outside the reserved range', design: hybrid },
    { name: 'a /24 is the largest allowed', design: edited(hybrid, set('snet-dns-in', { addressPrefix: '10.150.2.0/24' })) },
    { name: 'prefix unknown', design: edited(hybrid, set('snet-dns-in', { addressPrefix: undefined })) },
  ],
  invalid: [
    { name: 'a /29 is too small', design: edited(hybrid, set('snet-dns-in', { addressPrefix: '10.150.0.0/29' })), expected: ['snet-dns-in'], messages: [/between \/28 and \/24/] },
    { name: 'a /23 is too large', design: edited(hybrid, set('snet-dns-out', { addressPrefix: '10.150.2.0/23' })), expected: ['snet-dns-out'] },
    { name: 'inside 10.0.1.0–10.0.16.255', design: edited(hybrid, set('vnet-hub', { addressSpaces: ['10.150.0.0/16', '10.0.0.0/16'] }), set('snet-dns-in', { addressPrefix: '10.0.5.0/28' })), expected: ['snet-dns-in'], messages: [/reserves for the DNS resolver service/] },
    { name: 'IPv6', design: edited(hybrid, set('snet-dns-in', { addressPrefix: 'fd00:db8:deca::/64' })), expected: ['snet-dns-in'], messages: [/IPv4 only/] },
    { name: 'a second resolver in the hub', design: edited(hybrid, add([{ id: 'dnspr-2', kind: 'dnsResolver', name: 'dnspr-2', parent: 'vnet-hub' }])), expected: ['dnspr-2'], messages: [/single DNS resolver/] },
  ],
});
