import { rule } from '../../../src/core/rules/catalog/PPV-040';
import { edited } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, dataGateway, seed } from './ppv-fixtures';

testRule(rule, {
  valid: [
    { name: 'the seed (its gateway in snet-datagateway)', design: seed },
    { name: 'a gateway in a vnetaccesslinks subnet', design: edited(seed, dataGateway()) },
    { name: 'delegations unknown (IaC value not followed)', design: edited(seed, dataGateway({ delegations: undefined })) },
  ],
  invalid: [
    { name: 'the subnet has no delegation', design: edited(seed, dataGateway({ delegations: [] })), expected: ['snet-dgw'], messages: [/not delegated to Microsoft.PowerPlatform\/vnetaccesslinks/], fixResolves: true },
    { name: 'the subnet is delegated to another service', design: edited(seed, dataGateway({ delegations: ['Microsoft.Web/serverFarms'] })), expected: ['snet-dgw'] },
    { name: 'the gateway runs in no subnet', design: edited(seed, add([{ id: 'vdgw', kind: 'vnetDataGateway', name: 'vdgw' }])), expected: ['vdgw'], messages: [/runs in no subnet/] },
  ],
});
