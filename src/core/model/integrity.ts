// Referential integrity of a schema-valid design: unique ids, relations between existing elements of
// the right kinds, parents that exist. These are document errors, not design advice (that is the rules').
import { PARENT_KINDS, RELATION_SPECS } from './kinds';
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
  const problems: IntegrityProblem[] = [];
  const { elements, relations } = design;
  // Kind of each element id (the last of duplicates, which are reported); relation ids apart.
  const kinds = new Map<string, string>();
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (kinds.has(el.id)) problems.push({ message: `Duplicate id "${el.id}"; ids must be unique.`, path: ['elements', i, 'id'] });
    kinds.set(el.id, el.kind);
  }
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const allowed = PARENT_KINDS[el.kind];
    if (!allowed) continue;
    const parent = parentOf(el);
    if (parent === undefined) continue;
    const parentKind = kinds.get(parent);
    if (parentKind === undefined) problems.push({ message: `${el.kind} "${el.id}" names parent "${parent}", which is not in the design.`, path: ['elements', i, 'parent'] });
    else if (!allowed.includes(parentKind as never)) problems.push({ message: `${el.kind} "${el.id}" must be inside a ${allowed.join(' or ')}, not a ${parentKind}.`, path: ['elements', i, 'parent'] });
  }
  const relationIds = new Set<string>();
  const pairs = new Set<string>();
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i]!;
    if (kinds.has(rel.id) || relationIds.has(rel.id)) problems.push({ message: `Duplicate id "${rel.id}"; ids must be unique across elements and relations.`, path: ['relations', i, 'id'] });
    relationIds.add(rel.id);
    const spec = RELATION_SPECS[rel.kind];
    checkEnd(problems, rel, i, 'from', kinds.get(rel.from), spec.from);
    checkEnd(problems, rel, i, 'to', kinds.get(rel.to), spec.to);
    if (rel.from === rel.to) problems.push({ message: `${rel.kind} "${rel.id}" joins "${rel.from}" to itself.`, path: ['relations', i, 'to'] });
    const key = `${rel.kind}\u0000${rel.from}\u0000${rel.to}`;
    if (pairs.has(key)) problems.push({ message: `${rel.kind} "${rel.id}" repeats an existing ${rel.kind} from "${rel.from}" to "${rel.to}".`, path: ['relations', i, 'id'] });
    pairs.add(key);
  }
  return problems;
}

/** A relation end must name an element of one of the kinds the relation joins. */
function checkEnd(problems: IntegrityProblem[], rel: Relation, i: number, end: 'from' | 'to', kind: string | undefined, expected: readonly string[]): void {
  if (kind === undefined) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" names "${rel[end]}", which is not in the design.`, path: ['relations', i, end] });
  else if (!expected.includes(kind)) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" must be a ${expected.join(' or ')}, not a ${kind}.`, path: ['relations', i, end] });
}
