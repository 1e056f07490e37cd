import { rule } from '../../../src/core/rules/catalog/PPV-034';
import { edited, remove } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [{ name: 'no enterprise policy in the design', design: edited(seed, remove('policy-prod')) }],
  invalid: [
    { name: 'the seed', design: seed, expected: ['policy-prod'], messages: [/Reader on policy/] },
    { name: 'the minimal sample', design: minimal, expected: ['policy'] },
  ],
});
