// Memoises a derived fact per Topology and key, so each is computed at most once per validation however
// many rules ask; the engine builds a new Topology per validation, and a Topology never changes.
import type { Topology } from '../../model/topology';

/** `compute` wrapped so that each (topology, key) is computed once; results must be treated as read-only. */
export function perTopology<T>(compute: (t: Topology, key: string) => T): (t: Topology, key: string) => T {
  const cache = new WeakMap<Topology, Map<string, T>>();
  return (t, key) => {
    let byKey = cache.get(t);
    if (!byKey) cache.set(t, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute(t, key);
    byKey.set(key, value);
    return value;
  };
}
