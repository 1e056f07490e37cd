import { rule } from '../../../src/core/rules/catalog/PPV-021';
import { edited, remove, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { add, minimal, seed } from './ppv-fixtures';

const noNat = edited(seed, remove('nat-weu', 'nat-neu'));
const apiKey = edited(noNat, set('conn-casemgmt', { authKind: 'apiKey' }));
const firewallRoutes = add(
  [{ id: 'rt-fw', kind: 'routeTable', name: 'rt-fw', routes: [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' }] }],
  [
    { id: 'rt-fw-weu', kind: 'routeTableAssociation', from: 'rt-fw', to: 'snet-pp-weu' },
    { id: 'rt-fw-neu', kind: 'routeTableAssociation', from: 'rt-fw', to: 'snet-pp-neu' },
  ],
);
const publicStorage = add(
  [{ id: 'st', kind: 'azureService', name: 'stcasemgmt', serviceType: 'storageAccount', publicNetworkAccess: true }],
  [{ id: 'conn-st', kind: 'connectorTarget', from: 'conn-casemgmt', to: 'st' }],
);

testRule(rule, {
  valid: [
    { name: 'the seed: NAT on both subnets', design: seed },
    { name: 'the minimal sample: no workloads', design: minimal },
    { name: 'only private targets and API-key auth, no NAT', design: apiKey },
    { name: 'firewall default route instead of NAT', design: edited(noNat, firewallRoutes) },
    {
      name: 'a host that names an on-premises target reached by gateway',
      design: edited(apiKey, add([{ id: 'dc', kind: 'onPremises', name: 'dc' }], [{ id: 'conn-dc', kind: 'connectorTarget', from: 'conn-casemgmt', to: 'dc' }]), set('conn-casemgmt', { host: 'api.corp.example' })),
    },
    { name: 'public access unknown', design: edited(apiKey, publicStorage, set('st', { publicNetworkAccess: undefined })) },
  ],
  invalid: [
    { name: 'Entra ID OAuth and no NAT on the failover subnet', design: edited(seed, remove('nat-neu')), expected: ['snet-pp-neu'], messages: [/Entra ID OAuth/], fixResolves: true },
    { name: 'a public API host and no NAT', design: edited(apiKey, set('conn-casemgmt', { host: 'api.contoso.com' })), expected: ['snet-pp-weu', 'snet-pp-neu'], messages: [/calls api.contoso.com/], fixResolves: true },
    { name: 'a public storage account without private endpoint', design: edited(apiKey, publicStorage), expected: ['snet-pp-weu', 'snet-pp-neu'], messages: [/public endpoint/] },
  ],
});
