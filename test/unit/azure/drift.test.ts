// Drift between a design and the live topology: none for the deployed seed, exactly the planted
// differences otherwise, and matching by Azure names rather than design ids.
import { describe, expect, it } from 'vitest';
import { compareDesigns } from '../../../src/core/azure/drift';
import { mapArmToDesign } from '../../../src/core/azure/map-arm-design';
import { loadSample } from '../support/designs';
import { driftedFixture, loadFixture, snapshotOf } from './arm-snapshot';

describe('compareDesigns', () => {
  const seed = loadSample('seed');

  it('finds no drift between the seed and its deployment', () => {
    const live = mapArmToDesign(snapshotOf(loadFixture()), { name: 'live' }).design;
    expect(compareDesigns(seed, live)).toEqual([]);
  });

  it('calls a designed firewall that is not deployed missing, now that the import reads firewalls', () => {
    const hub = loadSample('hub-firewall');
    const live = { ...hub, elements: hub.elements.filter((e) => e.kind !== 'firewall'), relations: hub.relations.filter((r) => r.kind !== 'firewallSubnet') };
    const firewalls = hub.elements.filter((e) => e.kind === 'firewall').map((e) => e.id).sort();
    expect(firewalls.length).toBeGreaterThan(0);
    expect(compareDesigns(hub, live).filter((d) => d.kind === 'missing').map((d) => d.elementId)).toEqual(firewalls);
  });

  it('reports the planted prefix, peering, subnet, delegation and flag differences', () => {
    const live = mapArmToDesign(snapshotOf(driftedFixture()), { name: 'live' }).design;
    const drift = compareDesigns(seed, live).map(({ message: _m, ...rest }) => rest);
    expect(drift).toEqual([
      { kind: 'missing', relationId: 'peer-neu-weu' },
      { kind: 'changed', relationId: 'peer-weu-neu', property: 'allowForwardedTraffic', expected: true, actual: false },
      { kind: 'changed', elementId: 'snet-pe-weu', property: 'addressPrefix', expected: '10.10.2.0/24', actual: '10.10.3.0/24' },
      { kind: 'changed', elementId: 'snet-pp-neu', property: 'delegations', expected: ['Microsoft.PowerPlatform/enterprisePolicies'], actual: ['Microsoft.Web/serverFarms'] },
      { kind: 'extra', elementId: 'snet-extra', anchorElementId: 'vnet-weu' },
    ]);
  });

  it('says what differs in words', () => {
    const live = mapArmToDesign(snapshotOf(driftedFixture()), { name: 'live' }).design;
    const messages = compareDesigns(seed, live).map((d) => d.message);
    expect(messages).toContain('subnet snet-private-endpoints: addressPrefix is "10.10.3.0/24" in Azure, the design says "10.10.2.0/24".');
    expect(messages).toContain('peering vnet-pp-neu → vnet-pp-weu is in the design but not deployed.');
    expect(messages).toContain('subnet snet-extra in vnet-pp-weu is deployed but not in the design.');
  });

  it('reports a design element that is not deployed, without repeating its relations', () => {
    const live = mapArmToDesign(snapshotOf(loadFixture()), { name: 'live' }).design;
    const withoutNat = { ...live, elements: live.elements.filter((e) => e.name !== 'ng-pp-neu'), relations: live.relations.filter((r) => r.from !== 'ng-pp-neu') };
    expect(compareDesigns(seed, withoutNat).map((d) => [d.kind, d.elementId ?? d.relationId])).toEqual([['missing', 'nat-neu']]);
  });
});
