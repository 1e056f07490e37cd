import { rule } from '../../../src/core/rules/catalog/PPV-037';
import type { Element } from '../../../src/core/model/schema';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, linkedEnvironment, secondPolicy, seed } from './ppv-fixtures';

const unlinked = add([{ id: 'env-legacy', kind: 'environment', name: 'env-legacy', geography: 'europe' } as Element]);

testRule(rule, {
  valid: [
    { name: 'the seed: one environment', design: seed },
    { name: 'two environments on the same policy', design: edited(seed, linkedEnvironment('env-test', { environmentType: 'Sandbox' })) },
  ],
  invalid: [
    {
      name: 'environments on two policies',
      design: edited(seed, secondPolicy(), linkedEnvironment('env-test', { environmentType: 'Sandbox' }, 'policy-2')),
      expected: ['env-prod', 'env-test'],
      messages: [/only to environments on its own enterprise policy; "env-test" is not/, /"Case Management \(Prod\)"|env-prod/],
    },
    // The environment without a policy gets no finding: restoring it into a VNet environment works.
    { name: 'an environment without a policy', design: edited(seed, unlinked), expected: ['env-prod'], messages: [/"env-legacy" is not/] },
  ],
});
