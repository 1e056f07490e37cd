// Palette placement as an edit: a drop into the VNet under the point (growing it to frame the child), a
// keyboard add into the selected VNet, a refusal that says where a subnet must go, and a keyboard add at
// the top level that does not land on another element.
import type { Node } from 'reactflow';
import { describe, expect, it } from 'vitest';
import { applyEdit, type DesignEdit } from '../../../src/core/model/design-edits';
import { DEFAULT_NODE_SIZE } from '../../../src/core/layout/layout-graph';
import { paletteItem } from '../../../webview/model/element-factory';
import { placeItem } from '../../../webview/model/place-item';
import { loadSample } from '../support/designs';

const seed = loadSample('seed');
/** The canvas nodes of the seed's top-level elements as React Flow draws them (absolute positions, sizes). */
const nodes: Node[] = seed.elements.filter((e) => !('parent' in e && e.parent)).map((e) => ({
  id: e.id, type: e.kind === 'vnet' ? 'vnet' : 'element', data: {}, position: e.position!,
  width: e.kind === 'vnet' ? e.size?.width : DEFAULT_NODE_SIZE.width, height: e.kind === 'vnet' ? e.size?.height : DEFAULT_NODE_SIZE.height,
}));
const subnet = paletteItem('subnet')!;

describe('placeItem', () => {
  it('drops a subnet into the VNet under the point, growing the VNet so the child fits its frame', () => {
    // vnet-weu is at (620, 0), 380 × 300: a drop near its bottom edge needs a taller frame.
    const placed = placeItem(seed, { item: subnet, point: { x: 800, y: 290 }, fromKeyboard: false, nodes, selection: [] });
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    expect(placed.element).toMatchObject({ kind: 'subnet', parent: 'vnet-weu' });
    const batch = placed.edit as Extract<DesignEdit, { op: 'batch' }>;
    expect(batch.edits.map((e) => e.op)).toEqual(['addElements', 'moveElements']);
    const grown = (batch.edits[1] as Extract<DesignEdit, { op: 'moveElements' }>).moves[0]!;
    expect(grown).toMatchObject({ id: 'vnet-weu', position: { x: 620, y: 0 } });
    expect(grown.size!.height).toBeGreaterThan(300);
    expect(applyEdit(seed, placed.edit).ok).toBe(true);
  });

  it('adds a subnet by keyboard into the VNet of the selected element, below its children', () => {
    const placed = placeItem(seed, { item: subnet, point: { x: 0, y: 0 }, fromKeyboard: true, nodes, selection: ['snet-pp-weu'] });
    expect(placed.ok && placed.element).toMatchObject({ parent: 'vnet-weu' });
    const lowest = Math.max(...seed.elements.filter((e) => 'parent' in e && e.parent === 'vnet-weu').map((e) => e.position!.y));
    expect(placed.ok && placed.element.position!.y).toBeGreaterThan(lowest);
  });

  it('refuses a subnet outside any VNet, saying where it goes', () => {
    expect(placeItem(seed, { item: subnet, point: { x: -5000, y: -5000 }, fromKeyboard: false, nodes, selection: [] }))
      .toEqual({ ok: false, message: 'A subnet must be dropped inside a virtual network.' });
    expect(placeItem(seed, { item: subnet, point: { x: 0, y: 0 }, fromKeyboard: true, nodes, selection: [] }))
      .toEqual({ ok: false, message: 'Select a virtual network first: a subnet is added inside the selected VNet.' });
  });

  it('moves a keyboard add at the top level off the element already there', () => {
    const vnet = nodes.find((n) => n.id === 'vnet-weu')!;
    const centre = { x: vnet.position.x + 100, y: vnet.position.y + 100 };
    const placed = placeItem(seed, { item: paletteItem('nsg')!, point: centre, fromKeyboard: true, nodes, selection: [] });
    expect(placed.ok).toBe(true);
    const p = placed.ok ? placed.element.position! : { x: 0, y: 0 };
    const inside = p.x < vnet.position.x + vnet.width! && vnet.position.x < p.x + DEFAULT_NODE_SIZE.width
      && p.y < vnet.position.y + vnet.height! && vnet.position.y < p.y + DEFAULT_NODE_SIZE.height;
    expect(inside).toBe(false);
    expect(placed.ok && placed.edit.op).toBe('addElements');
  });
});
