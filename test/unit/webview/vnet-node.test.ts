// @vitest-environment jsdom
// The VNet frame's resize limit: never smaller than the box its children need, never below the minimum.
import { describe, expect, it } from 'vitest';
import type { Node, ReactFlowState } from 'reactflow';
// For its matchMedia, which the toolkit (imported through the node's badge) reads at import.
import '../support/webview-jsdom';

const { childExtent } = await import('../../../webview/canvas/VnetNode');

function state(nodes: Partial<Node>[]): Pick<ReactFlowState, 'nodeInternals'> {
  return { nodeInternals: new Map(nodes.map((n) => [n.id!, n as Node])) };
}

describe('VNet resize limit', () => {
  it('keeps every child inside the frame with a margin', () => {
    const s = state([
      { id: 'v', position: { x: 0, y: 0 }, width: 500, height: 400 },
      { id: 'a', parentNode: 'v', position: { x: 20, y: 60 }, width: 200, height: 64 },
      { id: 'b', parentNode: 'v', position: { x: 260, y: 160 }, width: 200, height: 64.4 },
      { id: 'other', parentNode: 'w', position: { x: 900, y: 900 }, width: 200, height: 64 },
    ]);
    expect(childExtent(s, 'v')).toBe('472,237');
  });

  it('an empty VNet keeps the minimum size', () => {
    expect(childExtent(state([{ id: 'v', position: { x: 0, y: 0 } }]), 'v')).toBe('220,120');
  });
});
