// Copy/paste and duplicate: a snippet of elements plus the relations among them, pasted under fresh ids
// with offset positions. Children follow their VNet; a child pasted without its VNet keeps the old parent.
import { freshId } from '../../src/core/model/design-edits';
import { parentOf, type Design, type Element, type Relation } from '../../src/core/model/schema';

export interface Snippet {
  readonly elements: readonly Element[];
  readonly relations: readonly Relation[];
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

const PASTE_OFFSET = 40;

/** The snippet under new ids, ready for one addElements edit; top-level elements shift by `offset` per paste. */
export function pasteSnippet(design: Design, snippet: Snippet, offset = PASTE_OFFSET): Snippet {
  const present = new Set(design.elements.map((e) => e.id));
  const taken = new Set<string>();
  const remap = new Map<string, string>();
  for (const e of snippet.elements) {
    const id = freshId(design, stem(e.id), taken);
    taken.add(id);
    remap.set(e.id, id);
  }
  const elements = snippet.elements.flatMap((e): Element[] => {
    const p = parentOf(e);
    const newParent = p === undefined ? undefined : remap.get(p) ?? (present.has(p) ? p : undefined);
    if (p !== undefined && newParent === undefined) return [];
    const copy: Record<string, unknown> = { ...structuredClone(e), id: remap.get(e.id)!, name: copyName(e, remap.get(e.id)!) };
    if (newParent !== undefined) copy.parent = newParent;
    // Children of a copied VNet keep their place inside it; everything else moves so the copy is visible.
    const movesWithParent = p !== undefined && remap.has(p);
    if (e.position && !movesWithParent) copy.position = { x: e.position.x + offset, y: e.position.y + offset };
    return [copy as Element];
  });
  const relations = snippet.relations.map((r) => {
    const id = freshId(design, stem(r.id), taken);
    taken.add(id);
    return { ...structuredClone(r), id, from: remap.get(r.from) ?? r.from, to: remap.get(r.to) ?? r.to } as Relation;
  });
  return { elements, relations };
}

/** A copy named after its id keeps following its id; other names get a "-copy" suffix (Azure names are ≤ 80 characters). */
function copyName(e: Element, newId: string): string {
  return e.name === e.id ? newId : `${e.name.slice(0, 75)}-copy`;
}

/** `vnet-weu-2` → `vnet-weu`, so copies are numbered from the original's name rather than nesting suffixes. */
function stem(id: string): string {
  return id.replace(/-\d+$/, '') || id;
}
