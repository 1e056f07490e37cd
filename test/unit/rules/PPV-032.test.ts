import { rule } from '../../../src/core/rules/catalog/PPV-032';
import { edited, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

const overlapping = edited(seed, set('vnet-neu', { addressSpaces: ['10.10.0.0/16'] }));

testRule(rule, {
  valid: [
    { name: 'the seed: 10.10/16 and 10.20/16', design: seed },
    { name: 'the minimal sample: one VNet', design: minimal },
    { name: 'dual-stack VNets with distinct IPv6 blocks (#12 case 12)', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48'] }), set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8:decb::/48'] })) },
    { name: 'address space unknown', design: edited(seed, set('vnet-neu', { addressSpaces: undefined })) },
  ],
  invalid: [
    { name: 'same space and peered', design: overlapping, expected: ['vnet-neu'], messages: [/10.10.0.0\/16 and 10.10.0.0\/16.*peered with each other/] },
    { name: 'the same IPv6 block in both dual-stack VNets', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48'] }), set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8:deca::/48'] })), expected: ['vnet-neu'], messages: [/fd00:db8:deca::\/48 and fd00:db8:deca::\/48/] },
    { name: 'overlapping and unpeered (as in Microsoft’s example)', design: edited(overlapping, removeRelations('peer-weu-neu', 'peer-neu-weu')), expected: ['vnet-neu'], messages: [/stay unpeered/] },
  ],
});
