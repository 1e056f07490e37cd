import { rule } from '../../../src/core/rules/catalog/PPV-027';
import { edited, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { linkedEnvironment, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'marked for deletion after unlinking', design: edited(seed, set('policy-prod', { markedForDeletion: true }), removeRelations('link-env-prod')) },
  ],
  invalid: [
    { name: 'marked for deletion while linked', design: edited(seed, set('policy-prod', { markedForDeletion: true })), expected: ['policy-prod'], messages: [/1 environment\(s\) are still linked/], fixResolves: true },
    {
      name: 'two linked environments',
      design: edited(seed, linkedEnvironment('env-2', { environmentType: 'Production' }), set('policy-prod', { markedForDeletion: true })),
      expected: ['policy-prod'],
      messages: [/2 environment\(s\)/],
      fixResolves: true,
    },
  ],
});
