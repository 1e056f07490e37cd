// Memoises a derived fact per Topology and key, so each is computed at most once per validation however
// many rules ask; the engine builds a new Topology per validation, and a Topology never changes. The
// Topology keeps the fact with what computing it read, so a rule that asks depends on those reads too.
import type { Topology } from '../../model/topology';

/** `compute` wrapped so that each (topology, key) is computed once; results must be treated as read-only. */
export function perTopology<T>(compute: (t: Topology, key: string) => T): (t: Topology, key: string) => T {
  const owner = {};
  return (t, key) => t.derive(owner, key, () => compute(t, key));
}
