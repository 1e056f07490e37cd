import { rule } from '../../../src/core/rules/catalog/PPV-028';
import { edited, remove, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { TENANT_A, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [{ name: 'no enterprise policy in the design', design: edited(seed, remove('policy-prod')) }],
  invalid: [
    { name: 'the seed', design: seed, expected: ['policy-prod'], messages: [/^(?!.*(Preview|feature)).*Microsoft\.PowerPlatform resource provider in the subscription of the policy/] },
    { name: 'a known subscription is named', design: edited(seed, set('policy-prod', { subscriptionId: TENANT_A })), expected: ['policy-prod'], messages: [new RegExp(`subscription ${TENANT_A}`)] },
  ],
});
