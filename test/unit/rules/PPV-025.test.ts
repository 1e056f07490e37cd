import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/core/rules/catalog/PPV-025';
import { privateDnsZoneFor } from '../../../src/core/rules/analysis/private-dns-zones';
import { edited, remove, removeRelations, set } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { minimal, seed } from './ppv-fixtures';

// IaC rarely declares environments and connectors: the seed without its workloads.
const noWorkloads = edited(seed, removeRelations(...seed.relations.filter((r) => r.kind === 'workload').map((r) => r.id)));

testRule(rule, {
  valid: [
    { name: 'no workloads: zones linked to both delegated VNets', design: noWorkloads },
    { name: 'no workloads: a zone linked to neither VNet may serve others', design: edited(noWorkloads, removeRelations('dns-sites-neu', 'dns-sites-weu')) },
    { name: 'the seed: both zones linked to both VNets', design: seed },
    { name: 'the minimal sample', design: minimal },
    {
      name: 'custom DNS on both VNets: resolution is the custom DNS job',
      design: edited(seed, set('vnet-weu', { dnsServers: ['10.10.0.4'] }), set('vnet-neu', { dnsServers: ['10.10.0.4'] }), removeRelations('dns-sites-neu', 'dns-vault-weu')),
    },
    { name: 'groupId unknown', design: edited(seed, set('pe-api', { groupId: undefined }), removeRelations('dns-sites-neu')) },
  ],
  invalid: [
    { name: 'zone not linked to the failover VNet', design: edited(seed, removeRelations('dns-sites-neu')), expected: ['dns-sites'], messages: [/not linked to delegated VNet "vnet-pp-neu"/], fixResolves: true },
    { name: 'no workloads (IaC): a zone linked to the primary VNet only', design: edited(noWorkloads, removeRelations('dns-sites-neu')), expected: ['dns-sites'], messages: [/from one delegated VNet only/], fixResolves: true },
    { name: 'endpoint not registered in the existing zone', design: edited(seed, removeRelations('pe-api-dns')), expected: ['pe-api'], messages: [/privatelink.azurewebsites.net/], fixResolves: true },
    { name: 'no zone at all', design: edited(seed, remove('dns-vault')), expected: ['pe-kv'], messages: [/privatelink.vaultcore.azure.net/], fixResolves: true },
    { name: 'registered in a zone with the wrong name', design: edited(seed, set('dns-sites', { name: 'privatelink.web.core.windows.net' })), expected: ['pe-api'], messages: [/registers in 'privatelink.web.core.windows.net'/], fixResolves: true },
    { name: 'custom DNS on one VNet only: the other still needs the links', design: edited(seed, set('vnet-weu', { dnsServers: ['10.10.0.4'] }), removeRelations('dns-vault-weu', 'dns-vault-neu')), expected: ['dns-vault'] },
  ],
});

describe('private DNS zone table', () => {
  it('maps groupIds case-insensitively and slots to the site zone', () => {
    expect(privateDnsZoneFor('VAULT')).toBe('privatelink.vaultcore.azure.net');
    expect(privateDnsZoneFor('sites-staging')).toBe('privatelink.azurewebsites.net');
  });
  it('needs the resource type for groupIds two services share', () => {
    expect(privateDnsZoneFor('Sql')).toBeUndefined();
    expect(privateDnsZoneFor('Sql', 'Microsoft.DocumentDB/databaseAccounts')).toBe('privatelink.documents.azure.com');
    expect(privateDnsZoneFor('Sql', 'Microsoft.Synapse/workspaces')).toBe('privatelink.sql.azuresynapse.net');
  });
  it('creates the zone and links it to both VNets when none exists', () => {
    const [f] = runRule(rule, edited(seed, remove('dns-vault')));
    const edit = f?.fixes?.[0]?.edit;
    expect(edit?.op).toBe('addElements');
    if (edit?.op !== 'addElements') return;
    expect(edit.elements.map((e) => e.name)).toEqual(['privatelink.vaultcore.azure.net']);
    expect(edit.relations?.map((r) => `${r.kind}:${r.from}->${r.to}`).sort()).toEqual(
      ['dnsZoneLink:dns-vault-1->vnet-neu', 'dnsZoneLink:dns-vault-1->vnet-weu', 'peDnsZone:pe-kv->dns-vault-1'].sort(),
    );
  });
});
