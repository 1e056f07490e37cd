import { rule } from '../../../src/core/rules/catalog/PPV-038';
import { edited, remove } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { secondPolicy, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [{ name: 'no enterprise policy in the design', design: edited(seed, remove('policy-prod')) }],
  invalid: [
    { name: 'the seed', design: seed, expected: ['policy-prod'], messages: [/Network Contributor .* Power Platform administrator role/] },
    { name: 'one note per policy', design: edited(seed, secondPolicy()), expected: ['policy-prod', 'policy-2'] },
  ],
});
