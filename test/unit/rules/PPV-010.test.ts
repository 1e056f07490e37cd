import { rule } from '../../../src/core/rules/catalog/PPV-010';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { delegatedVnet, relate, secondPolicy, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'two policies with their own subnets', design: edited(seed, secondPolicy(), delegatedVnet('vnet-2', 'westeurope', '10.50.0.0/16', '10.50.1.0/24', 'policy-2')) },
  ],
  invalid: [
    {
      name: 'a second policy reusing the West Europe subnet',
      design: edited(seed, secondPolicy(), relate({ id: 'inject-2', kind: 'policySubnet', from: 'policy-2', to: 'snet-pp-weu' })),
      expected: ['snet-pp-weu'],
      messages: [/used by 2 enterprise policies/],
    },
  ],
});
