// AZ-13: private endpoint network policies must be enabled for an attached NSG or route table to apply.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ13 } from '../../../src/core/rules/catalog/AZ-13';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const nsgOnPe: DesignEdit = { op: 'addRelation', relation: { id: 'nsg-pe', kind: 'nsgAssociation', from: 'nsg-weu', to: 'snet-pe-weu' } };
const rtOnPe: DesignEdit = {
  op: 'addElements',
  elements: [{ id: 'rt-pe', kind: 'routeTable', name: 'rt-pe', region: 'westeurope', routes: [] }],
  relations: [{ id: 'rt-pe-assoc', kind: 'routeTableAssociation', from: 'rt-pe', to: 'snet-pe-weu' }],
};
const policies = (p: string | undefined) => set('snet-pe-weu', { privateEndpointNetworkPolicies: p });

testRule(AZ13, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'Enabled with an NSG', design: edited(seed, nsgOnPe) },
    { name: 'Disabled without NSG or route table', design: edited(seed, policies('Disabled')) },
    { name: 'NetworkSecurityGroupEnabled with an NSG', design: edited(seed, nsgOnPe, policies('NetworkSecurityGroupEnabled')) },
    { name: 'RouteTableEnabled with a route table', design: edited(seed, rtOnPe, policies('RouteTableEnabled')) },
    { name: 'an NSG on a subnet without private endpoints', design: edited(seed, policies('Disabled'), set('snet-pp-weu', { privateEndpointNetworkPolicies: 'Disabled' })) },
  ],
  invalid: [
    { name: 'Disabled with an NSG', design: edited(seed, nsgOnPe, policies('Disabled')), expected: ['snet-pe-weu'], messages: [/privateEndpointNetworkPolicies Disabled, so its network security group does not apply/], fixResolves: true },
    { name: 'unset (Azure default Disabled) with a route table', design: edited(seed, rtOnPe, policies(undefined)), expected: ['snet-pe-weu'], messages: [/unset \(Disabled\), so its route table does not apply/], fixResolves: true },
    { name: 'NetworkSecurityGroupEnabled with a route table', design: edited(seed, rtOnPe, policies('NetworkSecurityGroupEnabled')), expected: ['snet-pe-weu'], fixResolves: true },
  ],
});
