import { rule } from '../../../src/core/rules/catalog/PPV-033';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'GCC High (usgov)', design: edited(seed, set('policy-prod', { geography: 'usgov' }), set('env-prod', { geography: 'usgov' })) },
  ],
  invalid: [
    { name: 'usdod policy and environment', design: edited(seed, set('policy-prod', { geography: 'usdod' }), set('env-prod', { geography: 'USDOD' })), expected: ['policy-prod', 'env-prod'], messages: [/not available for DoD/] },
  ],
});
