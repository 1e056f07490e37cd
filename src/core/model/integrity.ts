// Referential integrity of a schema-valid design: unique ids, relations between existing elements of
// the right kinds, parents that exist. These are document errors, not design advice (that is the rules').
import { PARENT_KINDS, RELATION_KINDS, RELATION_SPECS, type ElementKind } from './kinds';
import { parentOf, type Design, type Relation } from './schema';

export interface IntegrityProblem {
  readonly message: string;
  readonly path: readonly (string | number)[];
}

/**
 * The problems in document order of kind: duplicate element ids, then parents, then relations (the loader
 * shows the first fifty). Plain loops over the lists, no arrays or closures per item: this runs on every load.
 */
export function checkIntegrity(design: Design): IntegrityProblem[] {
  return checkIntegrityIndexed(design).problems;
}

/**
 * checkIntegrity, also returning the map it builds of every id: an element's index i as i, a relation's as
 * -(i + 1). For a design without problems that is each id's one item, which the loader's locator reuses.
 */
export function checkIntegrityIndexed(design: Design): { readonly problems: IntegrityProblem[]; readonly ids: ReadonlyMap<string, number> } {
  const problems: IntegrityProblem[] = [];
  const { elements, relations } = design;
  // Every id: an element's index (the last of duplicates, which are reported), or a relation's (the first).
  const ids = new Map<string, number>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (ids.has(el.id)) problems.push({ message: `Duplicate id "${el.id}"; ids must be unique.`, path: ['elements', i, 'id'] });
    ids.set(el.id, i);
  }
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const allowed = PARENT_KINDS[el.kind];
    if (!allowed) continue;
    const parent = parentOf(el);
    if (parent === undefined) continue;
    const parentKind = kindOf(elements, ids.get(parent));
    if (parentKind === undefined) problems.push({ message: `${el.kind} "${el.id}" names parent "${parent}", which is not in the design.`, path: ['elements', i, 'parent'] });
    else if (!allowed.includes(parentKind)) problems.push({ message: `${el.kind} "${el.id}" must be inside a ${allowed.join(' or ')}, not a ${parentKind}.`, path: ['elements', i, 'parent'] });
  }
  // Relations already seen, by kind and ends: a number made of the ends' element indexes when both exist (no
  // string built per relation), else a string.
  const pairs = new Set<number | string>();
  const kindCount = RELATION_KINDS.length;
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i]!;
    if (ids.has(rel.id)) problems.push({ message: `Duplicate id "${rel.id}"; ids must be unique across elements and relations.`, path: ['relations', i, 'id'] });
    else ids.set(rel.id, -(i + 1));
    const spec = RELATION_SPECS[rel.kind];
    const from = ids.get(rel.from);
    const to = ids.get(rel.to);
    checkEnd(problems, rel, i, 'from', kindOf(elements, from), spec.from);
    checkEnd(problems, rel, i, 'to', kindOf(elements, to), spec.to);
    if (rel.from === rel.to) problems.push({ message: `${rel.kind} "${rel.id}" joins "${rel.from}" to itself.`, path: ['relations', i, 'to'] });
    const key = from !== undefined && from >= 0 && to !== undefined && to >= 0
      ? (from * elements.length + to) * kindCount + RELATION_KINDS.indexOf(rel.kind)
      : `${rel.kind}\u0000${rel.from}\u0000${rel.to}`;
    if (pairs.has(key)) problems.push({ message: `${rel.kind} "${rel.id}" repeats an existing ${rel.kind} from "${rel.from}" to "${rel.to}".`, path: ['relations', i, 'id'] });
    pairs.add(key);
  }
  return { problems, ids };
}

function kindOf(elements: Design['elements'], index: number | undefined): ElementKind | undefined {
  return index === undefined || index < 0 ? undefined : elements[index]!.kind;
}

/** A relation end must name an element of one of the kinds the relation joins. */
function checkEnd(problems: IntegrityProblem[], rel: Relation, i: number, end: 'from' | 'to', kind: ElementKind | undefined, expected: readonly ElementKind[]): void {
  if (kind === undefined) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" names "${rel[end]}", which is not in the design.`, path: ['relations', i, end] });
  else if (!expected.includes(kind)) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" must be a ${expected.join(' or ')}, not a ${kind}.`, path: ['relations', i, end] });
}
