// Test helper: sorts the resources of an ARM fixture into the snapshot the reader would have produced,
// so the pure mapping can be tested without a server; and planted changes to that fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptySnapshot, type ArmResource, type ArmSnapshot } from '../../../src/core/azure/arm-shapes';
import type { ArmFixture } from '../../support/arm-server';

export const FIXTURE_FILE = path.join(__dirname, '../../fixtures/arm/seed-subscription.json');
export const SUB = '00000000-0000-4000-8000-000000000001';

const BY_TYPE: Record<string, keyof ArmSnapshot> = {
  'microsoft.network/virtualnetworks': 'virtualNetworks',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'virtualNetworkPeerings',
  'microsoft.network/natgateways': 'natGateways',
  'microsoft.network/networksecuritygroups': 'networkSecurityGroups',
  'microsoft.network/routetables': 'routeTables',
  'microsoft.network/virtualnetworkgateways': 'virtualNetworkGateways',
  'microsoft.network/privateendpoints': 'privateEndpoints',
  'microsoft.network/privateendpoints/privatednszonegroups': 'privateDnsZoneGroups',
  'microsoft.network/privatednszones': 'privateDnsZones',
  'microsoft.network/privatednszones/virtualnetworklinks': 'virtualNetworkLinks',
  'microsoft.powerplatform/enterprisepolicies': 'enterprisePolicies',
};

export function loadFixture(): ArmFixture {
  return JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as ArmFixture;
}

/** The snapshot of the readable groups of a fixture (rg-legacy-restricted is left out, as the 403 does). */
export function snapshotOf(fixture: ArmFixture): ArmSnapshot {
  const s = emptySnapshot();
  for (const r of fixture.resources) {
    if (r.id.toLowerCase().includes('/resourcegroups/rg-legacy-restricted/')) continue;
    const key = BY_TYPE[(r.type ?? '').toLowerCase()];
    if (key) s[key].push(r as ArmResource);
  }
  return s;
}

export function findResource(fixture: ArmFixture, idSuffix: string): ArmFixture['resources'][number] {
  const r = fixture.resources.find((x) => x.id.toLowerCase().endsWith(idSuffix.toLowerCase()));
  if (!r) throw new Error(`fixture has no resource ending in ${idSuffix}`);
  return r;
}

type Json = Record<string, unknown>;
const subnetsOf = (vnet: ArmFixture['resources'][number]) => (vnet.properties as Json).subnets as Json[];

/**
 * The seed subscription with five planted differences: a changed subnet prefix, a missing peering, an
 * extra subnet, a changed delegation and a changed peering flag.
 */
export function driftedFixture(): ArmFixture {
  const fixture = loadFixture();
  const weu = findResource(fixture, '/virtualNetworks/vnet-pp-weu');
  const neu = findResource(fixture, '/virtualNetworks/vnet-pp-neu');
  const pe = subnetsOf(weu).find((s) => s.name === 'snet-private-endpoints')!;
  (pe.properties as Json).addressPrefix = '10.10.3.0/24';
  subnetsOf(weu).push({
    name: 'snet-extra', id: `${weu.id}/subnets/snet-extra`, type: 'Microsoft.Network/virtualNetworks/subnets',
    properties: { addressPrefix: '10.10.9.0/24', delegations: [], privateEndpointNetworkPolicies: 'Disabled' },
  });
  const delegated = subnetsOf(neu).find((s) => s.name === 'snet-powerplatform')!;
  const delegation = ((delegated.properties as Json).delegations as Json[])[0]!;
  (delegation.properties as Json).serviceName = 'Microsoft.Web/serverFarms';
  fixture.resources = fixture.resources.filter((r) => !r.id.endsWith('/virtualNetworkPeerings/peer-neu-to-weu'));
  const peering = findResource(fixture, '/virtualNetworkPeerings/peer-weu-to-neu');
  (peering.properties as Json).allowForwardedTraffic = false;
  return fixture;
}
