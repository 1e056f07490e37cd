// Referential integrity of a schema-valid design: unique ids, relations between existing elements of
// the right kinds, parents that exist. These are document errors, not design advice (that is the rules').
import { PARENT_KINDS, RELATION_SPECS } from './kinds';
import { parentOf, type Design } from './schema';

export interface IntegrityProblem {
  readonly message: string;
  readonly path: readonly (string | number)[];
}

export function checkIntegrity(design: Design): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const kinds = new Map<string, string>();
  const seen = new Set<string>();
  design.elements.forEach((el, i) => {
    if (seen.has(el.id)) problems.push({ message: `Duplicate id "${el.id}"; ids must be unique.`, path: ['elements', i, 'id'] });
    seen.add(el.id);
    kinds.set(el.id, el.kind);
  });
  design.elements.forEach((el, i) => {
    const allowed = PARENT_KINDS[el.kind];
    const parent = parentOf(el);
    if (!allowed || parent === undefined) return;
    const parentKind = kinds.get(parent);
    if (parentKind === undefined) problems.push({ message: `${el.kind} "${el.id}" names parent "${parent}", which is not in the design.`, path: ['elements', i, 'parent'] });
    else if (!allowed.includes(parentKind as never)) problems.push({ message: `${el.kind} "${el.id}" must be inside a ${allowed.join(' or ')}, not a ${parentKind}.`, path: ['elements', i, 'parent'] });
  });
  const pairs = new Set<string>();
  design.relations.forEach((rel, i) => {
    if (seen.has(rel.id)) problems.push({ message: `Duplicate id "${rel.id}"; ids must be unique across elements and relations.`, path: ['relations', i, 'id'] });
    seen.add(rel.id);
    const spec = RELATION_SPECS[rel.kind];
    for (const end of ['from', 'to'] as const) {
      const k = kinds.get(rel[end]);
      const expected = end === 'from' ? spec.from : spec.to;
      if (k === undefined) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" names "${rel[end]}", which is not in the design.`, path: ['relations', i, end] });
      else if (!expected.includes(k as never)) problems.push({ message: `${rel.kind} "${rel.id}": "${end}" must be a ${expected.join(' or ')}, not a ${k}.`, path: ['relations', i, end] });
    }
    if (rel.from === rel.to) problems.push({ message: `${rel.kind} "${rel.id}" joins "${rel.from}" to itself.`, path: ['relations', i, 'to'] });
    const key = `${rel.kind}\u0000${rel.from}\u0000${rel.to}`;
    if (pairs.has(key)) problems.push({ message: `${rel.kind} "${rel.id}" repeats an existing ${rel.kind} from "${rel.from}" to "${rel.to}".`, path: ['relations', i, 'id'] });
    pairs.add(key);
  });
  return problems;
}
