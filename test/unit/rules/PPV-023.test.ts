import { describe, expect, it } from 'vitest';
import type { NsgRule } from '../../../src/core/model/schema';
import { rule } from '../../../src/core/rules/catalog/PPV-023';
import { edited, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const seedRules = (seed.elements.find((e) => e.id === 'nsg-weu') as { rules: NsgRule[] }).rules;
const deny = (priority: number, destinationAddressPrefix = '*', protocol: NsgRule['protocol'] = '*', destinationPortRange = '*'): NsgRule => ({
  name: `Deny${priority}`, priority, direction: 'Outbound', access: 'Deny', protocol,
  sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix, destinationPortRange,
});
const customDns = set('vnet-weu', { dnsServers: ['10.10.0.4'] });

testRule(rule, {
  valid: [
    { name: 'the seed: TCP 53 allowed first', design: seed },
    { name: 'deny-all after the DNS allow, custom DNS', design: edited(seed, customDns, set('nsg-weu', { rules: [...seedRules, deny(4000)] })) },
    { name: 'deny of all internet traffic with Azure-provided DNS (not subject to broad rules)', design: edited(seed, set('nsg-weu', { rules: [deny(200, 'Internet')] })) },
    { name: 'deny of all TCP 53 with Azure-provided DNS', design: edited(seed, set('nsg-weu', { rules: [deny(200, '*', 'Tcp', '53')] })) },
    { name: 'deny only UDP', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', 'Udp')] })) },
    { name: 'deny another port range', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', 'Tcp', '80-90')] })) },
    { name: 'deny covering only part of the private endpoint subnet (addresses unknown)', design: edited(seed, set('nsg-neu', { rules: [deny(300, '10.10.2.0/25', 'Tcp', '443')] })) },
    { name: 'the seed allow before a deny of private traffic', design: edited(seed, set('nsg-weu', { rules: [...seedRules, deny(4000, 'VirtualNetwork', 'Tcp', '443')] })) },
    { name: 'NSG rules unknown', design: edited(seed, customDns, set('nsg-weu', { rules: undefined })) },
  ],
  invalid: [
    { name: 'deny of port 53 with custom DNS', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', '*', '53')] })), expected: ['nsg-weu'], messages: [/denies outbound TCP 53 to DNS server 10.10.0.4.*'Deny200'/], fixResolves: true },
    {
      name: 'deny-all with custom DNS: DNS and both private endpoints',
      design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200)] })),
      expected: ['nsg-weu', 'nsg-weu', 'nsg-weu'],
      messages: [/TCP 53 to DNS server/, /TCP 443 to private endpoint/],
    },
    { name: 'deny of the VirtualNetwork tag covering a private DNS server', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(300, 'VirtualNetwork', 'Tcp', '50-60')] })), expected: ['nsg-weu'], fixResolves: true },
    {
      name: 'deny HTTPS to the private endpoint subnet',
      design: edited(seed, set('nsg-neu', { rules: [deny(300, '10.10.2.0/24', 'Tcp', '443')] })),
      expected: ['nsg-neu', 'nsg-neu'],
      messages: [/denies outbound TCP 443 to private endpoint "pe-casemgmt-(api|kv)"/],
      fixResolves: true,
    },
    {
      name: 'deny everything private after DNS is allowed: SQL needs 1433',
      design: edited(seed, set('app-api', { serviceType: 'sqlServer' }), set('pe-api', { groupId: 'sqlServer' }), set('nsg-weu', { rules: [...seedRules.slice(0, 2), deny(4000, 'VirtualNetwork')] })),
      expected: ['nsg-weu', 'nsg-weu'],
      messages: [/TCP 1433 to private endpoint "pe-casemgmt-api"/, /TCP 443 to private endpoint "pe-casemgmt-kv"/],
    },
    { name: 'deny naming Azure DNS', design: edited(seed, set('nsg-weu', { rules: [deny(150, 'AzurePlatformDNS')] })), expected: ['nsg-weu'], fixResolves: true },
  ],
});

describe('PPV-023 fix', () => {
  it('adds an allow just before the deny, aimed at the DNS server', () => {
    const [f] = runRule(rule, edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', 'Tcp', '53')] })));
    const edit = f?.fixes?.[0]?.edit;
    expect(edit?.op).toBe('updateElement');
    if (edit?.op !== 'updateElement') return;
    const rules = edit.set.rules as NsgRule[];
    expect(rules.at(-1)).toMatchObject({ priority: 199, access: 'Allow', protocol: 'Tcp', destinationAddressPrefix: '10.10.0.4', destinationPortRange: '53' });
  });
  it('offers no fix when the deny already has the lowest priority', () => {
    const [f] = runRule(rule, edited(seed, customDns, set('nsg-weu', { rules: [deny(100)] })));
    expect(f).toBeDefined();
    expect(f?.fixes).toBeUndefined();
  });
});
