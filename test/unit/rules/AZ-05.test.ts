// AZ-05: NSGs, route tables and NAT gateways are in the region of the VNets they attach to.
import { rule as AZ05 } from '../../../src/core/rules/catalog/AZ-05';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const routeTable = (region: string) => ({
  op: 'addElements' as const,
  elements: [{ id: 'rt-pe', kind: 'routeTable' as const, name: 'rt-pe', region, routes: [] }],
  relations: [{ id: 'rt-pe-assoc', kind: 'routeTableAssociation' as const, from: 'rt-pe', to: 'snet-pe-weu' }],
});

testRule(AZ05, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a region written with spaces and capitals', design: edited(seed, set('nsg-weu', { region: 'West Europe' })) },
    { name: 'a route table in the VNet region', design: edited(seed, routeTable('westeurope')) },
    { name: 'an NSG whose region is unknown', design: edited(seed, set('nsg-weu', { region: undefined })) },
  ],
  invalid: [
    { name: 'an NSG in the wrong region', design: edited(seed, set('nsg-weu', { region: 'northeurope' })), expected: ['nsg-weu'], messages: [/Network security group "nsg-pp-weu" is in northeurope .* in westeurope/] },
    { name: 'a NAT gateway in the wrong region', design: edited(seed, set('nat-neu', { region: 'westeurope' })), expected: ['nat-neu'], messages: [/NAT gateway/] },
    { name: 'a route table in the wrong region', design: edited(seed, routeTable('northeurope')), expected: ['rt-pe'], messages: [/Route table/] },
  ],
});
