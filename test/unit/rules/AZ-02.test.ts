// AZ-02: subnet prefixes are canonical CIDR blocks from /29 to /2; parse errors are reported verbatim.
import { rule as AZ02 } from '../../../src/core/rules/catalog/AZ-02';
import { edited, loadSample, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { expect, it } from 'vitest';

const seed = loadSample('seed');
const withPrefix = (p: string) => edited(seed, set('snet-pe-weu', { addressPrefix: p }));

testRule(AZ02, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'the smallest subnet, /29', design: withPrefix('10.10.2.0/29') },
    { name: 'the largest subnet, /2', design: withPrefix('0.0.0.0/2') },
    { name: 'an IPv6 /64 in a dual-stack VNet (#12 case 12)', design: withPrefix('fd00:db8:deca:2::/64') },
    { name: 'an unknown prefix (not resolved from IaC)', design: edited(seed, set('snet-pe-weu', { addressPrefix: undefined })) },
  ],
  invalid: [
    { name: 'host bits set', design: withPrefix('10.10.2.5/24'), expected: ['snet-pe-weu'], messages: [/host bits set; the network address is 10\.10\.2\.0\/24/] },
    { name: 'a leading zero (octal in some parsers)', design: withPrefix('010.10.2.0/24'), expected: ['snet-pe-weu'], messages: [/not a dotted-decimal IPv4 address/] },
    { name: 'a /33', design: withPrefix('10.10.2.0/33'), expected: ['snet-pe-weu'], messages: [/larger than \/32/] },
    { name: 'a short form', design: withPrefix('10.10/16'), expected: ['snet-pe-weu'], messages: [/not a dotted-decimal/] },
    { name: 'a /30, smaller than Azure allows', design: withPrefix('10.10.2.0/30'), expected: ['snet-pe-weu'], messages: [/smallest subnet is \/29/] },
    { name: 'an IPv6 /48: IPv6 subnets are exactly /64', design: withPrefix('fd00:db8:deca::/48'), expected: ['snet-pe-weu'], messages: [/IPv6 subnet in Azure is exactly \/64/] },
    { name: 'an IPv6 /80', design: withPrefix('fd00:db8:deca:2::/80'), expected: ['snet-pe-weu'], messages: [/exactly \/64/] },
    { name: 'IPv6 host bits set', design: withPrefix('fd00:db8:deca:2::1/64'), expected: ['snet-pe-weu'], messages: [/host bits set; the network address is fd00:db8:deca:2::\/64/] },
    { name: 'an IPv6 zone id', design: withPrefix('fe80::%eth0/64'), expected: ['snet-pe-weu'], messages: [/zone id/] },
    { name: 'a /1, larger than Azure allows', design: withPrefix('0.0.0.0/1'), expected: ['snet-pe-weu'], messages: [/largest subnet is \/2/] },
  ],
});

it('AZ-02 reports a malformed prefix on the addressPrefix property', () => {
  const [f] = runRule(AZ02, withPrefix('10.10.2.0/24 '));
  expect(f).toMatchObject({ elementId: 'snet-pe-weu', property: 'addressPrefix' });
  expect(f!.message).toMatch(/leading or trailing spaces/);
});
