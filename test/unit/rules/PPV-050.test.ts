import { rule } from '../../../src/core/rules/catalog/PPV-050';
import { edited, loadFixture, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, relate, updateRelation } from './ppv-fixtures';

const hybrid = loadFixture('hybrid-dns');

testRule(rule, {
  valid: [
    { name: 'hybrid-dns: inbound and outbound in their own delegated /28s', design: hybrid },
    { name: 'delegations unknown (IaC value not followed)', design: edited(hybrid, set('snet-dns-in', { delegations: undefined })) },
  ],
  invalid: [
    { name: 'the inbound subnet has no delegation', design: edited(hybrid, set('snet-dns-in', { delegations: [] })), expected: ['snet-dns-in'], messages: [/not delegated to Microsoft.Network\/dnsResolvers/], fixResolves: true },
    { name: 'inbound and outbound share a subnet', design: edited(hybrid, updateRelation('dnspr-out', { to: 'snet-dns-in' })), expected: ['snet-dns-in'], messages: [/single endpoint/] },
    { name: 'a private endpoint in the outbound subnet', design: edited(hybrid, relate({ id: 'pe-out', kind: 'peSubnet', from: 'pe-kv', to: 'snet-dns-out' }), { op: 'removeRelations', ids: ['pe-kv-subnet'] }), expected: ['snet-dns-out'], messages: [/dedicated subnet/] },
    { name: 'a second delegation on the inbound subnet', design: edited(hybrid, set('snet-dns-in', { delegations: ['Microsoft.Network/dnsResolvers', 'Microsoft.Web/serverFarms'] })), expected: ['snet-dns-in'], messages: [/a delegation to Microsoft.Web\/serverFarms/] },
    {
      name: 'an endpoint in a subnet of another VNet',
      design: edited(hybrid, add([{ id: 'snet-spoke-dns', kind: 'subnet', name: 'snet-dns', addressPrefix: '10.160.2.0/28', delegations: ['Microsoft.Network/dnsResolvers'], parent: 'vnet-weu' }]), updateRelation('dnspr-out', { to: 'snet-spoke-dns' })),
      expected: ['dnspr-out'],
      messages: [/not in the resolver's VNet/],
    },
  ],
});
