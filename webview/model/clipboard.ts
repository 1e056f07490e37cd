// Copy/paste and duplicate: a snippet of elements plus the relations among them, pasted under fresh ids
// beside the original (never on top of it), with pasted VNets and lone subnets moved to free address blocks.
import { freshId, type DesignEdit, type ElementMove } from '../../src/core/model/design-edits';
import { parentOf, type Design, type Element, type Relation } from '../../src/core/model/schema';
import { DEFAULT_NODE_SIZE } from '../../src/core/layout/layout-graph';
import { formatIpv4, overlaps, tryCidr, type Cidr } from '../../src/core/net/cidr';
import { vnetSizeOf } from './flow-model';
import type { Box } from './placement';

export interface Snippet {
  readonly elements: readonly Element[];
  readonly relations: readonly Relation[];
}

/** What a paste adds, plus the existing VNets that grow so children pasted into them fit their frame. */
export interface Pasted extends Snippet {
  readonly grow: readonly ElementMove[];
}

/** The selected elements, the children of selected VNets, and every relation whose both ends are copied. */
export function copySelection(design: Design, ids: ReadonlySet<string>): Snippet {
  const picked = new Set<string>();
  for (const e of design.elements) {
    const p = parentOf(e);
    if (ids.has(e.id) || (p !== undefined && ids.has(p))) picked.add(e.id);
  }
  return {
    elements: design.elements.filter((e) => picked.has(e.id)),
    relations: design.relations.filter((r) => picked.has(r.from) && picked.has(r.to)),
  };
}

/** Space kept between the pasted group and everything already on the canvas. */
const GAP = 40;
/** Vertical gap between children stacked in a VNet (as keyboard adds stack them). */
const CHILD_GAP = 16;

/**
 * The snippet under new ids, ready for one addElements edit. Top-level elements move together to the
 * nearest spot (right of or below the original first) where they overlap nothing; a VNet's address spaces
 * and its subnets' prefixes shift together to the first block no other VNet uses, so the copy is a network
 * that could be peered with the original rather than a duplicate of it.
 */
export function pasteSnippet(design: Design, snippet: Snippet): Pasted {
  const present = new Set(design.elements.map((e) => e.id));
  const taken = new Set<string>();
  const remap = new Map<string, string>();
  for (const e of snippet.elements) {
    const id = freshId(design, stem(e.id), taken);
    taken.add(id);
    remap.set(e.id, id);
  }
  const shift = groupShift(design, snippet);
  const used = usedAddressSpace(design);
  const blockShift = new Map<string, number>();
  // Children pasted into an existing VNet stack below its lowest child, never on top of the original.
  const nextSlot = new Map<string, number>();
  const slotIn = (vnetId: string): number => {
    const y = nextSlot.get(vnetId) ?? Math.max(64, ...design.elements.filter((x) => parentOf(x) === vnetId).map((x) => (x.position?.y ?? 0) + DEFAULT_NODE_SIZE.height + CHILD_GAP));
    nextSlot.set(vnetId, y + DEFAULT_NODE_SIZE.height + CHILD_GAP);
    return y;
  };
  const elements = snippet.elements.flatMap((e): Element[] => {
    const p = parentOf(e);
    const newParent = p === undefined ? undefined : remap.get(p) ?? (present.has(p) ? p : undefined);
    if (p !== undefined && newParent === undefined) return [];
    const copy: Record<string, unknown> = { ...structuredClone(e), id: remap.get(e.id)!, name: copyName(e, remap.get(e.id)!) };
    if (newParent !== undefined) copy.parent = newParent;
    const movesWithParent = p !== undefined && remap.has(p);
    if (e.position && !movesWithParent) {
      copy.position = p === undefined
        ? { x: e.position.x + shift.x, y: e.position.y + shift.y }
        : { x: e.position.x, y: slotIn(p) };
    }
    if (e.kind === 'vnet' && e.addressSpaces?.length) {
      const delta = freeVnetShift(e.addressSpaces, used);
      if (delta !== 0) {
        copy.addressSpaces = e.addressSpaces.map((s) => shiftText(s, delta));
        blockShift.set(e.id, delta);
      }
    }
    return [copy as Element];
  });
  // Subnets follow their copied VNet's shift; a subnet pasted alone gets a free block inside its VNet.
  for (const copy of elements) {
    if (copy.kind !== 'subnet' || copy.addressPrefix === undefined) continue;
    const original = snippet.elements.find((e) => remap.get(e.id) === copy.id);
    const oldParent = original && parentOf(original);
    const delta = oldParent !== undefined ? blockShift.get(oldParent) : undefined;
    const mutable = copy as { addressPrefix?: string };
    if (delta !== undefined) mutable.addressPrefix = shiftText(copy.addressPrefix, delta);
    else if (oldParent !== undefined && !remap.has(oldParent)) {
      const free = freeSubnetBlock(design, [...elements], copy);
      if (free) mutable.addressPrefix = free;
    }
  }
  const relations = snippet.relations.map((r) => {
    const id = freshId(design, stem(r.id), taken);
    taken.add(id);
    return { ...structuredClone(r), id, from: remap.get(r.from) ?? r.from, to: remap.get(r.to) ?? r.to } as Relation;
  });
  return { elements, relations, grow: growVnets(design, elements, remap) };
}

