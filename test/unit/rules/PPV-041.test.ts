import { rule } from '../../../src/core/rules/catalog/PPV-041';
import { VNET_DATA_GATEWAY_DELEGATION } from '../../../src/core/model/kinds';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, dataGateway, relate, seed, updateRelation } from './ppv-fixtures';

const onPolicySubnet = add([{ id: 'vdgw', kind: 'vnetDataGateway', name: 'vdgw' }], [{ id: 'vdgw-subnet', kind: 'dataGatewaySubnet', from: 'vdgw', to: 'snet-pp-weu' }]);

testRule(rule, {
  valid: [
    { name: 'a gateway in its own subnet', design: edited(seed, dataGateway()) },
    { name: 'two gateways sharing their own subnet', design: edited(seed, dataGateway(), add([{ id: 'vdgw-2', kind: 'vnetDataGateway', name: 'vdgw-2' }], [{ id: 'vdgw-2-subnet', kind: 'dataGatewaySubnet', from: 'vdgw-2', to: 'snet-dgw' }])) },
  ],
  invalid: [
    { name: "the enterprise policy's subnet", design: edited(seed, onPolicySubnet), expected: ['vdgw'], messages: [/cannot share subnet .* with subnet injection/] },
    { name: 'another delegation too', design: edited(seed, dataGateway({ delegations: [VNET_DATA_GATEWAY_DELEGATION, 'Microsoft.Web/serverFarms'] })), expected: ['snet-dgw'], messages: [/also delegated to Microsoft.Web\/serverFarms/] },
    { name: 'a private endpoint in the gateway subnet', design: edited(seed, dataGateway(), updateRelation('pe-kv-subnet', { to: 'snet-dgw' })), expected: ['pe-kv'] },
    { name: 'named AzureBastionSubnet', design: edited(seed, dataGateway({ name: 'AzureBastionSubnet' })), expected: ['snet-dgw'], messages: [/reserved name/] },
    {
      name: 'a subnet the policy injects into, drawn twice',
      design: edited(seed, dataGateway(), relate({ id: 'inject-dgw', kind: 'policySubnet', from: 'policy-prod', to: 'snet-dgw' })),
      expected: ['vdgw'],
    },
  ],
});
