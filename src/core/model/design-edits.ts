// Edit intents on a design and their pure application. The webview sends these, quick fixes are made
// of them, and the host applies them as one text edit each, so each is exactly one undo step.
import { fitId } from './fit-id';
import { checkEditedDesign } from './incremental-check';
import { checkIntegrity } from './integrity';
import { parseDesign, parentOf, type Design, type Element, type Relation } from './schema';

export type DesignEdit =
  | { readonly op: 'addElements'; readonly elements: readonly Element[]; readonly relations?: readonly Relation[] }
  | { readonly op: 'updateElement'; readonly id: string; readonly set: Readonly<Record<string, unknown>> }
  | { readonly op: 'removeElements'; readonly ids: readonly string[] }
  | { readonly op: 'moveElements'; readonly moves: readonly ElementMove[] }
  | { readonly op: 'addRelation'; readonly relation: Relation }
  | { readonly op: 'updateRelation'; readonly id: string; readonly set: Readonly<Record<string, unknown>> }
  | { readonly op: 'removeRelations'; readonly ids: readonly string[] }
  | { readonly op: 'setDesignInfo'; readonly name?: string; readonly description?: string | null }
  | { readonly op: 'batch'; readonly edits: readonly DesignEdit[] };

export interface ElementMove {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
  /** Set to move an element into another container (subnet into another VNet); omit to keep it. */
  readonly parent?: string;
  readonly size?: { readonly width: number; readonly height: number };
}

export type EditResult = { ok: true; design: Design } | { ok: false; error: string };

/** Fields an update may never touch: identity is stable, and kind changes would change the schema. */
const IMMUTABLE = new Set(['id', 'kind']);

export function applyEdit(design: Design, edit: DesignEdit): EditResult {
  const applied = tryApply(design, edit);
  if (!applied.ok) return applied;
  const next = applied.design;
  // The result must still be a loadable document, or the edit is refused and the file is left as it was.
  const parsed = parseDesign(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.message} at ${issue.path.join('.')}` };
  }
  const integrity = checkIntegrity(parsed.data);
  if (integrity.length > 0) return { ok: false, error: integrity[0]!.message };
  return { ok: true, design: parsed.data };
}

/**
 * The same verdict and design as `applyEdit`, for a design known to be valid (what the host sent, or the
 * result of an earlier edit): checks only what the edit changed, so a drag costs the same in a design of
 * 10 or 10,000 elements. The webview's optimistic edits use it; the host's `applyEdit` stays the authority.
 */
export function applyEditIncrementally(design: Design, edit: DesignEdit): EditResult {
  const applied = tryApply(design, edit);
  if (!applied.ok) return applied;
  const problem = checkEditedDesign(design, applied.design);
  return problem === undefined ? applied : { ok: false, error: problem };
}

class EditError extends Error {}

/** The edit applied, unchecked; an edit that cannot apply at all (unknown id, immutable field) is refused. */
function tryApply(design: Design, edit: DesignEdit): EditResult {
  try {
    return { ok: true, design: apply(design, edit) };
  } catch (e) {
    return { ok: false, error: e instanceof EditError ? e.message : String(e) };
  }
}

function apply(d: Design, edit: DesignEdit): Design {
  switch (edit.op) {
    case 'addElements':
      return { ...d, elements: [...d.elements, ...edit.elements], relations: [...d.relations, ...(edit.relations ?? [])] };
    case 'updateElement':
      mustExist(d.elements, edit.id);
      return { ...d, elements: d.elements.map((e) => (e.id === edit.id ? patch(e, edit.set) : e)) };
    case 'removeElements': {
      const doomed = withDescendants(d, new Set(edit.ids));
      return {
        ...d,
        elements: d.elements.filter((e) => !doomed.has(e.id)),
        relations: d.relations.filter((r) => !doomed.has(r.from) && !doomed.has(r.to) && !doomed.has(r.id)),
      };
    }
    case 'moveElements': {
      const moves = new Map(edit.moves.map((m) => [m.id, m]));
      for (const id of moves.keys()) mustExist(d.elements, id);
      return {
        ...d,
        elements: d.elements.map((e) => {
          const m = moves.get(e.id);
          if (!m) return e;
          const moved: Record<string, unknown> = { ...e, position: { x: Math.round(m.position.x), y: Math.round(m.position.y) } };
          if (m.parent !== undefined) {
            if (!('parent' in e)) throw new EditError(`${e.kind} "${e.id}" cannot be placed inside another element.`);
            moved.parent = m.parent;
          }
          if (m.size !== undefined) {
            if (e.kind !== 'vnet') throw new EditError(`Only virtual networks are resizable containers.`);
            moved.size = { width: Math.round(m.size.width), height: Math.round(m.size.height) };
          }
          return moved as Element;
        }),
      };
    }
    case 'addRelation':
      return { ...d, relations: [...d.relations, edit.relation] };
    case 'updateRelation':
      if (!d.relations.some((r) => r.id === edit.id)) throw new EditError(`No relation "${edit.id}" in the design.`);
      return { ...d, relations: d.relations.map((r) => (r.id === edit.id ? patch(r, edit.set) : r)) };
    case 'removeRelations': {
      const ids = new Set(edit.ids);
      return { ...d, relations: d.relations.filter((r) => !ids.has(r.id)) };
    }
    case 'setDesignInfo': {
      const next: Design = { ...d };
      if (edit.name !== undefined) next.name = edit.name;
      if (edit.description === null) delete next.description;
      else if (edit.description !== undefined) next.description = edit.description;
      return next;
    }
    case 'batch':
      return edit.edits.reduce(apply, d);
  }
}

function mustExist(elements: readonly Element[], id: string): void {
  if (!elements.some((e) => e.id === id)) throw new EditError(`No element "${id}" in the design.`);
}

/** `undefined` in `set` removes the property, which is how an inspector field is cleared. */
function patch<T extends object>(target: T, set: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [k, v] of Object.entries(set)) {
    if (IMMUTABLE.has(k)) throw new EditError(`"${k}" cannot be changed by an edit.`);
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new EditError(`"${k}" is not a design property.`);
    if (v === undefined || v === null) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/** Removing a VNet removes its subnets and gateways too: children have no meaning without the container. */
function withDescendants(d: Design, ids: Set<string>): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of d.elements) {
      const parent = parentOf(e);
      if (parent !== undefined && out.has(parent) && !out.has(e.id)) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return out;
}

/** A fresh id of the form `<prefix>-<n>` not used in the design (a long prefix fitted into 64 characters, see fit-id). */
export function freshId(design: Design, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set([...design.elements.map((e) => e.id), ...design.relations.map((r) => r.id), ...taken]);
  const base = prefix.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'el';
  for (let n = 1; ; n++) {
    // Prefixes built from two ids (`<nat>-<subnet>`) pass 64 characters: fitted, not cut, so they stay valid and apart.
    const candidate = `${fitId(base, String(n).length + 1)}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
