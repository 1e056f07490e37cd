// AZ-16: a private subnet that may host workloads needs an explicit egress path.
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { rule as AZ16 } from '../../../src/core/rules/catalog/AZ-16';
import { edited, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';

const seed = loadSample('seed');
const appSubnet: DesignEdit = { op: 'addElements', elements: [{ id: 'snet-app', kind: 'subnet', name: 'snet-app', addressPrefix: '10.10.3.0/24', defaultOutboundAccess: false, parent: 'vnet-weu' }] };
const routeTable = (nextHopType: 'VirtualAppliance' | 'VnetLocal'): DesignEdit => ({
  op: 'addElements',
  elements: [{ id: 'rt-app', kind: 'routeTable', name: 'rt-app', region: 'westeurope', routes: [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType, ...(nextHopType === 'VirtualAppliance' ? { nextHopIpAddress: '10.0.0.4' } : {}) }] }],
  relations: [{ id: 'rt-app-assoc', kind: 'routeTableAssociation', from: 'rt-app', to: 'snet-app' }],
});

testRule(AZ16, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
    { name: 'a private subnet with a NAT gateway', design: edited(seed, appSubnet, { op: 'addRelation', relation: { id: 'nat-app', kind: 'natAssociation', from: 'nat-weu', to: 'snet-app' } }) },
    { name: 'a private subnet with a default route to a firewall', design: edited(seed, appSubnet, routeTable('VirtualAppliance')) },
    { name: 'a private delegated subnet (its service decides; PPV-021 for Power Platform)', design: edited(seed, set('snet-pp-weu', { defaultOutboundAccess: false })) },
    { name: 'a private subnet holding only private endpoints', design: edited(seed, set('snet-pe-weu', { defaultOutboundAccess: false })) },
  ],
  invalid: [
    { name: 'a private subnet with no egress', design: edited(seed, appSubnet), expected: ['snet-app'], messages: [/is private \(defaultOutboundAccess false\) and has no NAT gateway/] },
    { name: 'a route table without a default route out', design: edited(seed, appSubnet, routeTable('VnetLocal')), expected: ['snet-app'] },
  ],
});
