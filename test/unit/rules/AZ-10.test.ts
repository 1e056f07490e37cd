// AZ-10: one delegation per subnet.
import { POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION } from '../../../src/core/model/kinds';
import { rule as AZ10 } from '../../../src/core/rules/catalog/AZ-10';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');

testRule(AZ10, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a subnet with no delegation', design: edited(seed, set('snet-pp-weu', { delegations: [] })) },
  ],
  invalid: [
    {
      name: 'Power Platform and the VNet data gateway on one subnet',
      design: edited(seed, set('snet-pp-weu', { delegations: [POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION] })),
      expected: ['snet-pp-weu'],
      messages: [/delegated to 2 services .* one service only/],
    },
  ],
});
