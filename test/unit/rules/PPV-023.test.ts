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
    { name: 'deny-all with Azure-provided DNS (not subject to broad rules)', design: edited(seed, set('nsg-weu', { rules: [deny(200)] })) },
    { name: 'deny only UDP', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', 'Udp')] })) },
    { name: 'deny another port range', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200, '*', 'Tcp', '80-443')] })) },
    { name: 'NSG rules unknown', design: edited(seed, customDns, set('nsg-weu', { rules: undefined })) },
  ],
  invalid: [
    { name: 'deny-all with custom DNS', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(200)] })), expected: ['nsg-weu'], messages: [/denies outbound TCP 53 to DNS server 10.10.0.4.*'Deny200'/], fixResolves: true },
    { name: 'deny of the VirtualNetwork tag covering a private DNS server', design: edited(seed, customDns, set('nsg-weu', { rules: [deny(300, 'VirtualNetwork', 'Tcp', '50-60')] })), expected: ['nsg-weu'], fixResolves: true },
    { name: 'deny naming Azure DNS', design: edited(seed, set('nsg-weu', { rules: [deny(150, 'AzurePlatformDNS')] })), expected: ['nsg-weu'], fixResolves: true },
  ],
});

describe('PPV-023 fix', () => {
  it('adds an allow just before the deny, aimed at the DNS server', () => {
    const [f] = runRule(rule, edited(seed, customDns, set('nsg-weu', { rules: [deny(200)] })));
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
