// Core layout plumbing: the ELK graph of a design (containers, order, edges) and moves read back from a layout.
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/core/model/design-edits';
import { buildLayoutGraph, DEFAULT_NODE_SIZE, movesFromLayout, PAIR_EDGE_PREFIX, type LayoutNode } from '../../../src/core/layout/layout-graph';
import { layoutDesign } from '../../../src/node/layout/auto-layout';
import { loadSample } from '../support/designs';

describe('buildLayoutGraph', () => {
  const seed = loadSample('seed');

  it('nests subnets in their VNet and keeps every other element at the top', () => {
    const g = buildLayoutGraph(seed);
    const top = g.children!.map((c) => c.id);
    expect(top).not.toContain('snet-pp-weu');
    const weu = g.children!.find((c) => c.id === 'vnet-weu')!;
    expect(weu.children!.map((c) => c.id).sort()).toEqual(['snet-dgw-weu', 'snet-pe-weu', 'snet-pp-weu']);
    expect(weu.width).toBeUndefined();
    expect(g.layoutOptions!['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
  });

  it('orders the paired VNets of a policy primary first, next to each other', () => {
    const top = buildLayoutGraph(seed).children!.map((c) => c.id);
    const weu = top.indexOf('vnet-weu');
    expect(top.indexOf('vnet-neu')).toBe(weu + 1);
    const swapped = { ...seed, elements: [...seed.elements].reverse() };
    const top2 = buildLayoutGraph(swapped).children!.map((c) => c.id);
    expect(top2.indexOf('vnet-neu')).toBe(top2.indexOf('vnet-weu') + 1);
  });

  it('uses measured sizes when given, defaults otherwise, and leaves peering out of the layering', () => {
    const g = buildLayoutGraph(seed, (e) => (e.id === 'kv' ? { width: 321, height: 99 } : undefined));
    expect(g.children!.find((c) => c.id === 'kv')).toMatchObject({ width: 321, height: 99 });
    expect(g.children!.find((c) => c.id === 'app-api')).toMatchObject(DEFAULT_NODE_SIZE);
    const peerings = seed.relations.filter((r) => r.kind === 'peering').map((r) => r.id);
    const relationEdges = g.edges!.filter((e) => !e.id.startsWith(PAIR_EDGE_PREFIX));
    expect(relationEdges.map((e) => e.id)).not.toEqual(expect.arrayContaining(peerings.slice(0, 1)));
    expect(relationEdges.length).toBe(seed.relations.length - peerings.length);
  });

  it('joins each policy\'s primary VNet to its failover with one layout-only edge, whatever the peerings', () => {
    const pairEdges = (d: typeof seed) => buildLayoutGraph(d).edges!.filter((e) => e.id.startsWith(PAIR_EDGE_PREFIX)).map((e) => `${e.sources[0]}->${e.targets[0]}`);
    expect(pairEdges(seed)).toEqual(['vnet-weu->vnet-neu']);
    const reversed = { ...seed, elements: [...seed.elements].reverse() };
    expect(pairEdges(reversed)).toEqual(['vnet-weu->vnet-neu']);
    const unpeered = { ...seed, relations: seed.relations.filter((r) => r.kind !== 'peering') };
    expect(pairEdges(unpeered)).toEqual(['vnet-weu->vnet-neu']);
    const oneRegion = { ...seed, relations: seed.relations.filter((r) => r.id !== 'inject-neu') };
    expect(pairEdges(oneRegion)).toEqual([]);
  });
});

describe('movesFromLayout', () => {
  const seed = loadSample('seed');

  it('reads absolute top-level, relative child positions and VNet sizes, rounded', () => {
    const laidOut: LayoutNode = {
      id: 'root',
      children: [
        { id: 'env-prod', x: 10.4, y: 20.6, width: 200, height: 76 },
        { id: 'vnet-weu', x: 500, y: 40, width: 260.2, height: 300.7, children: [{ id: 'snet-pp-weu', x: 20, y: 64 }] },
        { id: 'not-in-design', x: 1, y: 1 },
      ],
    };
    expect(movesFromLayout(seed, laidOut)).toEqual([
      { id: 'env-prod', position: { x: 10, y: 21 } },
      { id: 'vnet-weu', position: { x: 500, y: 40 }, size: { width: 260, height: 301 } },
      { id: 'snet-pp-weu', position: { x: 20, y: 64 } },
    ]);
  });
});

describe('layoutDesign (elkjs in Node)', () => {
  it('places every element without overlaps at the top level and keeps children inside their VNet', async () => {
    const seed = loadSample('seed');
    const bare = { ...seed, elements: seed.elements.map(({ position: _p, ...e }) => e) } as typeof seed;
    const out = await layoutDesign(bare);
    expect(out.elements.every((e) => e.position)).toBe(true);
    expect(applyEdit(out, { op: 'batch', edits: [] }).ok).toBe(true);
    const boxes = out.elements.filter((e) => !('parent' in e)).map((e) => {
      const size = e.kind === 'vnet' ? e.size! : DEFAULT_NODE_SIZE;
      return { id: e.id, x: e.position!.x, y: e.position!.y, w: size.width, h: size.height };
    });
    for (const a of boxes) for (const b of boxes) {
      if (a.id >= b.id) continue;
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
    // Paired regions side by side: the failover VNet right of its primary, level with it.
    const weu = out.elements.find((e) => e.id === 'vnet-weu')!;
    const neu = out.elements.find((e) => e.id === 'vnet-neu')!;
    expect(weu.kind === 'vnet' && neu.kind === 'vnet').toBe(true);
    if (weu.kind === 'vnet' && neu.kind === 'vnet') {
      expect(neu.position!.x).toBeGreaterThanOrEqual(weu.position!.x + weu.size!.width);
      expect(Math.abs(neu.position!.y - weu.position!.y)).toBeLessThan(weu.size!.height / 4);
    }
    for (const e of out.elements) {
      if (!('parent' in e)) continue;
      const vnet = out.elements.find((v) => v.id === e.parent)!;
      expect(vnet.kind === 'vnet' && e.position!.x + DEFAULT_NODE_SIZE.width <= vnet.size!.width && e.position!.y + DEFAULT_NODE_SIZE.height <= vnet.size!.height).toBe(true);
    }
  });
});
