// AZ-03: VNet address spaces are valid, disjoint and outside the ranges Azure refuses.
import { rule as AZ03 } from '../../../src/core/rules/catalog/AZ-03';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const spaces = (...s: string[]) => edited(seed, set('vnet-weu', { addressSpaces: s }));

testRule(AZ03, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'public ranges are allowed', design: spaces('10.10.0.0/16', '20.40.0.0/16') },
    { name: 'RFC 6598 shared space is allowed', design: spaces('10.10.0.0/16', '100.64.0.0/10') },
    { name: 'an unknown address space (not resolved from IaC)', design: edited(seed, set('vnet-weu', { addressSpaces: undefined })) },
    { name: 'a dual-stack VNet, IPv4 and IPv6 (#12 case 12)', design: spaces('10.10.0.0/16', 'fd00:db8:deca::/48') },
    { name: 'a dual-stack VNet with a non-ULA IPv6 block (ace:cab:deca::/48)', design: spaces('10.10.0.0/16', 'ace:cab:deca::/48') },
    { name: 'IPv6 blocks never overlap IPv4 ones, even ::/0', design: spaces('10.10.0.0/16', '::/0') },
    { name: 'two disjoint IPv6 blocks', design: spaces('10.10.0.0/16', 'fd00:db8:deca::/48', 'fd00:db8:decb::/48') },
    { name: 'adjacent, disjoint spaces', design: spaces('10.10.0.0/16', '10.11.0.0/16') },
  ],
  invalid: [
    { name: 'no address space at all', design: spaces(), expected: ['vnet-weu'], messages: [/has no address space/] },
    { name: 'loopback', design: spaces('10.10.0.0/16', '127.0.0.0/8'), expected: ['vnet-weu'], messages: [/127\.0\.0\.0\/8 \(loopback\)/] },
    { name: 'a space containing 168.63.129.16', design: spaces('10.10.0.0/16', '168.63.0.0/16'), expected: ['vnet-weu'], messages: [/168\.63\.129\.16\/32/] },
    { name: 'multicast and broadcast', design: spaces('10.10.0.0/16', '224.0.0.0/3'), expected: ['vnet-weu', 'vnet-weu'], messages: [/multicast/, /broadcast/] },
    { name: 'link-local', design: spaces('10.10.0.0/16', '169.254.0.0/16'), expected: ['vnet-weu'], messages: [/link-local/] },
    { name: 'a malformed space', design: spaces('10.10.0.0/33'), expected: ['vnet-weu'], messages: [/not a valid CIDR block: prefix length \/33 is larger than \/32/] },
    { name: 'overlapping IPv6 spaces of one VNet', design: spaces('10.10.0.0/16', 'fd00:db8:deca::/48', 'fd00:db8::/32'), expected: ['vnet-weu'], messages: [/fd00:db8::\/32 and fd00:db8:deca::\/48 .* overlap/] },
    { name: 'a malformed IPv6 space', design: spaces('10.10.0.0/16', 'fd00:db8:deca::1/48'), expected: ['vnet-weu'], messages: [/not a valid CIDR block: .*host bits set/] },
    { name: 'overlapping spaces of one VNet', design: spaces('10.10.0.0/16', '10.10.128.0/17'), expected: ['vnet-weu'], messages: [/10\.10\.0\.0\/16 and 10\.10\.128\.0\/17 .* overlap/] },
  ],
});
