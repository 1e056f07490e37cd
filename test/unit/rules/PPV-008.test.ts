import { rule } from '../../../src/core/rules/catalog/PPV-008';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: minimal },
    { name: 'delegations unknown (unresolved in IaC)', design: edited(seed, set('snet-pp-neu', { delegations: undefined })) },
  ],
  invalid: [
    { name: 'no delegation', design: edited(seed, set('snet-pp-neu', { delegations: [] })), expected: ['snet-pp-neu'], messages: [/not delegated/], fixResolves: true },
    {
      name: 'delegated to another service',
      design: edited(seed, set('snet-pp-weu', { delegations: ['Microsoft.Web/serverFarms'] })),
      expected: ['snet-pp-weu'],
      messages: [/delegated to Microsoft.Web\/serverFarms instead/],
      fixResolves: true,
    },
    {
      name: 'an IaC reference to a subnet that is not in the design',
      design: edited(seed, set('policy-prod', { unresolvedSubnets: [{ vnet: 'vnet-pp-neu', subnet: 'snet-typo' }] })),
      expected: ['policy-prod'],
      messages: [/'snet-typo' in VNet 'vnet-pp-neu'/],
    },
  ],
});
