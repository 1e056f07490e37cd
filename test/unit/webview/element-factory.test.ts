// New elements from the palette: valid documents, fresh ids, next free address blocks, paired regions.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import type { Design } from '../../../src/core/model/schema';
import { createElement, needsParent, nextRegion, nextSubnetPrefix, nextVnetSpace, PALETTE_ITEMS, paletteItem } from '../../../webview/model/element-factory';
import { loadSample } from '../support/designs';

const empty: Design = { version: 1, name: 'e', elements: [], relations: [] };

describe('palette elements', () => {
  it('offers every element kind and the Azure service variants', async () => {
    const { ELEMENT_KINDS } = await import('../../../src/core/model/kinds');
    expect(new Set(PALETTE_ITEMS.map((p) => p.kind))).toEqual(new Set(ELEMENT_KINDS));
    expect(PALETTE_ITEMS.filter((p) => p.kind === 'azureService').map((p) => p.serviceType).sort())
      .toEqual(['aiSearch', 'appService', 'keyVault', 'other', 'sqlServer', 'storageAccount']);
  });

  it('creates a loadable element for every item', () => {
    let d: Design = { ...empty };
    const vnet = createElement(d, paletteItem('vnet')!, { x: 0, y: 0 });
    d = { ...d, elements: [vnet] };
    for (const item of PALETTE_ITEMS) {
      const e = createElement(d, item, { x: 10.4, y: 20.6 }, needsParent(item.kind) ? vnet.id : undefined);
      const r = applyEdit(d, { op: 'addElements', elements: [e] });
      expect(r.ok, `${item.testKey}: ${!r.ok && r.error}`).toBe(true);
      if (r.ok) d = r.design;
    }
    expect(new Set(d.elements.map((e) => e.id)).size).toBe(d.elements.length);
  });

  it('gives the second VNet the pair region and the next /16', () => {
    const seed = loadSample('seed');
    const oneVnet = { ...seed, elements: seed.elements.filter((e) => e.id !== 'vnet-neu' && !('parent' in e && e.parent === 'vnet-neu')) };
    const oneVnetDesign = { ...oneVnet, relations: oneVnet.relations.filter((r) => oneVnet.elements.some((e) => e.id === r.from) && oneVnet.elements.some((e) => e.id === r.to)) };
    expect(nextRegion(oneVnetDesign)).toBe('northeurope');
    expect(nextVnetSpace(seed)).toBe('10.30.0.0/16');
    expect(nextVnetSpace(empty)).toBe('10.10.0.0/16');
  });

  it('picks the first free /24 inside the VNet for a new subnet', () => {
    const seed = loadSample('seed');
    // 10.10.3.0/27 is the data gateway's subnet: a new /24 there would overlap it.
    expect(nextSubnetPrefix(seed, 'vnet-weu')).toBe('10.10.4.0/24');
    expect(nextSubnetPrefix(seed, 'vnet-neu')).toBe('10.20.2.0/24');
    const full = { ...seed, elements: seed.elements.map((e) => (e.id === 'vnet-neu' ? { ...e, addressSpaces: ['10.20.1.0/24'] } : e)) };
    expect(nextSubnetPrefix(full, 'vnet-neu')).toBeUndefined();
  });
});
