// The exporters' one ordering: items sorted by id, so output never depends on the order of the file's elements.

/** Sorted by id, so output order never depends on the order of the elements in the file. */
export function byId<T extends { readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
