import { rule } from '../../../src/core/rules/catalog/PPV-009';
import { POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION } from '../../../src/core/model/kinds';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { minimal, seed, updateRelation } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed: private endpoints in their own subnet', design: seed },
    { name: 'the minimal sample', design: minimal },
  ],
  invalid: [
    {
      name: 'also delegated to the VNet data gateway',
      design: edited(seed, set('snet-pp-weu', { delegations: [POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION] })),
      expected: ['snet-pp-weu'],
      messages: [/also to Microsoft.PowerPlatform\/vnetaccesslinks/],
      fixResolves: true,
    },
    {
      name: 'a private endpoint in the delegated subnet',
      design: edited(seed, updateRelation('pe-api-subnet', { to: 'snet-pp-weu' })),
      expected: ['pe-api'],
      messages: [/does not allow private endpoints/],
    },
    { name: 'the gateway subnet delegated', design: edited(seed, set('snet-pp-neu', { name: 'GatewaySubnet' })), expected: ['snet-pp-neu'], messages: [/reserved name/] },
  ],
});
