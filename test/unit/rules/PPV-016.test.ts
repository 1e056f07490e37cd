import { rule } from '../../../src/core/rules/catalog/PPV-016';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'environment unitedkingdom, policy uk', design: edited(seed, set('env-prod', { geography: 'unitedkingdom' }), set('policy-prod', { geography: 'uk' })) },
    { name: 'environment unitedstates, policy unitedstateseuap', design: edited(seed, set('env-prod', { geography: 'unitedstates' }), set('policy-prod', { geography: 'unitedstateseuap' })) },
  ],
  invalid: [
    // The module maps only unitedkingdom → uk; it rejects southamerica for a brazil policy.
    { name: 'environment southamerica, policy brazil', design: edited(minimal, set('env-sandbox', { geography: 'southamerica' })), expected: ['env-sandbox'], messages: [/'southamerica'.*'brazil'/] },
    { name: 'US environment on a European policy', design: edited(seed, set('env-prod', { geography: 'unitedstates' })), expected: ['env-prod'], messages: [/'unitedstates'.*'europe'/] },
  ],
});
