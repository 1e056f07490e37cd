import { rule } from '../../../src/core/rules/catalog/PPV-014';
import { edited, removeRelations, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'managed unknown', design: edited(seed, set('env-prod', { managed: undefined })) },
    { name: 'unmanaged but not linked', design: edited(seed, set('env-prod', { managed: false }), removeRelations('link-env-prod')) },
  ],
  invalid: [{ name: 'linked and unmanaged', design: edited(seed, set('env-prod', { managed: false })), expected: ['env-prod'], messages: [/not a Managed Environment/], fixResolves: true }],
});
