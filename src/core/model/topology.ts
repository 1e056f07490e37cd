// An indexed, read-only view of a design for rules and exporters: elements by id and kind, children of
// each VNet, relations by kind and endpoint. Built once per validation in O(n). It also records which
// element and relation kinds a reader looked at, so incremental validation knows which rules an edit affects.
import { PARENT_KINDS, type ElementKind, type RelationKind } from './kinds';
import { parentOf, type Design, type Element, type ElementOf, type Relation, type RelationOf } from './schema';

/** What a reader of a Topology looked at: element and relation kinds, or (`all`) the whole design. */
export interface Reads {
  readonly elements: Set<ElementKind>;
  readonly relations: Set<RelationKind>;
  all: boolean;
}

export function noReads(): Reads {
  return { elements: new Set(), relations: new Set(), all: false };
}

function addReads(into: Reads, from: Reads): void {
  if (from.all) into.all = true;
  for (const k of from.elements) into.elements.add(k);
  for (const k of from.relations) into.relations.add(k);
}

const CHILD_KINDS = Object.keys(PARENT_KINDS) as ElementKind[];

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
  /** The reads of the reader being tracked (see `track`), if any. */
  private reads: Reads | undefined;
  private readonly derived = new Map<object, Map<string, { readonly value: unknown; readonly reads: Reads }>>();

  constructor(private readonly source: Design) {
    const design = source;
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

  /** The whole design; a tracked reader that asks for it depends on everything. */
  get design(): Design {
    if (this.reads) this.reads.all = true;
    return this.source;
  }

  /** Runs `fn`, adding what it reads (through this topology and the facts it derives) to `reads`. */
  track<T>(reads: Reads, fn: () => T): T {
    const outer = this.reads;
    this.reads = reads;
    try {
      return fn();
    } finally {
      this.reads = outer;
      if (outer) addReads(outer, reads);
    }
  }

  /**
   * A fact derived from this topology, computed once per (`owner`, `key`) however many readers ask; what
   * computing it read is counted as read by every reader that asks. Results must be treated as read-only.
   */
  derive<T>(owner: object, key: string, compute: () => T): T {
    let byKey = this.derived.get(owner);
    if (!byKey) this.derived.set(owner, (byKey = new Map()));
    let hit = byKey.get(key);
    if (hit) {
      if (this.reads) addReads(this.reads, hit.reads);
    } else {
      const reads = noReads();
      byKey.set(key, (hit = { value: this.track(reads, compute), reads }));
    }
    return hit.value as T;
  }

  get<K extends ElementKind>(id: string, kind?: K): ElementOf<K> | undefined {
    const e = this.byId.get(id);
    const reads = this.reads;
    if (reads) {
      // Asking for an id of one kind depends on that kind only: the id turning up, or changing to or from
      // that kind, is a change of that kind. Asking for any kind depends on what is there, or on everything.
      if (kind !== undefined) reads.elements.add(kind);
      else if (e) reads.elements.add(e.kind);
      else reads.all = true;
    }
    if (!e || (kind !== undefined && e.kind !== kind)) return undefined;
    return e as ElementOf<K>;
  }

  all<K extends ElementKind>(kind: K): readonly ElementOf<K>[] {
    this.reads?.elements.add(kind);
    return (this.byKind.get(kind) ?? []) as ElementOf<K>[];
  }

  children<K extends ElementKind>(parentId: string, kind?: K): readonly ElementOf<K>[] {
    const reads = this.reads;
    if (reads) for (const k of kind === undefined ? CHILD_KINDS : [kind]) reads.elements.add(k);
    const list = this.childrenOf.get(parentId) ?? [];
    return (kind === undefined ? list : list.filter((e) => e.kind === kind)) as ElementOf<K>[];
  }

  relations<K extends RelationKind>(kind: K): readonly RelationOf<K>[] {
    this.reads?.relations.add(kind);
    return (this.relByKind.get(kind) ?? []) as RelationOf<K>[];
  }

  outgoing<K extends RelationKind>(fromId: string, kind: K): readonly RelationOf<K>[] {
    this.reads?.relations.add(kind);
    return (this.relFrom.get(kind)?.get(fromId) ?? NONE) as RelationOf<K>[];
  }

  incoming<K extends RelationKind>(toId: string, kind: K): readonly RelationOf<K>[] {
    this.reads?.relations.add(kind);
    return (this.relTo.get(kind)?.get(toId) ?? NONE) as RelationOf<K>[];
  }

  /** The `kind` relation from `fromId` to `toId`, if any (the loader refuses duplicates). */
  between<K extends RelationKind>(kind: K, fromId: string, toId: string): RelationOf<K> | undefined {
    this.reads?.relations.add(kind);
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
    const child = this.get(childId);
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
