// Copy/paste and duplicate: fresh ids, remapped relations, VNet children carried along, offsets.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import { copySelection, pasteSnippet } from '../../../webview/model/clipboard';
import { loadSample } from '../support/designs';

describe('copy and paste', () => {
  const seed = loadSample('seed');

  it('copies a VNet with its children and the relations among the copied elements only', () => {
    const s = copySelection(seed, new Set(['vnet-weu', 'nsg-weu']));
    expect(s.elements.map((e) => e.id).sort()).toEqual(['nsg-weu', 'snet-pe-weu', 'snet-pp-weu', 'vnet-weu']);
    expect(s.relations.every((r) => ['nsg-weu', 'snet-pe-weu', 'snet-pp-weu', 'vnet-weu'].includes(r.from))).toBe(true);
    expect(s.relations.some((r) => r.kind === 'nsgAssociation' && r.from === 'nsg-weu')).toBe(true);
    expect(s.relations.some((r) => r.kind === 'policySubnet')).toBe(false);
  });

  it('pastes under fresh ids with relations remapped, and the result applies as one edit', () => {
    const s = copySelection(seed, new Set(['vnet-weu', 'nsg-weu']));
    const p = pasteSnippet(seed, s);
    const used = new Set([...seed.elements.map((e) => e.id), ...seed.relations.map((r) => r.id)]);
    for (const x of [...p.elements, ...p.relations]) expect(used.has(x.id)).toBe(false);
    expect(new Set(p.elements.map((e) => e.id)).size).toBe(p.elements.length);
    const newVnet = p.elements.find((e) => e.kind === 'vnet')!;
    const kids = p.elements.filter((e) => 'parent' in e);
    expect(kids.every((k) => 'parent' in k && k.parent === newVnet.id)).toBe(true);
    const ids = new Set(p.elements.map((e) => e.id));
    expect(p.relations.every((r) => ids.has(r.from) && ids.has(r.to))).toBe(true);
    expect(newVnet.position).toEqual({ x: seed.elements.find((e) => e.id === 'vnet-weu')!.position!.x + 40, y: seed.elements.find((e) => e.id === 'vnet-weu')!.position!.y + 40 });
    for (const k of kids) expect(k.position).toEqual(seed.elements.find((e) => e.id === k.id.replace(/-\d+$/, ''))!.position);
    const r = applyEdit(seed, { op: 'addElements', elements: p.elements, relations: p.relations });
    expect(r.ok).toBe(true);
  });

  it('keeps a lone subnet in its original VNet, offset, and numbers copies from the original id', () => {
    const p = pasteSnippet(seed, copySelection(seed, new Set(['snet-pp-weu'])));
    expect(p.elements).toHaveLength(1);
    expect(p.elements[0]).toMatchObject({ id: 'snet-pp-weu-1', parent: 'vnet-weu', position: { x: 60, y: 90 } });
    const twice = pasteSnippet({ ...seed, elements: [...seed.elements, ...p.elements] }, copySelection(seed, new Set(['snet-pp-weu'])));
    expect(twice.elements[0]!.id).toBe('snet-pp-weu-2');
  });

  it('drops a copied subnet whose VNet no longer exists', () => {
    const s = copySelection(seed, new Set(['snet-pp-weu']));
    const without = { ...seed, elements: seed.elements.filter((e) => e.id !== 'vnet-weu' && !('parent' in e && e.parent === 'vnet-weu')) };
    expect(pasteSnippet(without, s).elements).toEqual([]);
  });
});
