import { rule } from '../../../src/core/rules/catalog/PPV-044';
import { edited, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { dataGateway, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'West Europe', design: edited(seed, dataGateway()) },
    { name: 'a display name ARM accepts', design: edited(seed, dataGateway(), set('vnet-weu', { region: 'West Europe' })) },
    { name: 'region unknown', design: edited(seed, dataGateway(), set('vnet-weu', { region: undefined })) },
  ],
  invalid: [
    { name: 'a region not in the list', design: edited(seed, dataGateway(), set('vnet-weu', { region: 'francesouth' })), expected: ['vdgw', 'vdgw-weu'], messages: [/francesouth, which is not in Microsoft's list/] },
  ],
});
