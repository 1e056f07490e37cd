// Design → React Flow mapping: containers before children, relative child positions, labels, badges, caching.
import { describe, expect, it } from 'vitest';
import { designToFlow, newFlowCache, relationLabel, summarizeFindings } from '../../../webview/model/flow-model';
import { edited, loadSample, set } from '../support/designs';
import type { Finding } from '../../../src/core/rules/rule';
import { DEFAULT_NODE_SIZE } from '../../../src/core/layout/layout-graph';

describe('designToFlow', () => {
  const seed = loadSample('seed');

  it('maps every element to one node and every relation to one edge', () => {
    const { nodes, edges } = designToFlow(seed, []);
    expect(nodes.map((n) => n.id).sort()).toEqual(seed.elements.map((e) => e.id).sort());
    expect(edges.map((e) => e.id).sort()).toEqual(seed.relations.map((r) => r.id).sort());
  });

  it('puts VNets first as sized containers and nests subnets with relative positions', () => {
    const { nodes } = designToFlow(seed, []);
    const firstChild = nodes.findIndex((n) => n.parentNode !== undefined);
    const lastVnet = nodes.map((n) => n.type).lastIndexOf('vnet');
    expect(lastVnet).toBeLessThan(firstChild);
    const vnet = nodes.find((n) => n.id === 'vnet-weu')!;
    expect(vnet.style).toEqual({ width: 380, height: 300 });
    const subnet = nodes.find((n) => n.id === 'snet-pp-weu')!;
    expect(subnet.parentNode).toBe('vnet-weu');
    expect(subnet.extent).toBe('parent');
    expect(subnet.position).toEqual({ x: 20, y: 50 });
    expect(subnet.data.keyProperty).toBe('10.10.1.0/24 · delegated');
  });

  it('places elements without positions on a grid and inside their VNet', () => {
    const d = { ...seed, elements: seed.elements.map(({ position: _p, ...e }) => e) } as typeof seed;
    const { nodes } = designToFlow(d, []);
    const positions = new Set(nodes.filter((n) => !n.parentNode).map((n) => `${n.position.x},${n.position.y}`));
    expect(positions.size).toBe(nodes.filter((n) => !n.parentNode).length);
    const kids = nodes.filter((n) => n.parentNode === 'vnet-weu').map((n) => n.position.y);
    expect(new Set(kids).size).toBe(kids.length);
  });

  it('summarises findings per element with count and worst severity', () => {
    const findings: Finding[] = [
      { ruleId: 'X-1', severity: 'info', message: 'a', elementId: 'kv' },
      { ruleId: 'X-2', severity: 'error', message: 'b', elementId: 'kv' },
      { ruleId: 'X-3', severity: 'warning', message: 'c', elementId: 'kv' },
      { ruleId: 'X-4', severity: 'warning', message: 'd', relationId: seed.relations[0]!.id },
    ];
    expect(summarizeFindings(findings).elements.get('kv')).toEqual({ count: 3, worst: 'error' });
    const { nodes, edges } = designToFlow(seed, findings);
    expect(nodes.find((n) => n.id === 'kv')!.data.findings).toEqual({ count: 3, worst: 'error' });
    expect(edges.find((e) => e.id === seed.relations[0]!.id)!.className).toContain('severity-warning');
  });

  it('labels peering edges with their flags', () => {
    const peering = seed.relations.find((r) => r.kind === 'peering')!;
    expect(relationLabel({ ...peering, allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: true, useRemoteGateways: undefined } as typeof peering))
      .toBe('peering · access · gw-transit');
    expect(relationLabel({ id: 'r', kind: 'policyLink', from: 'a', to: 'b' })).toBe('linked');
  });

  it('reuses node data for unchanged and moved elements, and renews it for changed ones', () => {
    const cache = newFlowCache();
    const a = designToFlow(seed, [], { cache });
    const moved = edited(seed, { op: 'moveElements', moves: [{ id: 'kv', position: { x: 999, y: 9 } }] }, set('app-api', { name: 'app-renamed' }));
    const b = designToFlow(moved, [], { cache });
    const data = (flow: typeof a, id: string) => flow.nodes.find((n) => n.id === id)!.data;
    expect(data(b, 'kv')).toBe(data(a, 'kv'));
    expect(b.nodes.find((n) => n.id === 'kv')!.position).toEqual({ x: 999, y: 9 });
    expect(data(b, 'app-api')).not.toBe(data(a, 'app-api'));
    expect(data(b, 'app-api').element.name).toBe('app-renamed');
  });

  it('gives every node a size before React Flow measures it (so only visible nodes render), and keeps measured sizes', () => {
    const { nodes } = designToFlow(seed, [], { measured: new Map([['kv', { width: 212, height: 81 }]]) });
    expect(nodes.every((n) => typeof n.width === 'number' && typeof n.height === 'number')).toBe(true);
    expect(nodes.find((n) => n.id === 'kv')).toMatchObject({ width: 212, height: 81 });
    expect(nodes.find((n) => n.id === 'env-prod')).toMatchObject({ width: DEFAULT_NODE_SIZE.width, height: DEFAULT_NODE_SIZE.height });
    // A VNet's size is its frame, whatever was measured.
    const vnet = nodes.find((n) => n.id === 'vnet-weu')!;
    expect({ width: vnet.width, height: vnet.height }).toEqual(vnet.style);
  });

  it('marks selected nodes and edges', () => {
    const { nodes, edges } = designToFlow(seed, [], { selected: new Set(['kv', seed.relations[1]!.id]) });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['kv']);
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual([seed.relations[1]!.id]);
  });
});