/** Existing VNets whose frame must grow to hold children pasted into them. */
function growVnets(design: Design, pasted: readonly Element[], remap: ReadonlyMap<string, string>): ElementMove[] {
  const copies = new Set(remap.values());
  const moves: ElementMove[] = [];
  for (const vnet of design.elements) {
    if (vnet.kind !== 'vnet' || !vnet.position) continue;
    const kids = pasted.filter((e) => parentOf(e) === vnet.id && !copies.has(vnet.id) && e.position);
    if (kids.length === 0) continue;
    const size = vnetSizeOf(vnet, design.elements.filter((e) => parentOf(e) === vnet.id).length);
    const need = {
      width: Math.max(...kids.map((k) => k.position!.x + DEFAULT_NODE_SIZE.width + 20)),
      height: Math.max(...kids.map((k) => k.position!.y + DEFAULT_NODE_SIZE.height + 20)),
    };
    if (need.width > size.width || need.height > size.height) {
      moves.push({ id: vnet.id, position: vnet.position, size: { width: Math.max(size.width, need.width), height: Math.max(size.height, need.height) } });
    }
  }
  return moves;
}

/** A paste as one edit: what to add, the top-level copies to select, and the box to reveal. */
export type PasteEdit =
  | { readonly ok: true; readonly edit: DesignEdit; readonly count: number; readonly selection: string[]; readonly bounds: Box | undefined }
  | { readonly ok: false; readonly message: string };

/** The edit that pastes a snippet; undefined when there is nothing to paste. */
export function pasteEdit(design: Design, snippet: Snippet | undefined): PasteEdit | undefined {
  if (!snippet || snippet.elements.length === 0) return undefined;
  const copy = pasteSnippet(design, snippet);
  if (copy.elements.length === 0) return { ok: false, message: 'Nothing to paste: the copied subnets\' virtual network is gone.' };
  const add: DesignEdit = { op: 'addElements', elements: copy.elements, relations: copy.relations };
  return {
    ok: true,
    edit: copy.grow.length ? { op: 'batch', edits: [add, { op: 'moveElements', moves: copy.grow }] } : add,
    count: copy.elements.length,
    selection: copy.elements.filter((e) => !copy.elements.some((p) => p.id === parentOf(e))).map((e) => e.id),
    bounds: pastedBounds(design, copy),
  };
}

/** The canvas box (flow coordinates) the pasted top-level elements cover, for revealing the copy. */
export function pastedBounds(design: Design, pasted: Snippet): Box | undefined {
  return boundsOf(topLevelBoxes({ ...design, elements: [...design.elements, ...pasted.elements] }, new Set(pasted.elements.map((e) => e.id))));
}

/** One offset for every top-level copy: the nearest where the group's box keeps a gap to all others. */
function groupShift(design: Design, snippet: Snippet): { x: number; y: number } {
  const ids = new Set(snippet.elements.filter((e) => parentOf(e) === undefined).map((e) => e.id));
  const group = boundsOf(topLevelBoxes(design, ids));
  if (!group) return { x: GAP, y: GAP };
  const others = topLevelBoxes(design);
  const free = (dx: number, dy: number) => others.every((b) =>
    group.x + dx + group.width + GAP <= b.x || b.x + b.width + GAP <= group.x + dx
    || group.y + dy + group.height + GAP <= b.y || b.y + b.height + GAP <= group.y + dy);
  // Right of the original, then below it, then further out on both axes.
  const stepX = group.width + GAP;
  const stepY = group.height + GAP;
  for (let ring = 1; ring <= 50; ring++) {
    for (let k = 0; k <= ring; k++) {
      if (free(ring * stepX, k * stepY)) return { x: ring * stepX, y: k * stepY };
      if (free(k * stepX, ring * stepY)) return { x: k * stepX, y: ring * stepY };
    }
  }
  return { x: stepX, y: 0 };
}

