// The edit that adds a palette item at a flow position: nested kinds go into the VNet under the point (a
// drop) or the selected one (a keyboard add), the VNet grows to frame the new child, and a keyboard add
// at the top level never lands on another element.
import type { Node } from 'reactflow';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design, Element } from '../../src/core/model/schema';
import { nextChildSlot, selectedVnet, topLevelBoxes, vnetAt } from '../canvas/drop-targets';
import { createElement, needsParent, type PaletteItem } from './element-factory';
import { freeSpot } from './placement';

export type Placement =
  | { readonly ok: true; readonly element: Element; readonly edit: DesignEdit }
  | { readonly ok: false; readonly message: string };

export interface PlaceRequest {
  readonly item: PaletteItem;
  readonly point: { readonly x: number; readonly y: number };
  readonly fromKeyboard: boolean;
  /** The canvas nodes as drawn (positions and measured sizes). */
  readonly nodes: readonly Node[];
  readonly selection: readonly string[];
}

export function placeItem(d: Design, { item, point, fromKeyboard, nodes, selection }: PlaceRequest): Placement {
  let parent: Node | undefined;
  let position = { x: point.x - DEFAULT_NODE_SIZE.width / 2, y: point.y - DEFAULT_NODE_SIZE.height / 2 };
  if (needsParent(item.kind)) {
    parent = fromKeyboard ? selectedVnet(d, selection, (id) => nodes.find((n) => n.id === id)) : vnetAt([...nodes], point);
    if (!parent) {
      return {
        ok: false,
        message: fromKeyboard
          ? `Select a virtual network first: a ${item.label.toLowerCase()} is added inside the selected VNet.`
          : `A ${item.label.toLowerCase()} must be dropped inside a virtual network.`,
      };
    }
    const abs = parent.positionAbsolute ?? parent.position;
    position = fromKeyboard ? nextChildSlot(d, parent.id) : { x: Math.max(8, position.x - abs.x), y: Math.max(56, position.y - abs.y) };
  }
  if (fromKeyboard && !parent) position = freeSpot(topLevelBoxes(nodes), position);
  const element = createElement(d, item, position, parent?.id);
  const edits: DesignEdit[] = [{ op: 'addElements', elements: [element] }];
  if (parent) {
    const vnet = d.elements.find((e) => e.id === parent.id);
    const size = vnet?.kind === 'vnet' ? vnet.size ?? { width: parent.width ?? 320, height: parent.height ?? 160 } : undefined;
    const need = { width: position.x + DEFAULT_NODE_SIZE.width + 20, height: position.y + DEFAULT_NODE_SIZE.height + 20 };
    if (vnet && size && (need.width > size.width || need.height > size.height)) {
      edits.push({ op: 'moveElements', moves: [{ id: vnet.id, position: vnet.position ?? parent.position, size: { width: Math.max(size.width, need.width), height: Math.max(size.height, need.height) } }] });
    }
  }
  return { ok: true, element, edit: edits.length === 1 ? edits[0]! : { op: 'batch', edits } };
}
