// Checks a design produced by an edit of a design already known to be valid, at the cost of what the edit
// changed: only new or changed elements and relations meet their zod schemas, and only the references
// they make (or that point at removed elements) are resolved. The webview uses it for its optimistic edits;
// the host keeps the full check (`designSchema` + `checkIntegrity`) as the authority.
import { PARENT_KINDS, RELATION_SPECS } from './kinds';
import { designSchema, elementSchema, parentOf, relationSchema, type Design, type Element, type Relation } from './schema';

/** Elements and relations of one design by id, so the next edit can tell what it changed by identity. */
interface DesignIndex {
  readonly elements: ReadonlyMap<string, Element>;
  readonly relations: ReadonlyMap<string, Relation>;
}

// Keyed by the design object: designs are immutable, so an index stays true for as long as its design lives.
const indexes = new WeakMap<Design, DesignIndex>();

function indexOf(design: Design): DesignIndex {
  let index = indexes.get(design);
  if (!index) {
    index = { elements: new Map(design.elements.map((e) => [e.id, e])), relations: new Map(design.relations.map((r) => [r.id, r])) };
    indexes.set(design, index);
  }
  return index;
}

// The top-level fields only: elements and relations are checked one by one below.
const designHead = designSchema.omit({ elements: true, relations: true });

/**
 * Is `after` (made from the valid `before` by an edit) a valid design? Returns the first problem found,
 * or undefined. `before` must satisfy the full check; objects `after` shares with it are trusted.
 */
export function checkEditedDesign(before: Design, after: Design): string | undefined {
  if (after.name !== before.name || after.description !== before.description || after.version !== before.version || after.$schema !== before.$schema) {
    const { elements: _e, relations: _r, ...head } = after;
    const parsed = designHead.safeParse(head);
    if (!parsed.success) return zodProblem(parsed.error.issues[0], []);
  }
  const old = indexOf(before);

  // One pass over the result: schemas of what is new or changed (first, so nothing below reads a malformed
  // object), the id index of `after` (kept for the next edit), and duplicate ids.
  const elements = new Map<string, Element>();
  const relations = new Map<string, Relation>();
  const changedElements: Element[] = [];
  const changedRelations: Relation[] = [];
  for (let i = 0; i < after.elements.length; i++) {
    const e = after.elements[i]!;
    if (!isObject(e) || old.elements.get(e.id) !== e) {
      const problem = shapeProblem(elementSchema, e, ['elements', i]);
      if (problem) return problem;
      changedElements.push(e);
    }
    if (elements.has(e.id)) return `Duplicate id "${e.id}"; ids must be unique.`;
    elements.set(e.id, e);
  }
  for (let i = 0; i < after.relations.length; i++) {
    const r = after.relations[i]!;
    if (!isObject(r) || old.relations.get(r.id) !== r) {
      const problem = shapeProblem(relationSchema, r, ['relations', i]);
      if (problem) return problem;
      changedRelations.push(r);
    }
    if (elements.has(r.id) || relations.has(r.id)) return `Duplicate id "${r.id}"; ids must be unique across elements and relations.`;
    relations.set(r.id, r);
  }

  // References made by changed elements and relations.
  for (const e of changedElements) {
    const problem = parentProblem(e, elements);
    if (problem) return problem;
  }
  const twins = twinFinder(after.relations, changedRelations.length);
  for (const r of changedRelations) {
    const problem = relationProblem(r, elements, twins);
    if (problem) return problem;
  }

  // References into elements that are gone or were replaced (same id, another object of perhaps another kind):
  // unchanged elements and relations may point at them.
  const replaced = new Set<string>();
  for (const [id, e] of old.elements) {
    const now = elements.get(id);
    if (now !== e && now?.kind !== e.kind) replaced.add(id);
  }
  if (replaced.size > 0) {
    for (const e of after.elements) {
      const p = parentOf(e);
      if (p !== undefined && replaced.has(p) && old.elements.get(e.id) === e) {
        const problem = parentProblem(e, elements);
        if (problem) return problem;
      }
    }
    for (const r of after.relations) {
      if ((replaced.has(r.from) || replaced.has(r.to)) && old.relations.get(r.id) === r) {
        const problem = relationProblem(r, elements, twins);
        if (problem) return problem;
      }
    }
  }
  indexes.set(after, { elements, relations });
  return undefined;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

function shapeProblem(schema: typeof elementSchema | typeof relationSchema, value: unknown, path: readonly (string | number)[]): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : zodProblem(parsed.error.issues[0], path);
}

/**
 * Finds another relation of the same kind between the same ends. A few changed relations scan the list
 * (no allocation); many (a paste) index it by source once, so the check stays linear.
 */
function twinFinder(all: readonly Relation[], changed: number): (rel: Relation) => Relation | undefined {
  const same = (a: Relation, b: Relation) => a !== b && a.kind === b.kind && a.from === b.from && a.to === b.to;
  if (changed <= 4) return (rel) => all.find((other) => same(other, rel));
  const bySource = new Map<string, Relation[]>();
  for (const r of all) {
    const list = bySource.get(r.from);
    if (list) list.push(r);
    else bySource.set(r.from, [r]);
  }
  return (rel) => bySource.get(rel.from)?.find((other) => same(other, rel));
}

function zodProblem(issue: { readonly message: string; readonly path: readonly PropertyKey[] } | undefined, prefix: readonly (string | number)[]): string {
  return `${issue?.message ?? 'invalid'} at ${[...prefix, ...(issue?.path ?? [])].map(String).join('.')}`;
}

function parentProblem(el: Element, elements: ReadonlyMap<string, Element>): string | undefined {
  const allowed = PARENT_KINDS[el.kind];
  const parent = parentOf(el);
  if (!allowed || parent === undefined) return undefined;
  const parentKind = elements.get(parent)?.kind;
  if (parentKind === undefined) return `${el.kind} "${el.id}" names parent "${parent}", which is not in the design.`;
  if (!allowed.includes(parentKind)) return `${el.kind} "${el.id}" must be inside a ${allowed.join(' or ')}, not a ${parentKind}.`;
  return undefined;
}

function relationProblem(rel: Relation, elements: ReadonlyMap<string, Element>, twinOf: (rel: Relation) => Relation | undefined): string | undefined {
  const spec = RELATION_SPECS[rel.kind];
  for (const end of ['from', 'to'] as const) {
    const k = elements.get(rel[end])?.kind;
    const expected = end === 'from' ? spec.from : spec.to;
    if (k === undefined) return `${rel.kind} "${rel.id}": "${end}" names "${rel[end]}", which is not in the design.`;
    if (!expected.includes(k)) return `${rel.kind} "${rel.id}": "${end}" must be a ${expected.join(' or ')}, not a ${k}.`;
  }
  if (rel.from === rel.to) return `${rel.kind} "${rel.id}" joins "${rel.from}" to itself.`;
  if (twinOf(rel)) return `${rel.kind} "${rel.id}" repeats an existing ${rel.kind} from "${rel.from}" to "${rel.to}".`;
  return undefined;
}
