// An indexed, read-only view of a design for rules and exporters: elements by id and kind, children of
// each VNet, relations by kind and endpoint. Built once per validation in O(n).
import type { ElementKind, RelationKind } from './kinds';
import { parentOf, type Design, type Element, type ElementOf, type Relation, type RelationOf } from './schema';

export class Topology {
  private readonly byId = new Map<string, Element>();
  private readonly byKind = new Map<ElementKind, Element[]>();
  private readonly childrenOf = new Map<string, Element[]>();
  private readonly relByKind = new Map<RelationKind, Relation[]>();
  // Keyed by kind, then endpoint: hubs with thousands of relations are still read in O(1), and a lookup
  // builds no key string (rules call these hundreds of thousands of times on a large design).
  private readonly relFrom = new Map<RelationKind, Map<string, Relation[]>>();
  private readonly relTo = new Map<RelationKind, Map<string, Relation[]>>();
  private readonly relBetween = new Map<RelationKind, Map<string, Map<string, Relation>>>();

  constructor(readonly design: Design) {
    for (const e of design.elements) {
      this.byId.set(e.id, e);
      push(this.byKind, e.kind, e);
      const parent = parentOf(e);
      if (parent !== undefined) push(this.childrenOf, parent, e);
    }
    for (const r of design.relations) {
      push(this.relByKind, r.kind, r);
      push(inner(this.relFrom, r.kind), r.from, r);
      push(inner(this.relTo, r.kind), r.to, r);
      const to = inner(inner(this.relBetween, r.kind), r.from);
      if (!to.has(r.to)) to.set(r.to, r);
    }
  }

  get<K extends ElementKind>(id: string, kind?: K): ElementOf<K> | undefined {
    const e = this.byId.get(id);
    if (!e || (kind !== undefined && e.kind !== kind)) return undefined;
    return e as ElementOf<K>;
  }

  all<K extends ElementKind>(kind: K): readonly ElementOf<K>[] {
    return (this.byKind.get(kind) ?? []) as ElementOf<K>[];
  }

  children<K extends ElementKind>(parentId: string, kind?: K): readonly ElementOf<K>[] {
    const list = this.childrenOf.get(parentId) ?? [];
    return (kind === undefined ? list : list.filter((e) => e.kind === kind)) as ElementOf<K>[];
  }

  relations<K extends RelationKind>(kind: K): readonly RelationOf<K>[] {
    return (this.relByKind.get(kind) ?? []) as RelationOf<K>[];
  }

  outgoing<K extends RelationKind>(fromId: string, kind: K): readonly RelationOf<K>[] {
    return (this.relFrom.get(kind)?.get(fromId) ?? NONE) as RelationOf<K>[];
  }

  incoming<K extends RelationKind>(toId: string, kind: K): readonly RelationOf<K>[] {
    return (this.relTo.get(kind)?.get(toId) ?? NONE) as RelationOf<K>[];
  }

  /** The `kind` relation from `fromId` to `toId`, if any (the loader refuses duplicates). */
  between<K extends RelationKind>(kind: K, fromId: string, toId: string): RelationOf<K> | undefined {
    return this.relBetween.get(kind)?.get(fromId)?.get(toId) as RelationOf<K> | undefined;
  }

  /** Elements at the other end of `kind` relations leaving `fromId`. */
  targets<K extends ElementKind>(fromId: string, relation: RelationKind, kind?: K): ElementOf<K>[] {
    return this.outgoing(fromId, relation).map((r) => this.get(r.to, kind)).filter((e): e is ElementOf<K> => e !== undefined);
  }

  /** Elements at the other end of `kind` relations arriving at `toId`. */
  sources<K extends ElementKind>(toId: string, relation: RelationKind, kind?: K): ElementOf<K>[] {
    return this.incoming(toId, relation).map((r) => this.get(r.from, kind)).filter((e): e is ElementOf<K> => e !== undefined);
  }

  /** The VNet that contains a subnet or gateway. */
  vnetOf(childId: string): ElementOf<'vnet'> | undefined {
    const child = this.byId.get(childId);
    const parent = child && parentOf(child);
    return parent === undefined ? undefined : this.get(parent, 'vnet');
  }
}

const NONE: readonly never[] = Object.freeze([]);

function inner<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  return m;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
