import { rule } from '../../../src/core/rules/catalog/PPV-006';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { seed } from './ppv-fixtures';

const us = (a: string, b: string) =>
  edited(seed, set('policy-prod', { geography: 'unitedstates' }), set('vnet-weu', { region: a }), set('vnet-neu', { region: b }));

testRule(rule, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'unitedstates eastus/westus', design: us('eastus', 'westus') },
    { name: 'unitedstates centralus/eastus2', design: us('eastus2', 'centralus') },
    { name: 'display names of an allowed pair', design: us('East US', 'West US') },
  ],
  invalid: [
    { name: 'both VNets in one region', design: edited(seed, set('vnet-neu', { region: 'westeurope' })), expected: ['vnet-neu'], messages: [/both in 'westeurope'/] },
    { name: 'regions from two different US pairs', design: us('eastus', 'eastus2'), expected: ['vnet-neu'], messages: [/not an allowed pair/] },
    { name: 'display names of one region', design: us('East US', 'eastus'), expected: ['vnet-neu'], messages: [/both in 'eastus'/] },
  ],
});
