// Azure region names compared the way ARM compares them: case- and space-insensitive
// ("West Europe" in a template is the same region as westeurope).

/** The canonical form of a region name, e.g. "West Europe" → "westeurope". */
export function canonicalRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}

/** True when both regions are known and differ; unknown regions never count as a mismatch. */
export function regionsDiffer(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && canonicalRegion(a) !== canonicalRegion(b);
}
