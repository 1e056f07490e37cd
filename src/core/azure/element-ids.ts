// Turns Azure resource names into design ids: the schema allows 1–64 of [A-Za-z0-9._-] starting with a
// letter or digit, Azure names allow more (and repeat across VNets), so names are sanitised and made unique.
import { fitId } from '../model/fit-id';

/** Sanitises a name into the id alphabet; never returns an empty string. A long one is fitted (fit-id), not cut. */
export function sanitiseId(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-{2,}/g, '-')
    .replace(/[-.]+$/, '');
  return cleaned === '' ? 'item' : fitId(cleaned);
}

/** Hands out unique ids in call order; the same inputs in the same order give the same ids. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /** `preferred` names are tried in order (e.g. the name, then name + VNet), then a counter is appended. */
  allocate(...preferred: string[]): string {
    const candidates = preferred.map(sanitiseId);
    for (const c of candidates) {
      if (!this.taken.has(c.toLowerCase())) return this.take(c);
    }
    const base = candidates[0] ?? 'item';
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const c = `${fitId(base, suffix.length)}${suffix}`;
      if (!this.taken.has(c.toLowerCase())) return this.take(c);
    }
  }

  private take(id: string): string {
    this.taken.add(id.toLowerCase());
    return id;
  }
}
