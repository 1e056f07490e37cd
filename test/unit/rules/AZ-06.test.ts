// AZ-06: directly peered VNets must not overlap; VNets that are only transitively connected may.
import { rule as AZ06 } from '../../../src/core/rules/catalog/AZ-06';
import { edited, loadSample, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const overlapping = [set('vnet-neu', { addressSpaces: ['10.10.0.0/16'] }), set('snet-pp-neu', { addressPrefix: '10.10.1.0/24' })];
// A third VNet peered only with vnet-neu, overlapping vnet-weu: allowed, because peering is non-transitive.
const spoke = {
  op: 'addElements' as const,
  elements: [{ id: 'vnet-c', kind: 'vnet' as const, name: 'vnet-c', region: 'northeurope', addressSpaces: ['10.10.0.0/16'] }],
  relations: [
    { id: 'peer-neu-c', kind: 'peering' as const, from: 'vnet-neu', to: 'vnet-c' },
    { id: 'peer-c-neu', kind: 'peering' as const, from: 'vnet-c', to: 'vnet-neu' },
  ],
};

// Five spaces on each side: more pairs than the direct check handles, so the sweep runs.
const many = (extra: string) => edited(seed,
  set('vnet-weu', { addressSpaces: ['10.10.0.0/16', '10.30.0.0/16', '10.31.0.0/16', '10.32.0.0/16', '10.33.0.0/16'] }),
  set('vnet-neu', { addressSpaces: ['10.20.0.0/16', '10.40.0.0/16', '10.41.0.0/16', '10.42.0.0/16', extra] }));

testRule(AZ06, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'overlapping VNets that are not peered', design: edited(seed, ...overlapping, removeRelations('peer-weu-neu', 'peer-neu-weu')) },
    { name: 'overlap only through a transitive chain', design: edited(seed, spoke) },
    { name: 'many disjoint spaces on both sides', design: many('10.43.0.0/16') },
    { name: 'dual-stack peers with disjoint IPv6 blocks (#12 case 12)', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48'] }), set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8:decb::/48'] })) },
    { name: 'an IPv6 block is never compared with an IPv4 one', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', '::/0'] })) },
  ],
  invalid: [
    { name: 'peered VNets with the same space (one finding per pair)', design: edited(seed, ...overlapping), expected: ['peer-weu-neu'], messages: [/overlapping address spaces \(10\.10\.0\.0\/16 ↔ 10\.10\.0\.0\/16\)/] },
    { name: 'a one-way peering between overlapping VNets', design: edited(seed, ...overlapping, removeRelations('peer-weu-neu')), expected: ['peer-neu-weu'] },
    { name: 'one overlap among many spaces, each side listed in its own order', design: many('10.32.128.0/17'), expected: ['peer-weu-neu'], messages: [/\(10\.32\.0\.0\/16 ↔ 10\.32\.128\.0\/17\)/] },
    { name: 'dual-stack peers whose IPv6 blocks overlap', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48'] }), set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8::/32'] })), expected: ['peer-weu-neu'], messages: [/\(fd00:db8:deca::\/48 ↔ fd00:db8::\/32\)/] },
    { name: 'a partial overlap of a second space', design: edited(seed, set('vnet-neu', { addressSpaces: ['10.20.0.0/16', '10.10.128.0/24'] })), expected: ['peer-weu-neu'], messages: [/10\.10\.0\.0\/16 ↔ 10\.10\.128\.0\/24/] },
  ],
});
