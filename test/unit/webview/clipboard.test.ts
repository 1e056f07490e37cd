// Copy/paste and duplicate: fresh ids, remapped relations, VNet children carried along, offsets.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import { copySelection, pastedBounds, pasteEdit, pasteSnippet } from '../../../webview/model/clipboard';
import { edited, loadSample, set } from '../support/designs';

describe('copy and paste', () => {
  const seed = loadSample('seed');

  it('copies a VNet with its children and the relations among the copied elements only', () => {
    const s = copySelection(seed, new Set(['vnet-weu', 'nsg-weu']));
    expect(s.elements.map((e) => e.id).sort()).toEqual(['nsg-weu', 'snet-dgw-weu', 'snet-pe-weu', 'snet-pp-weu', 'vnet-weu']);
    expect(s.relations.every((r) => ['nsg-weu', 'snet-dgw-weu', 'snet-pe-weu', 'snet-pp-weu', 'vnet-weu'].includes(r.from))).toBe(true);
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
    for (const k of kids) expect(k.position).toEqual(seed.elements.find((e) => e.id === k.id.replace(/-\d+$/, ''))!.position);
    expect(p.grow).toEqual([]);
    const r = applyEdit(seed, { op: 'addElements', elements: p.elements, relations: p.relations });
    expect(r.ok).toBe(true);
  });

  it('moves the pasted group as one to where it overlaps nothing, right of or below the original', () => {
    const s = copySelection(seed, new Set(['vnet-weu', 'nsg-weu']));
    const p = pasteSnippet(seed, s);
    const orig = (id: string) => seed.elements.find((e) => e.id === id)!.position!;
    const vnet = p.elements.find((e) => e.kind === 'vnet')!.position!;
    const nsg = p.elements.find((e) => e.kind === 'nsg')!.position!;
    const shift = { x: vnet.x - orig('vnet-weu').x, y: vnet.y - orig('vnet-weu').y };
    expect(shift.x >= 0 && shift.y >= 0 && shift.x + shift.y > 0).toBe(true);
    expect(nsg).toEqual({ x: orig('nsg-weu').x + shift.x, y: orig('nsg-weu').y + shift.y });
    // The copy's boxes keep clear of every top-level box of the design.
    const bounds = pastedBounds(seed, p)!;
    const after = { ...seed, elements: [...seed.elements, ...p.elements] };
    expect(pastedBounds(after, { elements: [], relations: [] })).toBeUndefined();
    for (const e of seed.elements.filter((x) => !('parent' in x) && x.position)) {
      const w = e.kind === 'vnet' ? e.size?.width ?? 320 : 200;
      const h = e.kind === 'vnet' ? e.size?.height ?? 160 : 76;
      const clear = bounds.x >= e.position!.x + w || e.position!.x >= bounds.x + bounds.width || bounds.y >= e.position!.y + h || e.position!.y >= bounds.y + bounds.height;
      expect(clear, `copy overlaps ${e.id}`).toBe(true);
    }
  });

  it('gives a pasted VNet the nearest free address block and shifts its subnets with it', () => {
    const vnets = seed.elements.filter((e) => e.kind === 'vnet').map((e) => (e.kind === 'vnet' ? e.addressSpaces : undefined));
    expect(vnets).toEqual([['10.10.0.0/16'], ['10.20.0.0/16']]);
    const p = pasteSnippet(seed, copySelection(seed, new Set(['vnet-weu'])));
    const vnet = p.elements.find((e) => e.kind === 'vnet')!;
    expect(vnet.kind === 'vnet' && vnet.addressSpaces).toEqual(['10.11.0.0/16']);
    const prefixes = p.elements.filter((e) => e.kind === 'subnet').map((e) => (e.kind === 'subnet' ? e.addressPrefix : ''));
    const originals = seed.elements.filter((e) => e.kind === 'subnet' && e.parent === 'vnet-weu').map((e) => (e.kind === 'subnet' ? e.addressPrefix : ''));
    expect(prefixes).toEqual(originals.map((x) => x!.replace(/^10\.10\./, '10.11.')));
    // Two VNets pasted together do not take the same block; the next paste skips the first copy's block.
    const both = pasteSnippet(seed, copySelection(seed, new Set(['vnet-weu', 'vnet-neu'])));
    const spaces = both.elements.filter((e) => e.kind === 'vnet').map((e) => (e.kind === 'vnet' ? e.addressSpaces![0] : ''));
    expect(spaces).toEqual(['10.11.0.0/16', '10.21.0.0/16']);
    const withCopy = { ...seed, elements: [...seed.elements, ...p.elements] };
    const again = pasteSnippet(withCopy, copySelection(seed, new Set(['vnet-weu'])));
    expect(again.elements.find((e) => e.kind === 'vnet')!).toMatchObject({ addressSpaces: ['10.9.0.0/16'] });
  });

  it('keeps a VNet outside private ranges where it is (nothing to pick from)', () => {
    const pub = edited(seed, set('vnet-weu', { addressSpaces: ['20.0.0.0/16'] }));
    const p = pasteSnippet(pub, copySelection(pub, new Set(['vnet-weu'])));
    expect(p.elements.find((e) => e.kind === 'vnet')).toMatchObject({ addressSpaces: ['20.0.0.0/16'] });
  });

  it('pastes a lone subnet into its VNet below the others, on a free prefix, growing the VNet to fit', () => {
    const p = pasteSnippet(seed, copySelection(seed, new Set(['snet-pp-weu'])));
    expect(p.elements).toHaveLength(1);
    const copy = p.elements[0]!;
    expect(copy).toMatchObject({ id: 'snet-pp-weu-1', parent: 'vnet-weu' });
    const siblings = seed.elements.filter((e) => e.kind === 'subnet' && e.parent === 'vnet-weu');
    const lowest = Math.max(...siblings.map((e) => e.position!.y));
    expect(copy.position!.y).toBeGreaterThan(lowest);
    expect(copy.kind === 'subnet' && siblings.every((s) => s.kind === 'subnet' && s.addressPrefix !== copy.addressPrefix)).toBe(true);
    expect(p.grow).toHaveLength(1);
    expect(p.grow[0]!.size!.height).toBeGreaterThanOrEqual(copy.position!.y + 76);
    const r = applyEdit(seed, { op: 'batch', edits: [{ op: 'addElements', elements: p.elements, relations: p.relations }, { op: 'moveElements', moves: p.grow }] });
    expect(r.ok).toBe(true);
    const twice = pasteSnippet(r.ok ? r.design : seed, copySelection(seed, new Set(['snet-pp-weu'])));
    expect(twice.elements[0]!.id).toBe('snet-pp-weu-2');
    expect(twice.elements[0]!.position!.y).toBeGreaterThan(copy.position!.y);
  });

  it('drops a copied subnet whose VNet no longer exists', () => {
    const s = copySelection(seed, new Set(['snet-pp-weu']));
    const without = { ...seed, elements: seed.elements.filter((e) => e.id !== 'vnet-weu' && !('parent' in e && e.parent === 'vnet-weu')) };
    expect(pasteSnippet(without, s).elements).toEqual([]);
  });

  it('pastes as one edit that applies, selecting the top-level copies, and says when nothing can be pasted', () => {
    const snippet = copySelection(seed, new Set(['vnet-weu']));
    const pasted = pasteEdit(seed, snippet);
    expect(pasted?.ok).toBe(true);
    if (!pasted?.ok) return;
    expect(pasted.count).toBe(snippet.elements.length);
    const after = applyEdit(seed, pasted.edit);
    expect(after.ok).toBe(true);
    expect(pasted.selection).toHaveLength(1);
    expect(after.ok && after.design.elements.find((e) => e.id === pasted.selection[0])?.kind).toBe('vnet');
    expect(pasted.bounds).toBeDefined();
    expect(pasteEdit(seed, undefined)).toBeUndefined();
    const orphans = copySelection(seed, new Set(['snet-pp-weu']));
    const withoutVnet = { ...seed, elements: seed.elements.filter((e) => e.id !== 'vnet-weu' && !('parent' in e && e.parent === 'vnet-weu')) };
    expect(pasteEdit(withoutVnet, orphans)).toEqual({ ok: false, message: 'Nothing to paste: the copied subnets\' virtual network is gone.' });
  });
});
