// The design diff: matching by id, property paths with before → after, CIDR-aware text, moves counted apart.
import { describe, expect, it } from 'vitest';
import { formatChange } from '../../../src/core/diff/change-values';
import { diffDesigns, isEmptyDiff } from '../../../src/core/diff/design-diff';
import type { Element } from '../../../src/core/model/schema';
import { edited, loadSample, removeRelations, set } from '../support/designs';

const newVnet: Element = { id: 'vnet-frc', kind: 'vnet', name: 'vnet-pp-frc', region: 'francecentral', addressSpaces: ['10.30.0.0/16'], position: { x: 0, y: 600 } };

describe('diffDesigns', () => {
  it('finds nothing between a design and itself', () => {
    const seed = loadSample('seed');
    expect(isEmptyDiff(diffDesigns(seed, seed))).toBe(true);
  });

  it('lists an added VNet, a changed prefix and a removed peering, and nothing else', () => {
    const seed = loadSample('seed');
    const changed = edited(seed, { op: 'addElements', elements: [newVnet] }, set('snet-pp-weu', { addressPrefix: '10.10.1.0/25' }), removeRelations('peer-neu-weu'));
    const d = diffDesigns(seed, changed);
    expect(d.elements.map((e) => [e.change, e.id])).toEqual([['added', 'vnet-frc'], ['changed', 'snet-pp-weu']]);
    expect(d.elements[1]!.properties).toEqual([{ path: 'addressPrefix', before: '10.10.1.0/24', after: '10.10.1.0/25' }]);
    expect(d.relations.map((r) => [r.change, r.id])).toEqual([['removed', 'peer-neu-weu']]);
    expect(d.relations[0]!.relation).toMatchObject({ from: 'vnet-neu', to: 'vnet-weu' });
  });

  it('counts moves and resizes without listing them as changes', () => {
    const seed = loadSample('seed');
    const moved = edited(seed, { op: 'moveElements', moves: [{ id: 'nat-weu', position: { x: 10, y: 10 } }] }, set('vnet-weu', { size: { width: 500, height: 300 } }));
    const d = diffDesigns(seed, moved);
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.layoutOnly).toEqual(['nat-weu', 'vnet-weu']);
  });

  it('matches NSG rules by name and reports the field that moved', () => {
    const seed = loadSample('seed');
    const nsg = seed.elements.find((e) => e.id === 'nsg-weu')!;
    if (nsg.kind !== 'nsg') throw new Error('nsg-weu is an NSG');
    const rules = [{ ...nsg.rules![1]!, priority: 105 }, nsg.rules![0]!];
    const d = diffDesigns(seed, edited(seed, set('nsg-weu', { rules })));
    expect(d.elements[0]!.properties).toEqual([
      { path: 'rules[AllowDnsUdpOutbound].priority', before: 110, after: 105 },
      { path: 'rules[AllowHttpsToPrivateEndpoints]', before: nsg.rules![2] },
    ]);
  });

  it('reports design name and relation property changes', () => {
    const seed = loadSample('seed');
    const d = diffDesigns(seed, edited(seed, { op: 'setDesignInfo', name: 'Renamed' }, { op: 'updateRelation', id: 'peer-weu-neu', set: { allowGatewayTransit: true } }));
    expect(d.design).toEqual([{ path: 'name', before: seed.name, after: 'Renamed' }]);
    expect(d.relations[0]).toMatchObject({ change: 'changed', id: 'peer-weu-neu', properties: [{ path: 'allowGatewayTransit', before: false, after: true }] });
  });
});

describe('formatChange', () => {
  it('says how a CIDR block changed size', () => {
    expect(formatChange({ path: 'addressPrefix', before: '10.0.1.0/24', after: '10.0.1.0/25' })).toBe('10.0.1.0/24 → 10.0.1.0/25 (256 → 128 addresses)');
    expect(formatChange({ path: 'addressPrefix', before: '10.0.1.0/24', after: '10.0.2.0/24' })).toBe('10.0.1.0/24 → 10.0.2.0/24');
  });

  it('names the entries a list gained and lost, and shows absent values', () => {
    expect(formatChange({ path: 'addressSpaces', before: ['10.10.0.0/16'], after: ['10.10.0.0/16', '10.11.0.0/16'] })).toBe('10.10.0.0/16 → 10.10.0.0/16, 10.11.0.0/16 (added 10.11.0.0/16)');
    expect(formatChange({ path: 'dnsServers', after: ['10.0.0.4'] })).toBe('(none) → 10.0.0.4');
  });
});
