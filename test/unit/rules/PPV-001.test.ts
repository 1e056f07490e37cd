import { rule } from '../../../src/core/rules/catalog/PPV-001';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (a design file, no IaC fields)', design: seed },
    { name: 'documented API version and kind', design: edited(seed, set('policy-prod', { apiVersion: '2020-10-30-preview', policyKind: 'NetworkInjection' })) },
    { name: "the module's version without -preview", design: edited(seed, set('policy-prod', { apiVersion: '2020-10-30' })) },
  ],
  invalid: [
    { name: 'unknown API version', design: edited(seed, set('policy-prod', { apiVersion: '2021-04-01' })), expected: ['policy-prod'], messages: [/'2021-04-01'.*'2020-10-30' \(what Microsoft's module deploys\) or '2020-10-30-preview' \(the version Bicep's types describe\)/] },
    { name: 'Encryption kind', design: edited(seed, set('policy-prod', { policyKind: 'Encryption' })), expected: ['policy-prod'], messages: [/kind 'Encryption'.*NetworkInjection/] },
    { name: 'both wrong', design: edited(seed, set('policy-prod', { apiVersion: '2019-10-01', policyKind: 'Lockbox' })), expected: ['policy-prod', 'policy-prod'] },
  ],
});
