import { rule } from '../../../src/core/rules/catalog/PPV-015';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (Production)', design: seed },
    { name: 'Default', design: edited(seed, set('env-prod', { environmentType: 'Default' })) },
    { name: 'Developer', design: edited(seed, set('env-prod', { environmentType: 'Developer' })) },
  ],
  invalid: [
    { name: 'Trial', design: edited(seed, set('env-prod', { environmentType: 'Trial' })), expected: ['env-prod'], messages: [/Trial/] },
    { name: 'Dataverse for Teams', design: edited(seed, set('env-prod', { environmentType: 'Teams' })), expected: ['env-prod'], messages: [/Dataverse for Teams/] },
  ],
});
