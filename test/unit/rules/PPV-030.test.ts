import { rule } from '../../../src/core/rules/catalog/PPV-030';
import { edited, removeRelations } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the minimal sample: no connectors', design: minimal },
    { name: 'a connector no linked environment runs', design: edited(seed, removeRelations('env-runs-conn')) },
  ],
  invalid: [{ name: 'the seed', design: seed, expected: ['policy-prod'], messages: [/public root CA/] }],
});
