import { rule } from '../../../src/core/rules/catalog/PPV-043';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, dataGateway, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'a /27 for two members', design: edited(seed, dataGateway()) },
    { name: 'a /28 holds exactly 11 members', design: edited(seed, dataGateway({ addressPrefix: '10.10.3.0/28' }, 11)) },
  ],
  invalid: [
    { name: 'a /29 for six members', design: edited(seed, dataGateway({ addressPrefix: '10.10.3.0/29' }, 6)), expected: ['snet-dgw'], messages: [/3 usable IPs, but its VNet data gateways plan 6 members/] },
    {
      name: 'two gateways add up',
      design: edited(seed, dataGateway({ addressPrefix: '10.10.3.0/28' }, 9), add([{ id: 'vdgw-2', kind: 'vnetDataGateway', name: 'vdgw-2', memberCount: 3 }], [{ id: 'vdgw-2-subnet', kind: 'dataGatewaySubnet', from: 'vdgw-2', to: 'snet-dgw' }])),
      expected: ['snet-dgw'],
      messages: [/plan 12 members/],
    },
  ],
});