/** Boxes of top-level elements (all, or only `only`) in flow coordinates. */
function topLevelBoxes(design: Design, only?: ReadonlySet<string>): Box[] {
  const children = new Map<string, number>();
  for (const e of design.elements) {
    const p = parentOf(e);
    if (p !== undefined) children.set(p, (children.get(p) ?? 0) + 1);
  }
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const boxes: Box[] = [];
  for (const e of design.elements) {
    if (only && !only.has(e.id)) continue;
    const p = parentOf(e);
    if (!e.position) continue;
    let origin = e.position;
    if (p !== undefined) {
      const parent = byId.get(p);
      if (!parent?.position) continue;
      // Outside of `only`, children are inside their VNet's box already.
      if (!only) continue;
      origin = { x: parent.position.x + e.position.x, y: parent.position.y + e.position.y };
    }
    const size = e.kind === 'vnet' ? vnetSizeOf(e, children.get(e.id) ?? 0) : DEFAULT_NODE_SIZE;
    boxes.push({ x: origin.x, y: origin.y, width: size.width, height: size.height });
  }
  return boxes;
}

function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** Address blocks already claimed by VNets and on-premises networks of the design. */
function usedAddressSpace(design: Design): Cidr[] {
  const used: Cidr[] = [];
  for (const e of design.elements) {
    const spaces = e.kind === 'vnet' || e.kind === 'onPremises' ? e.addressSpaces ?? [] : [];
    for (const s of spaces) {
      const c = tryCidr(s);
      if (c) used.push(c);
    }
  }
  return used;
}

/** The private ranges a shifted block must stay inside (the one its original lies in). */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((s) => tryCidr(s)!);

/**
 * The smallest shift, a multiple of the largest address space, that moves every space of the VNet onto
 * addresses nothing else uses while staying in its original private range; 0 when none exists.
 * Shifting by a multiple of the largest block keeps every block and subnet aligned. The chosen blocks
 * are added to `used`, so several VNets pasted at once do not take the same block.
 */
function freeVnetShift(spaces: readonly string[], used: Cidr[]): number {
  const blocks = spaces.map((s) => tryCidr(s));
  if (blocks.some((b) => b === undefined)) return 0;
  const cidrs = blocks as Cidr[];
  const step = Math.max(...cidrs.map((c) => c.size));
  const ranges = cidrs.map((c) => PRIVATE.find((r) => c.start >= r.start && c.end <= r.end));
  if (ranges.some((r) => r === undefined)) return 0;
  const limit = Math.min(...ranges.map((r) => r!.size / step));
  for (let k = 1; k < limit * 2; k++) {
    // Try upwards first (10.1 → 10.2), then downwards.
    const delta = (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * step;
    const moved = cidrs.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta }));
    const inRange = moved.every((m, i) => m.start >= ranges[i]!.start && m.end <= ranges[i]!.end);
    if (inRange && moved.every((m) => used.every((u) => !overlaps(m, u)))) {
      used.push(...moved);
      return delta;
    }
  }
  return 0;
}

/** A block of the subnet's size inside its VNet's address spaces that no sibling (or other copy) uses. */
function freeSubnetBlock(design: Design, pasted: readonly Element[], subnet: Element & { kind: 'subnet' }): string | undefined {
  const own = tryCidr(subnet.addressPrefix);
  const vnet = design.elements.find((e) => e.id === subnet.parent);
  if (!own || vnet?.kind !== 'vnet') return undefined;
  const siblings = [...design.elements, ...pasted]
    .filter((e): e is Element & { kind: 'subnet' } => e.kind === 'subnet' && e.parent === subnet.parent && e.id !== subnet.id)
    .map((e) => tryCidr(e.addressPrefix))
    .filter((c): c is Cidr => c !== undefined);
  for (const space of (vnet.addressSpaces ?? []).map((s) => tryCidr(s))) {
    if (!space || space.size < own.size) continue;
    for (let start = space.start; start + own.size - 1 <= space.end; start += own.size) {
      const block = { ...own, start, end: start + own.size - 1 };
      if (siblings.every((s) => !overlaps(block, s))) return `${formatIpv4(start)}/${own.prefix}`;
    }
  }
  return undefined;
}

function shiftText(text: string, delta: number): string {
  const c = tryCidr(text);
  return c ? `${formatIpv4(c.start + delta)}/${c.prefix}` : text;
}

/** A copy named after its id keeps following its id; other names get a "-copy" suffix (Azure names are ≤ 80 characters). */
function copyName(e: Element, newId: string): string {
  return e.name === e.id ? newId : `${e.name.slice(0, 75)}-copy`;
}

/** `vnet-weu-2` → `vnet-weu`, so copies are numbered from the original's name rather than nesting suffixes. */
function stem(id: string): string {
  return id.replace(/-\d+$/, '') || id;
}
