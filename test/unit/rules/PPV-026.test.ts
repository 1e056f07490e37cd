import { rule } from '../../../src/core/rules/catalog/PPV-026';
import { edited, removeRelations } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'no environment linked yet', design: edited(minimal, removeRelations('link-env')) },
    { name: 'linked but no subnet yet', design: edited(minimal, removeRelations('inject')) },
  ],
  invalid: [
    { name: 'the seed: a linked policy', design: seed, expected: ['policy-prod'], messages: [/unlink, change, relink/] },
    { name: 'the minimal sample', design: minimal, expected: ['policy'] },
  ],
});
