import { rule } from '../../../src/core/rules/catalog/PPV-045';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, dataGateway, minimal, seed } from './ppv-fixtures';

const remove = (id: string) => ({ op: 'removeElements', ids: [id] }) as const;

testRule(rule, {
  valid: [
    { name: 'the seed: both delegated VNets have flow logs', design: seed },
    { name: 'the minimal sample', design: minimal },
    { name: 'a data gateway in a VNet with a flow log', design: edited(seed, dataGateway()) },
  ],
  invalid: [
    { name: 'a flow log removed', design: edited(seed, remove('fl-neu')), expected: ['vnet-neu'], messages: [/has no enabled VNet flow log/] },
    { name: 'a flow log turned off', design: edited(seed, set('fl-weu', { enabled: false })), expected: ['vnet-weu'] },
    {
      name: 'a VNet with only a data gateway subnet',
      design: edited(seed, add([
        { id: 'vnet-data', kind: 'vnet', name: 'vnet-data', region: 'westeurope', addressSpaces: ['10.40.0.0/16'] },
        { id: 'snet-data-dgw', kind: 'subnet', name: 'snet-dgw', addressPrefix: '10.40.1.0/27', delegations: ['Microsoft.PowerPlatform/vnetaccesslinks'], parent: 'vnet-data' },
      ])),
      expected: ['vnet-data'],
    },
  ],
});
