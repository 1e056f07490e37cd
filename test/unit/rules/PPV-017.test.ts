import { rule } from '../../../src/core/rules/catalog/PPV-017';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { relate, secondPolicy, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'a second policy nobody links to', design: edited(seed, secondPolicy()) },
  ],
  invalid: [
    {
      name: 'linked to two policies',
      design: edited(seed, secondPolicy(), relate({ id: 'link-2', kind: 'policyLink', from: 'env-prod', to: 'policy-2' })),
      expected: ['env-prod'],
      messages: [/linked to 2 enterprise policies/],
    },
  ],
});
