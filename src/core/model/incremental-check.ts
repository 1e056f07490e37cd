// Checks a design produced by an edit of a design already known to be valid, at the cost of what the edit
// changed: only new or changed elements and relations meet their zod schemas, and only the references they
// make (or that point at removed elements) are resolved. No index of the whole design is built: a lookup
// scans the arrays until an edit touches more than a few items. The webview uses it for its optimistic
// edits; the host keeps the full check (`designSchema` + `checkIntegrity`) as the authority.
import { PARENT_KINDS, RELATION_SPECS } from './kinds';
import { designSchema, elementSchema, parentOf, relationSchema, type Design, type Element, type Relation } from './schema';

// The top-level fields only: elements and relations are checked one by one below.
const designHead = designSchema.omit({ elements: true, relations: true });

/** Above this many changed items, lookups go through maps built once instead of scans. */
const SCAN_LIMIT = 4;

/**
 * Is `after` (made from the valid `before` by an edit) a valid design? Returns the first problem found, or
 * undefined. `before` must satisfy the full check; objects `after` shares with it are trusted as they are.
 */
export function checkEditedDesign(before: Design, after: Design): string | undefined {
  if (after.name !== before.name || after.description !== before.description || after.version !== before.version || after.$schema !== before.$schema) {
    const { elements: _e, relations: _r, ...head } = after;
    const parsed = designHead.safeParse(head);
    if (!parsed.success) return zodProblem(parsed.error.issues[0], []);
  }
  const els = diff(before.elements, after.elements);
  const rels = diff(before.relations, after.relations);

  // Schemas first, so nothing below reads a malformed object.
  for (const { item, index } of els.touched) {
    const problem = shapeProblem(elementSchema, item, ['elements', index]);
    if (problem) return problem;
  }
  for (const { item, index } of rels.touched) {
    const problem = shapeProblem(relationSchema, item, ['relations', index]);
    if (problem) return problem;
  }

  // Elements removed, or replaced by one of another kind: anything still pointing at them is wrong.
  const added = (t: { was?: unknown }) => t.was === undefined;
  const questions = els.touched.filter(added).length + rels.touched.filter(added).length + els.removed.length
    + els.touched.filter((t) => t.was && parentOf(t.was) !== parentOf(t.item)).length
    + rels.touched.filter((t) => t.was && !sameEnds(t.was, t.item)).length;
  const find = lookups(after, questions);
  const gone = new Set<string>();
  for (const t of els.touched) if (t.was && t.was.kind !== t.item.kind) gone.add(t.was.id);
  for (const e of els.removed) if (find.kindOf(e.id) !== e.kind) gone.add(e.id);

  // Ids were unique before, and a changed copy keeps its id: only new items can clash.
  for (const { item } of els.touched.filter(added)) {
    if (find.idCount(item.id) > 1) return `Duplicate id "${item.id}"; ids must be unique.`;
  }
  for (const { item } of rels.touched.filter(added)) {
    if (find.idCount(item.id) > 1) return `Duplicate id "${item.id}"; ids must be unique across elements and relations.`;
  }
  // References: those a new item makes, those a change altered, and those into what is gone.
  for (const { item, was } of els.touched) {
    const parent = parentOf(item);
    if (was && parentOf(was) === parent && (parent === undefined || !gone.has(parent))) continue;
    const problem = parentProblem(item, find.kindOf);
    if (problem) return problem;
  }
  for (const { item, was } of rels.touched) {
    if (was && sameEnds(was, item) && !gone.has(item.from) && !gone.has(item.to)) continue;
    const problem = relationProblem(item, find);
    if (problem) return problem;
  }
  if (gone.size > 0) {
    const touchedElements = new Set<Element>(els.touched.map((t) => t.item));
    const touchedRelations = new Set<Relation>(rels.touched.map((t) => t.item));
    for (const e of after.elements) {
      const p = parentOf(e);
      if (p !== undefined && gone.has(p) && !touchedElements.has(e)) {
        const problem = parentProblem(e, find.kindOf);
        if (problem) return problem;
      }
    }
    for (const r of after.relations) {
      if ((gone.has(r.from) || gone.has(r.to)) && !touchedRelations.has(r)) {
        const problem = relationProblem(r, find);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

/** A relation whose kind and ends did not change keeps its (checked) endpoints and has no new twin. */
function sameEnds(a: Relation, b: Relation): boolean {
  return a.kind === b.kind && a.from === b.from && a.to === b.to;
}

interface Diff<T> {
  /** Items of `after` that are not objects of `before`: new ones, and changed copies (with what they replaced). */
  readonly touched: { readonly item: T; readonly index: number; readonly was?: T }[];
  /** Items of `before` that are not in `after` under their id any more (re-added ones count as new). */
  readonly removed: T[];
}

/**
 * Edits keep the order of what they leave (map, filter, append), so one walk pairs `after` with `before` by
 * identity, with no allocation for unchanged items. An order an edit did not keep only makes items look
 * removed and re-added, which checks them more, never less.
 */
function diff<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): Diff<T> {
  const touched: { item: T; index: number; was?: T }[] = [];
  const removed: T[] = [];
  let i = 0;
  for (let j = 0; j < after.length; j++) {
    const a = after[j]!;
    const id = isObject(a) ? a.id : undefined;
    while (i < before.length && before[i] !== a && before[i]!.id !== id) removed.push(before[i++]!);
    if (i < before.length && before[i] === a) {
      i++;
      continue;
    }
    if (i < before.length) touched.push({ item: a, index: j, was: before[i++]! });
    else touched.push({ item: a, index: j });
  }
  while (i < before.length) removed.push(before[i++]!);
  return { touched, removed };
}

interface Lookups {
  kindOf(id: string): Element['kind'] | undefined;
  /** Elements and relations with this id. */
  idCount(id: string): number;
  /** Another relation of the same kind between the same ends, if any. */
  twinOf(rel: Relation): Relation | undefined;
}

/** Scans for a few questions (no allocation); builds maps once when an edit touches many items (a paste, a layout). */
function lookups(d: Design, touched: number): Lookups {
  const same = (a: Relation, b: Relation) => a !== b && a.kind === b.kind && a.from === b.from && a.to === b.to;
  if (touched <= SCAN_LIMIT) {
    return {
      kindOf: (id) => d.elements.find((e) => e.id === id)?.kind,
      idCount: (id) => {
        let n = 0;
        for (const e of d.elements) if (e.id === id) n++;
        for (const r of d.relations) if (r.id === id) n++;
        return n;
      },
      twinOf: (rel) => d.relations.find((other) => same(other, rel)),
    };
  }
  const kinds = new Map<string, Element['kind']>();
  const counts = new Map<string, number>();
  const bySource = new Map<string, Relation[]>();
  for (const e of d.elements) {
    if (!kinds.has(e.id)) kinds.set(e.id, e.kind);
    counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  }
  for (const r of d.relations) {
    counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    const list = bySource.get(r.from);
    if (list) list.push(r);
    else bySource.set(r.from, [r]);
  }
  return {
    kindOf: (id) => kinds.get(id),
    idCount: (id) => counts.get(id) ?? 0,
    twinOf: (rel) => bySource.get(rel.from)?.find((other) => same(other, rel)),
  };
}

function isObject(v: unknown): v is { readonly id?: unknown } {
  return typeof v === 'object' && v !== null;
}

function shapeProblem(schema: typeof elementSchema | typeof relationSchema, value: unknown, path: readonly (string | number)[]): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : zodProblem(parsed.error.issues[0], path);
}

function zodProblem(issue: { readonly message: string; readonly path: readonly PropertyKey[] } | undefined, prefix: readonly (string | number)[]): string {
  return `${issue?.message ?? 'invalid'} at ${[...prefix, ...(issue?.path ?? [])].map(String).join('.')}`;
}

function parentProblem(el: Element, kindOf: (id: string) => Element['kind'] | undefined): string | undefined {
  const allowed = PARENT_KINDS[el.kind];
  const parent = parentOf(el);
  if (!allowed || parent === undefined) return undefined;
  const parentKind = kindOf(parent);
  if (parentKind === undefined) return `${el.kind} "${el.id}" names parent "${parent}", which is not in the design.`;
  if (!allowed.includes(parentKind)) return `${el.kind} "${el.id}" must be inside a ${allowed.join(' or ')}, not a ${parentKind}.`;
  return undefined;
}

function relationProblem(rel: Relation, find: Lookups): string | undefined {
  const spec = RELATION_SPECS[rel.kind];
  for (const end of ['from', 'to'] as const) {
    const k = find.kindOf(rel[end]);
    const expected = end === 'from' ? spec.from : spec.to;
    if (k === undefined) return `${rel.kind} "${rel.id}": "${end}" names "${rel[end]}", which is not in the design.`;
    if (!expected.includes(k)) return `${rel.kind} "${rel.id}": "${end}" must be a ${expected.join(' or ')}, not a ${k}.`;
  }
  if (rel.from === rel.to) return `${rel.kind} "${rel.id}" joins "${rel.from}" to itself.`;
  if (find.twinOf(rel)) return `${rel.kind} "${rel.id}" repeats an existing ${rel.kind} from "${rel.from}" to "${rel.to}".`;
  return undefined;
}
