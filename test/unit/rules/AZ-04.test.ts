// AZ-04: subnets lie inside their VNet's address space and do not overlap each other.
import { rule as AZ04 } from '../../../src/core/rules/catalog/AZ-04';
import { edited, loadSample, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { expect, it } from 'vitest';

const seed = loadSample('seed');
const dualStack = set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48'] });
const ipv6Subnet = (id: string, addressPrefix: string) => ({
  op: 'addElements' as const,
  elements: [{ id, kind: 'subnet' as const, name: id, parent: 'vnet-weu', addressPrefix }],
});

testRule(AZ04, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a subnet in a second address space', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', '10.11.0.0/16'] }), set('snet-pe-weu', { addressPrefix: '10.11.2.0/24' })) },
    { name: 'a VNet whose address space is unknown', design: edited(seed, set('vnet-weu', { addressSpaces: undefined })) },
    { name: 'a VNet with a malformed space (AZ-03 reports it)', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/33'] })) },
    { name: 'an IPv6 subnet in the IPv6 space of a dual-stack VNet (#12 case 12)', design: edited(seed, dualStack, ipv6Subnet('snet-v6', 'fd00:db8:deca:1::/64')) },
    { name: 'two disjoint IPv6 subnets beside IPv4 ones', design: edited(seed, dualStack, ipv6Subnet('snet-v6', 'fd00:db8:deca:1::/64'), ipv6Subnet('snet-v6b', 'fd00:db8:deca:2::/64')) },
    { name: 'the same prefix in two different VNets', design: edited(seed, set('vnet-neu', { addressSpaces: ['10.10.0.0/16'] }), set('snet-pp-neu', { addressPrefix: '10.10.1.0/24' })) },
  ],
  invalid: [
    { name: 'a subnet outside the VNet space', design: edited(seed, set('snet-pe-weu', { addressPrefix: '10.11.2.0/24' })), expected: ['snet-pe-weu'], messages: [/outside the address space of VNet "vnet-pp-weu" \(10\.10\.0\.0\/16\)/] },
    { name: 'a subnet straddling the space boundary', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/24', '10.10.1.0/24', '10.10.2.0/25', '10.10.3.0/27'] })), expected: ['snet-pe-weu'] },
    { name: 'a VNet with an empty address space', design: edited(seed, set('vnet-neu', { addressSpaces: [] })), expected: ['snet-pp-neu'], messages: [/has no address space/] },
    { name: 'overlapping subnets', design: edited(seed, set('snet-pe-weu', { addressPrefix: '10.10.1.128/25' })), expected: ['snet-pe-weu'], messages: [/overlaps subnet "snet-powerplatform"/] },
    { name: 'an IPv6 subnet outside the IPv6 space', design: edited(seed, dualStack, ipv6Subnet('snet-v6', 'fd00:db8:decb:1::/64')), expected: ['snet-v6'], messages: [/outside the IPv6 address space of VNet "vnet-pp-weu" \(fd00:db8:deca::\/48\)/] },
    { name: 'an IPv6 subnet in an IPv4-only VNet', design: edited(seed, ipv6Subnet('snet-v6', 'fd00:db8:deca:1::/64')), expected: ['snet-v6'], messages: [/which has no IPv6 address space/] },
    { name: 'overlapping IPv6 subnets', design: edited(seed, dualStack, ipv6Subnet('snet-v6', 'fd00:db8:deca:1::/64'), ipv6Subnet('snet-v6b', 'fd00:db8:deca:1::/64')), expected: ['snet-v6b'], messages: [/overlaps subnet "snet-v6"/] },
    { name: 'identical prefixes', design: edited(seed, set('snet-pe-weu', { addressPrefix: '10.10.1.0/24' })), expected: ['snet-pe-weu'] },
  ],
});

it('AZ-04 points at the other subnet of an overlap', () => {
  const [f] = runRule(AZ04, edited(seed, set('snet-pe-weu', { addressPrefix: '10.10.0.0/23' })));
  expect(f).toMatchObject({ elementId: 'snet-pp-weu', property: 'addressPrefix' });
  expect(f!.related?.[0]).toMatchObject({ elementId: 'snet-pe-weu' });
});
