import { rule } from '../../../src/core/rules/catalog/PPV-018';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { linkedEnvironment, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'two standard production environments', design: edited(seed, linkedEnvironment('env-prod-2', { environmentType: 'Production', stage: 'prod', releaseCycle: 'standard' })) },
    { name: 'release cycle and stage unknown', design: edited(seed, linkedEnvironment('env-x', { environmentType: 'Default' })) },
  ],
  invalid: [
    {
      name: 'an early release production environment',
      design: edited(seed, linkedEnvironment('env-early', { environmentType: 'Production', stage: 'prod', releaseCycle: 'early' })),
      expected: ['env-early'],
      messages: [/early release cycle/],
    },
    {
      name: 'a dev environment on the production policy',
      design: edited(seed, linkedEnvironment('env-dev', { environmentType: 'Sandbox', stage: 'dev', releaseCycle: 'standard' })),
      expected: ['env-dev'],
      messages: [/Non-production.*shares policy/],
    },
    {
      name: 'a sandbox without stage reads as non-production',
      design: edited(seed, linkedEnvironment('env-sbx', { environmentType: 'Sandbox' })),
      expected: ['env-sbx'],
    },
    {
      name: 'an early release dev environment: both problems',
      design: edited(seed, linkedEnvironment('env-dev', { environmentType: 'Developer', stage: 'dev', releaseCycle: 'early' })),
      expected: ['env-dev', 'env-dev'],
    },
  ],
});
