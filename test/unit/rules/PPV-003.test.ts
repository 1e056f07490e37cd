import { rule } from '../../../src/core/rules/catalog/PPV-003';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (shape unknown: not read from IaC)', design: seed },
    { name: 'a plain array', design: edited(seed, set('policy-prod', { networksShape: 'array' })) },
  ],
  invalid: [
    { name: 'the { value: [...] } wrapper', design: edited(seed, set('policy-prod', { networksShape: 'valueWrapper' })), expected: ['policy-prod'], messages: [/request body is null/] },
    { name: 'another shape', design: edited(seed, set('policy-prod', { networksShape: 'other' })), expected: ['policy-prod'], messages: [/plain array/] },
  ],
});
