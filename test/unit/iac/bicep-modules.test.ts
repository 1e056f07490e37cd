// Module-based Bicep: a layout of local modules, AVM registry calls and a .bicepparam file reads into the
// same design, and the same findings, as the same topology written in one file; registry modules ppvnet
// cannot read and loops it cannot expand are reported as notes, never skipped silently.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IacReadResult } from '../../../src/core/iac/read-iac';
import { validateDesign } from '../../../src/core/rules/engine';
import { readBicepFile } from '../../../src/node/iac/iac-files';
import { bicep, el, FIXTURES, MONITORED_ELSEWHERE, parsers, rels } from './iac-support';
import { findings, shape, variant } from './layout-shape';

async function read(file: string): Promise<IacReadResult> {
  return readBicepFile(file, { parsers: await parsers() });
}

describe('module-based Bicep equals the same topology in one file', () => {
  it('main + local modules + AVM calls + .bicepparam read into the design of the flat file', async () => {
    const modular = await read(path.join(FIXTURES, 'bicep-avm/main.bicep'));
    const flat = await read(path.join(FIXTURES, 'bicep-avm-flat/main.bicep'));
    expect(flat.design.elements.length).toBe(14);
    expect(shape(modular)).toEqual(shape(flat));
    expect(findings(modular)).toEqual(findings(flat));
    expect(modular.diagnostics).toEqual([]);
  });

  it('a correct parameterised layout raises no error or warning', async () => {
    const modular = await read(path.join(FIXTURES, 'bicep-avm/main.bicep'));
    expect(validateDesign(modular.design, { locate: modular.locate }).filter((f) => f.severity !== 'info' && MONITORED_ELSEWHERE(f))).toEqual([]);
  });

  it('the same faults in both layouts give the same findings', async () => {
    // The secondary region moves to a US region and its delegated subnet shrinks to /28.
    const modular = variant('bicep-avm', { 'main.bicepparam': [["'North Europe'", "'East US'"], ["'10.71.1.0/24'", "'10.71.1.0/28'"]] });
    const flat = variant('bicep-avm-flat', { 'main.bicep': [["'northeurope'", "'East US'"], ["'10.71.1.0/24'", "'10.71.1.0/28'"]] });
    const a = await read(path.join(modular, 'main.bicep'));
    const b = await read(path.join(flat, 'main.bicep'));
    const faults = findings(a).filter((f) => !/ info /.test(f));
    expect(faults.map((f) => f.split(' ')[0])).toEqual(expect.arrayContaining(['PPV-005']));
    expect(faults).toEqual(findings(b).filter((f) => !/ info /.test(f)));
    // The finding lands on the module call's parameter, as for a resource's own property.
    const ppv005 = validateDesign(a.design, { locate: a.locate }).find((f) => f.ruleId === 'PPV-005')!;
    expect(ppv005.location?.file).toMatch(/modules\/network\.bicep$/);
    expect(readFileSync(ppv005.location!.file, 'utf8').split('\n')[ppv005.location!.range.start.line]).toContain('location: region.name');
  });

  it('reads a .bicepparam file given as the entry with its template', async () => {
    const r = await read(path.join(FIXTURES, 'bicep-avm/main.bicepparam'));
    expect(r.design.name).toBe('main');
    expect(rels(r, 'policySubnet')).toEqual(['policy.policy -> network.0.vnet.snet-powerplatform', 'policy.policy -> network.1.vnet.snet-powerplatform']);
  });

  it('without parameter values the regional loop is reported as not read', async () => {
    const dir = variant('bicep-avm', {});
    rmSync(path.join(dir, 'main.bicepparam'));
    const r = await read(path.join(dir, 'main.bicep'));
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line + 1} ${d.message}`)).toContainEqual(expect.stringMatching(/^info 18 The list this loop runs over cannot be evaluated statically/));
    expect(r.design.elements.filter((e) => e.kind === 'subnet')).toEqual([]);
  });

  it('several parameter files for one template: defaults are used and the choice is explained', async () => {
    const dir = variant('bicep-avm', {});
    const params = readFileSync(path.join(dir, 'main.bicepparam'), 'utf8');
    rmSync(path.join(dir, 'main.bicepparam'));
    writeFileSync(path.join(dir, 'dev.bicepparam'), params);
    writeFileSync(path.join(dir, 'prod.bicepparam'), params);
    const r = await read(path.join(dir, 'main.bicep'));
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/Several parameter files use this template \(dev\.bicepparam, prod\.bicepparam\)/));
    expect((await read(path.join(dir, 'prod.bicepparam'))).design.elements.length).toBe(14);
  });
});

describe('AVM network modules by their documented parameters', () => {
  it('virtual-network: older delegations[] and { service } endpoints, peerings with the module defaults and the reverse peering', async () => {
    const r = await bicep(`
      module hub 'br/public:avm/res/network/virtual-network:0.1.8' = {
        name: 'hub'
        params: { name: 'vnet-hub', location: 'swedencentral', addressPrefixes: [ '10.0.0.0/16' ], dnsServers: [ '10.0.0.4' ] }
      }
      module spoke 'br/public:avm/res/network/virtual-network:0.7.0' = {
        name: 'spoke'
        params: {
          name: 'vnet-spoke'
          location: 'swedencentral'
          addressPrefixes: [ '10.1.0.0/16' ]
          subnets: [
            {
              name: 'snet-pp'
              addressPrefix: '10.1.1.0/24'
              delegations: [ { name: 'pp', properties: { serviceName: 'Microsoft.PowerPlatform/enterprisePolicies' } } ]
              serviceEndpoints: [ { service: 'Microsoft.Storage' } ]
            }
            { name: 'snet-apps', addressPrefix: '10.1.2.0/24', serviceEndpoints: [ 'Microsoft.KeyVault' ], routeTableResourceId: rt.outputs.resourceId }
          ]
          peerings: [ { remoteVirtualNetworkId: hub.outputs.resourceId, remotePeeringEnabled: true, remotePeeringAllowForwardedTraffic: false } ]
        }
      }
      module rt 'br/public:avm/res/network/route-table:0.4.0' = {
        name: 'rt'
        params: { name: 'rt-apps', routes: [ { name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.0.4' } } ] }
      }`);
    expect(el(r, 'hub')).toMatchObject({ kind: 'vnet', name: 'vnet-hub', region: 'swedencentral', addressSpaces: ['10.0.0.0/16'], dnsServers: ['10.0.0.4'] });
    expect(el(r, 'spoke.snet-pp')).toMatchObject({ delegations: ['Microsoft.PowerPlatform/enterprisePolicies'], serviceEndpoints: ['Microsoft.Storage'] });
    expect(el(r, 'spoke.snet-apps')).toMatchObject({ delegations: [], serviceEndpoints: ['Microsoft.KeyVault'] });
    expect(rels(r, 'routeTableAssociation')).toEqual(['rt -> spoke.snet-apps']);
    expect(el(r, 'rt').routes).toHaveLength(1);
    const peerings = r.design.relations.filter((x) => x.kind === 'peering');
    expect(peerings.map((p) => `${p.from} -> ${p.to} ${String((p as { allowForwardedTraffic?: boolean }).allowForwardedTraffic)}`).sort()).toEqual(['hub -> spoke false', 'spoke -> hub true']);
  });

  it('private-endpoint (privateDnsZoneResourceIds) and private-dns-zone links; nat-gateway with existing public IPs', async () => {
    const r = await bicep(`
      module vnet 'br/public:avm/res/network/virtual-network:0.7.0' = {
        name: 'vnet'
        params: { name: 'vnet-a', addressPrefixes: [ '10.2.0.0/16' ], subnets: [ { name: 'snet-pe', addressPrefix: '10.2.1.0/24', natGatewayResourceId: nat.outputs.resourceId } ] }
      }
      module nat 'br/public:avm/res/network/nat-gateway:1.2.2' = {
        name: 'nat'
        params: { name: 'nat-a', zone: 1, publicIpResourceIds: [ pip1.id, pip2.id ], idleTimeoutInMinutes: 10 }
      }
      resource pip1 'Microsoft.Network/publicIPAddresses@2025-01-01' existing = { name: 'pip-1' }
      resource pip2 'Microsoft.Network/publicIPAddresses@2025-01-01' existing = { name: 'pip-2' }
      resource sql 'Microsoft.Sql/servers@2025-01-01' = { name: 'sql-a', location: 'westus', properties: { publicNetworkAccess: 'Disabled' } }
      module zone 'br/public:avm/res/network/private-dns-zone:0.7.1' = {
        name: 'zone'
        params: { name: 'privatelink\${environment().suffixes.sqlServerHostname}', virtualNetworkLinks: [ { virtualNetworkResourceId: vnet.outputs.resourceId } ] }
      }
      module pe 'br/public:avm/res/network/private-endpoint:0.4.0' = {
        name: 'pe'
        params: {
          name: 'pe-sql'
          subnetResourceId: vnet.outputs.subnetResourceIds[0]
          privateLinkServiceConnections: [ { name: 'sql', properties: { privateLinkServiceId: sql.id, groupIds: [ 'sqlServer' ] } } ]
          privateDnsZoneResourceIds: [ zone.outputs.resourceId ]
        }
      }`);
    expect(el(r, 'nat')).toMatchObject({ publicIpCount: 2, idleTimeoutMinutes: 10 });
    expect(rels(r, 'natAssociation')).toEqual(['nat -> vnet.snet-pe']);
    expect(el(r, 'zone')).toMatchObject({ kind: 'privateDnsZone', name: 'privatelink.database.windows.net' });
    expect(rels(r, 'dnsZoneLink')).toEqual(['zone -> vnet']);
    expect(rels(r, 'peSubnet')).toEqual(['pe -> vnet.snet-pe']);
    expect(rels(r, 'peTarget')).toEqual(['pe -> sql']);
    expect(rels(r, 'peDnsZone')).toEqual(['pe -> zone']);
    expect(el(r, 'pe')).toMatchObject({ groupId: 'sqlServer' });
  });

  it('module loops and conditions over AVM calls, outputs by index', async () => {
    const r = await bicep(`
      param regions array = [ 'westeurope', 'northeurope' ]
      param withNsg bool = false
      module vnets 'br/public:avm/res/network/virtual-network:0.7.0' = [for (region, i) in regions: {
        name: 'vnet-\${i}'
        params: { name: 'vnet-\${region}', location: region, addressPrefixes: [ '10.\${i}.0.0/16' ], subnets: [ { name: 'pp', addressPrefix: '10.\${i}.1.0/24', delegation: 'Microsoft.PowerPlatform/enterprisePolicies' } ] }
      }]
      module nsg 'br/public:avm/res/network/network-security-group:0.5.1' = if (withNsg) { name: 'nsg', params: { name: 'nsg' } }
      resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {
        name: 'ep'
        location: 'europe'
        kind: 'NetworkInjection'
        properties: { networkInjection: { virtualNetworks: [for (region, i) in regions: { id: vnets[i].outputs.resourceId, subnet: { name: vnets[i].outputs.subnetNames[0] } }] } }
      }`);
    expect(r.design.elements.map((e) => e.id).sort()).toEqual(['policy', 'vnets.0', 'vnets.0.pp', 'vnets.1', 'vnets.1.pp']);
    expect(rels(r, 'policySubnet')).toEqual(['policy -> vnets.0.pp', 'policy -> vnets.1.pp']);
  });

  it('registry modules it cannot read are notes on the module line, with the reason', async () => {
    const r = await bicep(`
      module kv 'br/public:avm/res/key-vault/vault:0.9.0' = { name: 'kv', params: { name: 'kv' } }
      module agw 'br/public:avm/res/network/application-gateway:0.5.0' = { name: 'agw', params: { name: 'agw' } }
      module corp 'br/corp:network/hub:1.0.0' = { name: 'corp' }
      module spec 'ts:00000000-0000-0000-0000-000000000000/rg-specs/hub:1.0' = { name: 'spec' }
      module gone './missing.bicep' = { name: 'gone' }
      module odd 'br/public:avm/res/network/constructor:1.0.0' = { name: 'odd' }`);
    const notes = r.diagnostics.map((d) => `${d.severity} ${d.range.start.line} ${d.message}`);
    expect(notes).toEqual([
      expect.stringMatching(/^info 1 Module 'br\/public:avm\/res\/key-vault\/vault:0\.9\.0' is not read: its source is in a registry/),
      expect.stringMatching(/^info 2 Module 'br\/public:avm\/res\/network\/application-gateway:0\.5\.0' is not read: ppvnet reads the AVM network modules virtual-network, .* not 'application-gateway'/),
      expect.stringMatching(/^info 3 Module 'br\/corp:network\/hub:1\.0\.0' is not read/),
      expect.stringMatching(/^info 4 Module 'ts:.*' is not read/),
      expect.stringMatching(/^info 5 Module '\.\/missing\.bicep' was not found/),
      expect.stringMatching(/^info 6 Module 'br\/public:avm\/res\/network\/constructor:1\.0\.0' is not read/),
    ]);
  });
});

describe('Bicep expressions', () => {
  it('??, coalesce, union, contains, ternaries with comparisons, ranges, index access and existing resources', async () => {
    const r = await bicep(`
      param settings object = { location: 'uksouth' }
      param extraPrefixes array = [ '10.9.0.0/16' ]
      param env string = 'prod'
      var base = { name: 'vnet-base' }
      var merged = union(base, { location: settings.?location ?? 'ukwest' })
      var prefixes = union([ '10.8.0.0/16' ], extraPrefixes, [ '10.8.0.0/16' ])
      var subnetNames = [for i in range(1, 2): 'snet-\${i}']
      resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
        name: merged.name
        location: coalesce(null, merged.location, 'ukwest')
        properties: {
          addressSpace: { addressPrefixes: prefixes }
          subnets: [for (n, i) in subnetNames: {
            name: n
            properties: {
              addressPrefix: '10.8.\${i}.0/24'
              delegations: contains(settings, 'LOCATION') && env == 'prod' ? [ { name: 'pp', properties: { serviceName: 'Microsoft.PowerPlatform/enterprisePolicies' } } ] : []
            }
          }]
        }
      }
      resource again 'Microsoft.Network/virtualNetworks@2025-05-01' existing = { name: 'vnet-base' }
      resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30' = {
        name: 'ep'
        location: 'uk'
        kind: length(subnetNames) > 1 ? 'NetworkInjection' : 'Lockbox'
        properties: { networkInjection: { virtualNetworks: [
          { id: again.id, subnet: { name: subnetNames[0] } }
          { id: resourceId('Microsoft.Network/virtualNetworks', 'vnet-base'), subnet: { name: last(subnetNames) } }
        ] } }
      }`);
    expect(el(r, 'vnet')).toMatchObject({ name: 'vnet-base', region: 'uksouth', addressSpaces: ['10.8.0.0/16', '10.9.0.0/16'] });
    expect(el(r, 'vnet.snet-1')).toMatchObject({ addressPrefix: '10.8.0.0/24', delegations: ['Microsoft.PowerPlatform/enterprisePolicies'] });
    expect(el(r, 'policy')).toMatchObject({ policyKind: 'NetworkInjection' });
    expect(rels(r, 'policySubnet')).toEqual(['policy -> vnet.snet-1', 'policy -> vnet.snet-2']);
  });

  it('map() and filter() with lambdas build the policy list', async () => {
    const r = await bicep(`
      param regions array = [
        { name: 'westeurope', enabled: true, cfg: { subnet: 'snet-pp' } }
        { name: 'northeurope', enabled: true, cfg: { subnet: 'snet-pp' } }
        { name: 'francecentral', enabled: false, cfg: { subnet: 'snet-pp' } }
      ]
      var active = filter(regions, r => r.enabled)
      resource vnets 'Microsoft.Network/virtualNetworks@2025-05-01' = [for r in active: {
        name: 'vnet-\${r.name}'
        location: r.name
        properties: { subnets: [ { name: r.cfg.subnet, properties: { addressPrefix: '10.0.0.0/24' } } ] }
      }]
      resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30' = {
        name: 'ep'
        location: 'europe'
        kind: 'NetworkInjection'
        properties: { networkInjection: { virtualNetworks: map(active, (r, i) => { id: vnets[i].id, subnet: { name: map(active, x => x.cfg.subnet)[i] } }) } }
      }`);
    expect(r.design.elements.filter((e) => e.kind === 'vnet').map((e) => e.name)).toEqual(['vnet-westeurope', 'vnet-northeurope']);
    expect(rels(r, 'policySubnet')).toEqual(['policy -> vnets.0.snet-pp', 'policy -> vnets.1.snet-pp']);
  });

  it('an unknown operand leaves the result unknown instead of guessing', async () => {
    const r = await bicep(`
      param region string
      param maybe string?
      resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
        name: region == 'westeurope' ? 'a' : 'b'
        location: maybe ?? 'westeurope'
        properties: { addressSpace: { addressPrefixes: [ coalesce(maybe, '10.0.0.0/16') ] } }
      }`);
    const v = el(r, 'vnet');
    expect(v.name).toBe('vnet');
    expect(v.region).toBeUndefined();
    expect(v.addressSpaces).toBeUndefined();
  });

  it('module outputs that are lists of objects: vnet.outputs.subnets[0].id', async () => {
    const r = await bicep({
      'main.bicep': `
        module net './net.bicep' = { name: 'net', params: { name: 'vnet-x' } }
        resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30' = {
          name: 'ep'
          location: 'brazil'
          kind: 'NetworkInjection'
          properties: { networkInjection: { virtualNetworks: [ { id: net.outputs.vnetId, subnet: { name: net.outputs.subnets[0].name } } ] } }
        }
        resource pe 'Microsoft.Network/privateEndpoints@2025-05-01' = {
          name: 'pe'
          location: 'brazilsouth'
          properties: { subnet: { id: net.outputs.subnets[1].id } }
        }`,
      'net.bicep': `
        param name string
        resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
          name: name
          location: 'brazilsouth'
          properties: {
            addressSpace: { addressPrefixes: [ '10.3.0.0/16' ] }
            subnets: [
              { name: 'snet-pp', properties: { addressPrefix: '10.3.1.0/24' } }
              { name: 'snet-pe', properties: { addressPrefix: '10.3.2.0/24' } }
            ]
          }
        }
        output vnetId string = vnet.id
        output subnets array = [for (s, i) in vnet.properties.subnets: { name: s.name, id: vnet.properties.subnets[i].id }]`,
    });
    expect(rels(r, 'policySubnet')).toEqual(['policy -> net.vnet.snet-pp']);
    expect(rels(r, 'peSubnet')).toEqual(['pe -> net.vnet.snet-pe']);
  });
});
