// The prelude both emitters share: every element gets its symbol (Bicep) or label (Terraform) first, in id
// order, so a parameter or variable name never takes an element's natural one; later calls return the same.
import type { Element } from '../model/schema';
import type { IdentifierPool } from './identifiers';

export function elementSymbols(elements: readonly Element[], pool: IdentifierPool): (id: string) => string {
  const taken = new Map<string, string>();
  const symbolOf = (id: string): string => {
    let s = taken.get(id);
    if (s === undefined) {
      s = pool.take(id);
      taken.set(id, s);
    }
    return s;
  };
  for (const e of [...elements].sort((a, b) => (a.id < b.id ? -1 : 1))) symbolOf(e.id);
  return symbolOf;
}
