import { rule } from '../../../src/core/rules/catalog/PPV-007';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const us = edited(
  seed,
  set('policy-prod', { geography: 'unitedstates' }),
  set('env-prod', { geography: 'unitedstates' }),
  set('vnet-weu', { region: 'eastus' }),
  set('vnet-neu', { region: 'westus' }),
);

testRule(rule, {
  valid: [
    { name: 'the seed (no Azure region pinned)', design: seed },
    { name: 'environment in eastus with the eastus/westus pair', design: edited(us, set('env-prod', { azureRegion: 'eastus' })) },
    { name: 'europe environment pinned to northeurope', design: edited(seed, set('env-prod', { azureRegion: 'northeurope' })) },
    { name: 'display names on VNets and environment', design: edited(us, set('vnet-weu', { region: 'East US' }), set('vnet-neu', { region: 'West US' }), set('env-prod', { azureRegion: 'East US' })) },
  ],
  invalid: [
    { name: 'environment in centralus with the eastus/westus pair', design: edited(us, set('env-prod', { azureRegion: 'centralus' })), expected: ['env-prod'], messages: [/use the pair \{centralus, eastus2\}/] },
    { name: 'environment in a region no pair contains', design: edited(us, set('env-prod', { azureRegion: 'southcentralus' })), expected: ['env-prod'], messages: [/no region pair/] },
    { name: 'display names: environment in Central US with the East US/West US pair', design: edited(us, set('vnet-weu', { region: 'East US' }), set('vnet-neu', { region: 'West US' }), set('env-prod', { azureRegion: 'Central US' })), expected: ['env-prod'], messages: [/'centralus'.*use the pair \{centralus, eastus2\}/] },
  ],
});
