import { rule } from '../../../src/core/rules/catalog/PPV-004';
import { edited, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { delegatedVnet, minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: two VNets for europe', design: seed },
    { name: 'the minimal sample: one VNet for brazil', design: minimal },
    {
      name: 'one design VNet plus an unresolved IaC reference',
      design: edited(seed, removeRelations('inject-neu'), set('policy-prod', { unresolvedSubnets: [{ vnet: 'vnet-shared-neu', subnet: 'snet-pp' }] })),
    },
    { name: 'unknown geography', design: edited(seed, removeRelations('inject-neu'), set('policy-prod', { geography: undefined })) },
  ],
  invalid: [
    { name: 'paired geography with one VNet', design: edited(seed, removeRelations('inject-neu')), expected: ['policy-prod'], messages: [/needs a second VNet/] },
    { name: 'no VNet at all', design: edited(seed, removeRelations('inject-neu', 'inject-weu')), expected: ['policy-prod'], messages: [/injects into no VNet/] },
    {
      name: 'single-region geography with two VNets',
      design: edited(minimal, delegatedVnet('vnet-extra', 'brazilsouth', '10.31.0.0/16', '10.31.1.0/26', 'policy')),
      expected: ['policy'],
      messages: [/single-region geography/],
    },
    {
      name: 'three VNets for a pair',
      design: edited(seed, delegatedVnet('vnet-third', 'westeurope', '10.40.0.0/16', '10.40.1.0/24', 'policy-prod')),
      expected: ['policy-prod'],
      messages: [/exactly two/],
    },
  ],
});
