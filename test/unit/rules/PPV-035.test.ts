import { rule } from '../../../src/core/rules/catalog/PPV-035';
import { POWER_PLATFORM_DELEGATION } from '../../../src/core/model/kinds';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, relate, seed } from './ppv-fixtures';

const alm = loadSample('alm');
const peer = (id: string, from: string, to: string, allowVirtualNetworkAccess = true) =>
  relate({ id, kind: 'peering', from, to, allowVirtualNetworkAccess, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false });
/** A second delegated subnet of the test policy, inside production's West Europe VNet. */
const testSubnetInProdVnet = add(
  [{ id: 'snet-test-in-prod', kind: 'subnet', name: 'snet-pp-test', addressPrefix: '10.110.9.0/24', delegations: [POWER_PLATFORM_DELEGATION], parent: 'vnet-prod-weu' }],
  [{ id: 'inject-test-in-prod', kind: 'policySubnet', from: 'policy-test', to: 'snet-test-in-prod' }],
);

testRule(rule, {
  valid: [
    { name: 'the ALM landing zones', design: alm },
    { name: 'the seed (production only)', design: seed },
    { name: 'test peered to production with VNet access off', design: edited(alm, peer('p', 'vnet-test-weu', 'vnet-prod-weu', false)) },
    { name: 'the test stage not known (Default type, no stage)', design: edited(alm, set('env-test', { stage: undefined, environmentType: 'Default' }), peer('p', 'vnet-test-weu', 'vnet-prod-weu')) },
    { name: 'two production policies peered', design: edited(alm, set('env-test', { stage: 'prod', environmentType: 'Production' }), peer('p', 'vnet-test-weu', 'vnet-prod-weu')) },
  ],
  invalid: [
    {
      name: 'test peered to production',
      design: edited(alm, peer('peer-test-prod', 'vnet-test-weu', 'vnet-prod-weu')),
      expected: ['peer-test-prod'],
      messages: [/joins dev\/test VNet "vnet-pp-test-weu".*production VNet "vnet-pp-prod-weu"/],
    },
    {
      name: 'production peered to test, both directions: one finding per peering',
      design: edited(alm, peer('peer-prod-test', 'vnet-prod-neu', 'vnet-test-neu'), peer('peer-test-prod', 'vnet-test-neu', 'vnet-prod-neu')),
      expected: ['peer-prod-test', 'peer-test-prod'],
    },
    {
      name: 'a test subnet delegated inside the production VNet',
      design: edited(alm, testSubnetInProdVnet),
      expected: ['vnet-prod-weu'],
      messages: [/holds delegated subnets of dev\/test policy "ep-casemgmt-test".*production policy "ep-casemgmt-prod"/],
    },
  ],
});
