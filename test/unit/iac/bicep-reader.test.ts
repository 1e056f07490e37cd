// The Bicep reader: the single-VNet fixture, local modules called in a loop, nested and parent/child
// resources, loops over literal arrays, and references in every form the mapping follows.
import { describe, expect, it } from 'vitest';
import { designSchema } from '../../../src/core/model/schema';
import { bicep, el, lineAt, readFixture, rels } from './iac-support';

describe('readBicep: fixtures', () => {
  it('reads the single-VNet design with inline subnets and the policy', async () => {
    const r = await readFixture('bicep-single/main.bicep');
    expect(designSchema.safeParse(r.design).success).toBe(true);
    expect(el(r, 'vnet')).toMatchObject({ name: 'vnet-contoso-brs', region: 'brazilsouth', addressSpaces: ['10.30.0.0/16'] });
    expect(el(r, 'vnet.snet-pp')).toMatchObject({ parent: 'vnet', addressPrefix: '10.30.1.0/24', delegations: ['Microsoft.PowerPlatform/enterprisePolicies'] });
    expect(el(r, 'policy')).toMatchObject({ geography: 'brazil', apiVersion: '2020-10-30-preview', policyKind: 'NetworkInjection', networksShape: 'array' });
    expect(el(r, 'nat')).toMatchObject({ publicIpCount: 1 });
    expect(rels(r, 'policySubnet')).toEqual(['policy -> vnet.snet-pp']);
    expect(rels(r, 'natAssociation')).toEqual(['nat -> vnet.snet-pp']);
    const at = r.locate({ elementId: 'vnet.snet-pp', property: 'addressPrefix' })!;
    expect(lineAt(at.file, at.range.start.line)).toContain("addressPrefix: '10.30.1.0/24'");
  });

  it('follows local modules called in a loop, with parameters from the call site', async () => {
    const r = await readFixture('bicep-modules/main.bicep');
    expect(el(r, 'net.0.vnet')).toMatchObject({ name: 'vnet-fabrikam-weu', region: 'westeurope' });
    expect(el(r, 'net.1.pp')).toMatchObject({ parent: 'net.1.vnet', addressPrefix: '10.50.1.0/24' });
    expect(el(r, 'hub.vnet')).toMatchObject({ name: 'vnet-fabrikam-hub' });
    expect(rels(r, 'policySubnet')).toEqual(['policy -> net.0.pp', 'policy -> net.1.pp']);
    const at = r.locate({ elementId: 'net.1.pp', property: 'addressPrefix' })!;
    expect(at.file).toMatch(/modules\/net\.bicep$/);
  });

  it('reports the {value: […]} wrapper, the version and names it cannot resolve', async () => {
    const r = await readFixture('bicep-problems/main.bicep');
    expect(el(r, 'policy')).toMatchObject({ networksShape: 'valueWrapper', unresolvedSubnets: [{ vnet: 'vnet-single', subnet: 'snet-missing' }] });
    expect(el(r, 'vnet.snet-pp').delegations).toEqual([]);
  });
});

