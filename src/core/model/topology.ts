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
  /** Children of each parent by kind, built on first ask: rules ask for a VNet's subnets thousands of times. */
  private readonly childrenOfKind = new Map<ElementKind, Map<string, readonly Element[]>>();
  private readonly relByKind = new Map<RelationKind, Relation[]>();
  // Keyed by kind, then endpoint: hubs with thousands of relations are still read in O(1), and a lookup
  // builds no key string (rules call these hundreds of thousands of times on a large design).
  private readonly relFrom = new Map<RelationKind, Map<string, Relation[]>>();
  private readonly relTo = new Map<RelationKind, Map<string, Relation[]>>();
  private readonly relBetween = new Map<RelationKind, Map<string, Map<string, Relation>>>();
  /** The reads of the reader being tracked (see `track`), if any. */
  private reads: Reads | undefined;
  // The kinds last added to `reads`: consecutive reads of one kind (the usual pattern) skip the Set.
  private lastElement: ElementKind | undefined;
  private lastRelation: RelationKind | undefined;
  private readonly derived = new Map<object, { readonly byKey: Map<string, Derived>; last: SharedReads | undefined }>();

  constructor(private readonly source: Design) {
    const design = source;
    for (const e of design.elements) {
      this.byId.set(e.id, e);
      push(this.byKind, e.kind, e);
      const parent = parentOf(e);
      if (parent !== undefined) push(this.childrenOf, parent, e);
    }
    // Relations of one kind usually come together: keep the last kind's maps rather than look them up again.
    let kind: RelationKind | undefined;
    let from: Map<string, Relation[]> | undefined;
    let to: Map<string, Relation[]> | undefined;
    let between: Map<string, Map<string, Relation>> | undefined;
    for (const r of design.relations) {
      if (r.kind !== kind) {
        kind = r.kind;
        from = inner(this.relFrom, kind);
        to = inner(this.relTo, kind);
        between = inner(this.relBetween, kind);
      }
      push(this.relByKind, kind, r);
      push(from!, r.from, r);
      push(to!, r.to, r);
      let pairs = between!.get(r.from);
      if (!pairs) between!.set(r.from, (pairs = new Map()));
      if (!pairs.has(r.to)) pairs.set(r.to, r);
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
    this.setReads(reads);
    try {
      return fn();
    } finally {
      this.setReads(outer);
      if (outer) addReads(outer, reads);
    }
  }

  private setReads(reads: Reads | undefined): void {
    this.reads = reads;
    this.lastElement = undefined;
    this.lastRelation = undefined;
  }

  private readElement(kind: ElementKind): void {
    if (kind === this.lastElement) return;
    this.reads!.elements.add(kind);
    this.lastElement = kind;
  }

  private readRelation(kind: RelationKind): void {
    if (!this.reads || kind === this.lastRelation) return;
    this.reads.relations.add(kind);
    this.lastRelation = kind;
  }

  /**
   * A fact derived from this topology, computed once per (`owner`, `key`) however many readers ask; what
   * computing it read is counted as read by every reader that asks. Results must be treated as read-only.
   */
  derive<T>(owner: object, key: string, compute: () => T): T {
    let facts = this.derived.get(owner);
    if (!facts) this.derived.set(owner, (facts = { byKey: new Map(), last: undefined }));
    const hit = facts.byKey.get(key);
    if (!hit) {
      const reads = noReads();
      const value = this.track(reads, compute);
      // Facts of one owner mostly read the same kinds (each policy's subnets read policySubnet, subnet,
      // vnet): they share one record, so a reader asking about every policy adds those reads once.
      const last = facts.last;
      const shared = last && sameReads(last.reads, reads) ? last : { reads, addedTo: this.reads };
      facts.last = shared;
      facts.byKey.set(key, { value, shared });
      return value;
    }
    const shared = hit.shared;
    if (this.reads && shared.addedTo !== this.reads) {
      addReads(this.reads, shared.reads);
      shared.addedTo = this.reads;
    }
    return hit.value as T;
  }

  get<K extends ElementKind>(id: string, kind?: K): ElementOf<K> | undefined {
    const e = this.byId.get(id);
    if (this.reads) {
      // Asking for an id of one kind depends on that kind only: the id turning up, or changing to or from
      // that kind, is a change of that kind. Asking for any kind depends on what is there, or on everything.
      if (kind !== undefined) this.readElement(kind);
      else if (e) this.readElement(e.kind);
      else this.reads.all = true;
    }
    if (!e || (kind !== undefined && e.kind !== kind)) return undefined;
    return e as ElementOf<K>;
  }

  all<K extends ElementKind>(kind: K): readonly ElementOf<K>[] {
    if (this.reads) this.readElement(kind);
    return (this.byKind.get(kind) ?? NONE) as ElementOf<K>[];
  }

  children<K extends ElementKind>(parentId: string, kind?: K): readonly ElementOf<K>[] {
    if (kind === undefined) {
      if (this.reads) for (const k of CHILD_KINDS) this.reads.elements.add(k);
      return (this.childrenOf.get(parentId) ?? NONE) as ElementOf<K>[];
    }
    if (this.reads) this.readElement(kind);
    let byParent = this.childrenOfKind.get(kind);
    if (!byParent) {
      byParent = new Map();
      for (const [parent, list] of this.childrenOf) {
        const of = list.filter((e) => e.kind === kind);
        if (of.length > 0) byParent.set(parent, of);
      }
      this.childrenOfKind.set(kind, byParent);
    }
    return (byParent.get(parentId) ?? NONE) as ElementOf<K>[];
  }

  relations<K extends RelationKind>(kind: K): readonly RelationOf<K>[] {
    this.readRelation(kind);
    return (this.relByKind.get(kind) ?? NONE) as RelationOf<K>[];
  }

  outgoing<K extends RelationKind>(fromId: string, kind: K): readonly RelationOf<K>[] {
    this.readRelation(kind);
    return (this.relFrom.get(kind)?.get(fromId) ?? NONE) as RelationOf<K>[];
  }

  incoming<K extends RelationKind>(toId: string, kind: K): readonly RelationOf<K>[] {
    this.readRelation(kind);
    return (this.relTo.get(kind)?.get(toId) ?? NONE) as RelationOf<K>[];
  }

  /** The `kind` relation from `fromId` to `toId`, if any (the loader refuses duplicates). */
  between<K extends RelationKind>(kind: K, fromId: string, toId: string): RelationOf<K> | undefined {
    this.readRelation(kind);
    return this.relBetween.get(kind)?.get(fromId)?.get(toId) as RelationOf<K> | undefined;
  }

  /** Elements at the other end of `kind` relations leaving `fromId`. */
  targets<K extends ElementKind>(fromId: string, relation: RelationKind, kind?: K): readonly ElementOf<K>[] {
    return this.endsOf(fromId, relation, kind, true);
  }

  /** Elements at the other end of `kind` relations arriving at `toId`. */
  sources<K extends ElementKind>(toId: string, relation: RelationKind, kind?: K): readonly ElementOf<K>[] {
    return this.endsOf(toId, relation, kind, false);
  }

  private endsOf<K extends ElementKind>(id: string, relation: RelationKind, kind: K | undefined, outgoing: boolean): readonly ElementOf<K>[] {
    const list = outgoing ? this.outgoing(id, relation) : this.incoming(id, relation);
    if (list.length === 0) return NONE;
    if (kind === undefined) {
      // Without a kind each end's own kind is read (or everything, for a missing end): no shortcut.
      const out: Element[] = [];
      for (const r of list) {
        const e = this.get(outgoing ? r.to : r.from);
        if (e) out.push(e);
      }
      return out as ElementOf<K>[];
    }
    if (this.reads) this.readElement(kind);
    // Most answers are asked for once: a plain loop, no index (a per-query cache cost more than it saved).
    let out: Element[] | undefined;
    for (const r of list) {
      const e = this.byId.get(outgoing ? r.to : r.from);
      if (e && e.kind === kind) (out ??= []).push(e);
    }
    return (out ?? NONE) as ElementOf<K>[];
  }

  /** The VNet that contains a subnet or gateway. */
  vnetOf(childId: string): ElementOf<'vnet'> | undefined {
    const child = this.get(childId);
    const parent = child && parentOf(child);
    return parent === undefined ? undefined : this.get(parent, 'vnet');
  }
}

interface Derived {
  readonly value: unknown;
  readonly shared: SharedReads;
}

/** What computing a derived fact read, shared by the facts of an owner that read the same. */
interface SharedReads {
  readonly reads: Reads;
  /** The reader these reads were last added to, so a reader asking again skips adding them. */
  addedTo: Reads | undefined;
}

function sameReads(a: Reads, b: Reads): boolean {
  if (a.all !== b.all || a.elements.size !== b.elements.size || a.relations.size !== b.relations.size) return false;
  for (const k of b.elements) if (!a.elements.has(k)) return false;
  for (const k of b.relations) if (!a.relations.has(k)) return false;
  return true;
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
