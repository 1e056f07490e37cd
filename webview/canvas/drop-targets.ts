// Where a new element goes on the canvas: the VNet under a point or the selected one, the next free slot
// inside a VNet, and the boxes of the top-level nodes a keyboard add must not land on.
import type { Node } from 'reactflow';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import { parentOf, type Design } from '../../src/core/model/schema';
import type { Box } from '../model/placement';

export function topLevelBoxes(nodes: readonly Node[]): Box[] {
  return nodes.filter((n) => !n.parentNode).map((n) => {
    const a = n.positionAbsolute ?? n.position;
    return { x: a.x, y: a.y, width: n.width ?? DEFAULT_NODE_SIZE.width, height: n.height ?? DEFAULT_NODE_SIZE.height };
  });
}

export function vnetAt(nodes: Node[], p: { x: number; y: number }): Node | undefined {
  // Topmost (last drawn) VNet wins when frames overlap.
  return [...nodes].reverse().find((n) => {
    if (n.type !== 'vnet') return false;
    const a = n.positionAbsolute ?? n.position;
    return p.x >= a.x && p.y >= a.y && p.x <= a.x + (n.width ?? 0) && p.y <= a.y + (n.height ?? 0);
  });
}

export function selectedVnet(d: Design, selection: readonly string[], getNode: (id: string) => Node | undefined): Node | undefined {
  for (const id of selection) {
    const e = d.elements.find((x) => x.id === id);
    const vnetId = e?.kind === 'vnet' ? e.id : e ? parentOf(e) : undefined;
    const n = vnetId ? getNode(vnetId) : undefined;
    if (n) return n;
  }
  return undefined;
}

/** Below the VNet's lowest child, at the left padding. */
export function nextChildSlot(d: Design, vnetId: string): { x: number; y: number } {
  const ys = d.elements.filter((e) => parentOf(e) === vnetId).map((e) => (e.position?.y ?? 56) + DEFAULT_NODE_SIZE.height + 16);
  return { x: 20, y: Math.max(64, ...ys) };
}
