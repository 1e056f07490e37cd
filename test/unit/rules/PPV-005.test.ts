import { rule } from '../../../src/core/rules/catalog/PPV-005';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: minimal },
    { name: 'unknown region', design: edited(seed, set('vnet-neu', { region: undefined })) },
    { name: "display names ARM reads as canonical ('West Europe', 'North Europe')", design: edited(seed, set('vnet-weu', { region: 'West Europe' }), set('vnet-neu', { region: 'North Europe' })) },
  ],
  invalid: [
    { name: 'a US region for europe', design: edited(seed, set('vnet-neu', { region: 'eastus' })), expected: ['vnet-neu'], messages: [/westeurope, northeurope/] },
    { name: "brazil's retired second region", design: edited(minimal, set('vnet-brs', { region: 'southcentralus' })), expected: ['vnet-brs'], messages: [/^(?!.*retired).*allowed regions: brazilsouth\.$/] },
  ],
});
