// The ARM fixture subscription (the deployed seed design plus a restricted group), bundled as JSON so the
// same data serves vitest and the extension-host suites, and the drifted variant with planted differences.
import seed from '../fixtures/arm/seed-subscription.json';
import type { ArmFixture } from './arm-server';

export const FIXTURE_SUBSCRIPTION = '00000000-0000-4000-8000-000000000001';
export const RESTRICTED_GROUP = 'rg-legacy-restricted';

/** A fresh deep copy of the seed subscription fixture. */
export function seedFixture(): ArmFixture {
  return structuredClone(seed) as unknown as ArmFixture;
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
  const fixture = seedFixture();
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
