// What an edit changed, as the element and relation kinds it touched: an incremental validation re-runs
// only the rules that read one of them. Items are matched by id; an item counts as unchanged when it is the
// same object (an edit shares what it did not touch) or equal as JSON (a design read again from text).
import { PARENT_KINDS, type ElementKind, type RelationKind } from './kinds';
import { sameJson } from './same-json';
import type { Design } from './schema';
import { noReads, type Reads } from './topology';

/** The kinds of the elements and relations that differ between `before` and `after` (`all` for the head). */
export function designChanges(before: Design, after: Design): Reads {
  const changes = noReads();
  if (before === after) return changes;
  if (before.name !== after.name || before.description !== after.description || before.version !== after.version || before.$schema !== after.$schema) {
    changes.all = true;
    return changes;
  }
  // Children of one parent are listed across their kinds (Topology.children without a kind), so their
  // order is one sequence; every other kind's order is its own.
  const orderGroup = (k: ElementKind): string => (k in PARENT_KINDS ? '#child' : k);
  const childKinds = Object.keys(PARENT_KINDS) as ElementKind[];
  const changedElement = (k: ElementKind) => {
    if (k in PARENT_KINDS) for (const c of childKinds) changes.elements.add(c);
    else changes.elements.add(k);
  };
  compareLists(before.elements, after.elements, (e) => orderGroup(e.kind), (e) => changedElement(e.kind));
  compareLists<{ id: string; kind: RelationKind }>(before.relations, after.relations, (r) => r.kind, (r) => changes.relations.add(r.kind));
  return changes;
}

/**
 * Calls `changed` for every item added, removed, altered, or moved within its order group (rules see the
 * items of a kind in document order), once for its old and once for its new form.
 */
function compareLists<T extends { readonly id: string }>(before: readonly T[], after: readonly T[], group: (item: T) => string, changed: (item: T) => void): void {
  const old = new Map<string, { item: T; position: number }>();
  const counts = new Map<string, number>();
  const position = (item: T) => {
    const g = group(item);
    const n = counts.get(g) ?? 0;
    counts.set(g, n + 1);
    return n;
  };
  for (const item of before) old.set(item.id, { item, position: position(item) });
  counts.clear();
  const seen = new Set<string>();
  for (const item of after) {
    const at = position(item);
    seen.add(item.id);
    const was = old.get(item.id);
    if (was && was.position === at && (was.item === item || sameJson(was.item, item))) continue;
    changed(item);
    if (was) changed(was.item);
  }
  for (const [id, { item }] of old) if (!seen.has(id)) changed(item);
}