describe('readBicep: resolution', () => {
  it('reads nested child resources, parent: children and loops', async () => {
    const r = await bicep(`
      var nets = [ { n: 'a', p: '10.0.1.0/24' }, { n: 'b', p: '10.0.2.0/24' } ]
      resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
        name: 'v1'
        location: 'uaenorth'
        properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] } }
        resource gw 'subnets' = {
          name: 'GatewaySubnet'
          properties: { addressPrefix: '10.0.255.0/27' }
        }
      }
      resource subs 'Microsoft.Network/virtualNetworks/subnets@2025-05-01' = [for s in nets: {
        parent: vnet
        name: 'snet-\${s.n}'
        properties: { addressPrefix: s.p, networkSecurityGroup: { id: nsg.id } }
      }]
      resource nsg 'Microsoft.Network/networkSecurityGroups@2025-05-01' = {
        name: 'nsg'
        location: 'uaenorth'
        properties: { securityRules: [ { name: 'dns', properties: { priority: 100, direction: 'Outbound', access: 'Allow', protocol: '*', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '53' } } ] }
      }
      resource pe 'Microsoft.Network/privateEndpoints@2025-05-01' = {
        name: 'pe'
        location: 'uaenorth'
        properties: {
          subnet: { id: '\${vnet.id}/subnets/snet-b' }
          privateLinkServiceConnections: [ { name: 'kv', properties: { privateLinkServiceId: kv.id, groupIds: [ 'vault' ] } } ]
        }
      }
      resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
        name: 'kv1'
        location: 'uaenorth'
        properties: { publicNetworkAccess: 'Disabled' }
      }`);
    expect(el(r, 'gw')).toMatchObject({ kind: 'subnet', parent: 'vnet', name: 'GatewaySubnet' });
    expect(el(r, 'subs.1')).toMatchObject({ name: 'snet-b', parent: 'vnet', addressPrefix: '10.0.2.0/24' });
    expect(rels(r, 'nsgAssociation')).toEqual(['nsg -> subs.0', 'nsg -> subs.1']);
    expect(rels(r, 'peSubnet')).toEqual(['pe -> subs.1']);
    expect(rels(r, 'peTarget')).toEqual(['pe -> kv']);
    expect(el(r, 'kv')).toMatchObject({ serviceType: 'keyVault', publicNetworkAccess: false });
    expect(el(r, 'nsg').rules).toHaveLength(1);
    expect(el(r, 'pe').groupId).toBe('vault');
  });

  it('reads plural prefix and port lists joined, and counts public IP prefixes as NAT public IPs', async () => {
    const r = await bicep(`
      resource nsg 'Microsoft.Network/networkSecurityGroups@2025-05-01' = {
        name: 'nsg'
        location: 'uaenorth'
        properties: { securityRules: [ { name: 'lists', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefixes: [ '10.0.0.0/24', '10.0.1.0/24' ], sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRanges: [ '443', '8443' ] } } ] }
      }
      resource nat 'Microsoft.Network/natGateways@2025-05-01' = {
        name: 'nat'
        location: 'uaenorth'
        properties: { publicIpAddresses: [ { id: 'a' } ], publicIpPrefixes: [ { id: 'p' } ] }
      }
      resource natOnlyPrefix 'Microsoft.Network/natGateways@2025-05-01' = {
        name: 'nat2'
        location: 'uaenorth'
        properties: { publicIpPrefixes: [ { id: 'p' } ] }
      }
    `);
    expect(el(r, 'nsg')).toMatchObject({ rules: [{ name: 'lists', sourceAddressPrefix: '10.0.0.0/24,10.0.1.0/24', destinationPortRange: '443,8443' }] });
    expect(el(r, 'nat')).toMatchObject({ publicIpCount: 2 });
    expect(el(r, 'natOnlyPrefix')).toMatchObject({ publicIpCount: 1 });
  });

  it('leaves parameters without defaults and unmodelled functions unknown', async () => {
    const r = await bicep(`
      param location string
      param space string = subscription().id
      resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
        name: 'v-\${uniqueString(resourceGroup().id)}'
        location: location
        properties: { addressSpace: { addressPrefixes: [ space ] } }
      }`);
    const v = el(r, 'vnet');
    expect(v.name).toBe('vnet');
    expect(v.region).toBeUndefined();
    expect(v.addressSpaces).toBeUndefined();
  });

  it('drops resources whose if-condition is literally false', async () => {
    const r = await bicep(`
      param deploy bool = false
      resource a 'Microsoft.Network/privateDnsZones@2020-06-01' = if (deploy) { name: 'privatelink.vaultcore.azure.net' }
      resource b 'Microsoft.Network/privateDnsZones@2020-06-01' = if (!deploy) { name: 'privatelink.blob.core.windows.net' }`);
    expect(r.design.elements.map((e) => e.id)).toEqual(['b']);
  });
});
