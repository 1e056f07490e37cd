import { rule } from '../../../src/core/rules/catalog/PPV-013';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: minimal },
    { name: 'a public range on a subnet that is not delegated', design: edited(seed, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', '20.10.2.0/24'] }), set('snet-pe-weu', { addressPrefix: '20.10.2.0/24' })) },
  ],
  invalid: [
    { name: 'a public range', design: edited(seed, set('vnet-weu', { addressSpaces: ['20.10.0.0/16'] }), set('snet-pp-weu', { addressPrefix: '20.10.1.0/24' })), expected: ['snet-pp-weu'], messages: [/20.10.1.0\/24.*RFC 1918/] },
    { name: 'shared address space (100.64.0.0/10)', design: edited(minimal, set('snet-pp', { addressPrefix: '100.64.1.0/26' })), expected: ['snet-pp'] },
  ],
});
