// What changed between two versions of a design: elements and relations matched by id (IaC readers give
// stable ids, so a Bicep or Terraform change diffs the same way), with property-level changes as dotted
// paths and before → after values. Canvas placement is counted but kept out of the change list.
import type { Design, Element, Relation } from '../model/schema';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One property that differs, by dotted path (`rules[AllowDns].priority`); absent sides are undefined. */
export interface PropertyChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ElementChange {
  readonly change: ChangeKind;
  readonly id: string;
  /** The element as it is in the new design, or as it was in the old one when removed. */
  readonly element: Element;
  readonly properties: readonly PropertyChange[];
}

export interface RelationChange {
  readonly change: ChangeKind;
  readonly id: string;
  readonly relation: Relation;
  readonly properties: readonly PropertyChange[];
}

export interface DesignDiff {
  /** Name and description of the design itself. */
  readonly design: readonly PropertyChange[];
  readonly elements: readonly ElementChange[];
  readonly relations: readonly RelationChange[];
  /** Elements whose only difference is where they sit on the canvas (position, size). */
  readonly layoutOnly: readonly string[];
}

/** Canvas placement: a move is not a change to what gets deployed. */
const LAYOUT_KEYS = new Set(['position', 'size']);
const DESIGN_KEYS = ['name', 'description'] as const;

export function diffDesigns(before: Design, after: Design): DesignDiff {
  const design = DESIGN_KEYS.flatMap((k) => diffValues(k, before[k], after[k]));
  const elements: ElementChange[] = [];
  const layoutOnly: string[] = [];
  const oldElements = new Map(before.elements.map((e) => [e.id, e]));
  const newIds = new Set(after.elements.map((e) => e.id));
  for (const e of after.elements) {
    const old = oldElements.get(e.id);
    if (!old) {
      elements.push({ change: 'added', id: e.id, element: e, properties: [] });
      continue;
    }
    const properties = diffRecords(old, e, LAYOUT_KEYS);
    if (properties.length > 0) elements.push({ change: 'changed', id: e.id, element: e, properties });
    else if (diffRecords(old, e).length > 0) layoutOnly.push(e.id);
  }
  for (const e of before.elements) if (!newIds.has(e.id)) elements.push({ change: 'removed', id: e.id, element: e, properties: [] });

  const relations: RelationChange[] = [];
  const oldRelations = new Map(before.relations.map((r) => [r.id, r]));
  const newRelationIds = new Set(after.relations.map((r) => r.id));
  for (const r of after.relations) {
    const old = oldRelations.get(r.id);
    if (!old) relations.push({ change: 'added', id: r.id, relation: r, properties: [] });
    else {
      const properties = diffRecords(old, r);
      if (properties.length > 0) relations.push({ change: 'changed', id: r.id, relation: r, properties });
    }
  }
  for (const r of before.relations) if (!newRelationIds.has(r.id)) relations.push({ change: 'removed', id: r.id, relation: r, properties: [] });

  const order = (a: { change: ChangeKind; id: string }, b: { change: ChangeKind; id: string }) =>
    CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || a.id.localeCompare(b.id);
  return { design, elements: elements.sort(order), relations: relations.sort(order), layoutOnly: layoutOnly.sort() };
}

const CHANGE_ORDER: Readonly<Record<ChangeKind, number>> = { added: 0, removed: 1, changed: 2 };

export function isEmptyDiff(d: DesignDiff): boolean {
  return d.design.length === 0 && d.elements.length === 0 && d.relations.length === 0;
}

type Rec = Readonly<Record<string, unknown>>;

function diffRecords(before: Rec, after: Rec, skip: ReadonlySet<string> = new Set(), prefix = ''): PropertyChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.has(k));
  return keys.flatMap((k) => diffValues(prefix + k, before[k], after[k]));
}

function diffValues(path: string, before: unknown, after: unknown): PropertyChange[] {
  if (sameValue(before, after)) return [];
  if (isRecord(before) && isRecord(after)) return diffRecords(before, after, new Set(), `${path}.`);
  // NSG rules and routes are matched by name, so reordering or inserting one does not mark every later one.
  if (isNamedList(before) && isNamedList(after) && uniqueNames(before) && uniqueNames(after)) {
    const old = new Map(before.map((x) => [x.name, x]));
    const names = [...new Set([...before.map((x) => x.name), ...after.map((x) => x.name)])];
    const now = new Map(after.map((x) => [x.name, x]));
    return names.flatMap((n) => diffValues(`${path}[${n}]`, old.get(n), now.get(n)));
  }
  return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNamedList(v: unknown): v is readonly (Rec & { name: string })[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => isRecord(x) && typeof x.name === 'string');
}

function uniqueNames(list: readonly { name: string }[]): boolean {
  return new Set(list.map((x) => x.name)).size === list.length;
}
