import { rule } from '../../../src/core/rules/catalog/PPV-031';
import { edited, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: europe has a pair', design: seed },
    { name: 'single-region policy without environments', design: edited(minimal, removeRelations('link-env')) },
  ],
  invalid: [
    { name: 'the minimal sample: brazil', design: minimal, expected: ['policy'], messages: [/Brazil is a single-region geography/] },
    { name: 'sweden', design: edited(minimal, set('policy', { geography: 'sweden' })), expected: ['policy'] },
  ],
});
