// Power Platform geographies and the Azure regions/pairs their VNets may use (domain.md §2.1,
// from Microsoft's EnterprisePolicies module, May 2026). Pure data plus lookups.

export interface Geography {
  /** Enterprise policy `location` value. */
  readonly id: string;
  readonly displayName: string;
  /** Allowed region pairs; a single-region geography has one "pair" of one region. */
  readonly pairs: readonly (readonly string[])[];
  /** Not for customer designs: internal early-access or not available per the docs. */
  readonly status: 'supported' | 'internal' | 'unavailable';
  readonly note?: string;
}

export const GEOGRAPHIES: readonly Geography[] = [
  { id: 'unitedstates', displayName: 'United States', pairs: [['eastus', 'westus'], ['centralus', 'eastus2']], status: 'supported' },
  { id: 'southafrica', displayName: 'South Africa', pairs: [['southafricanorth', 'southafricawest']], status: 'supported' },
  { id: 'uk', displayName: 'United Kingdom', pairs: [['uksouth', 'ukwest']], status: 'supported' },
  { id: 'japan', displayName: 'Japan', pairs: [['japaneast', 'japanwest']], status: 'supported' },
  { id: 'india', displayName: 'India', pairs: [['centralindia', 'southindia']], status: 'supported' },
  { id: 'france', displayName: 'France', pairs: [['francecentral', 'francesouth']], status: 'supported' },
  { id: 'europe', displayName: 'Europe', pairs: [['westeurope', 'northeurope']], status: 'supported' },
  { id: 'germany', displayName: 'Germany', pairs: [['germanynorth', 'germanywestcentral']], status: 'supported' },
  { id: 'switzerland', displayName: 'Switzerland', pairs: [['switzerlandnorth', 'switzerlandwest']], status: 'supported' },
  { id: 'canada', displayName: 'Canada', pairs: [['canadacentral', 'canadaeast']], status: 'supported' },
  { id: 'brazil', displayName: 'Brazil', pairs: [['brazilsouth']], status: 'supported' },
  { id: 'australia', displayName: 'Australia', pairs: [['australiasoutheast', 'australiaeast']], status: 'supported' },
  { id: 'asia', displayName: 'Asia', pairs: [['eastasia', 'southeastasia']], status: 'supported' },
  { id: 'uae', displayName: 'United Arab Emirates', pairs: [['uaenorth']], status: 'supported' },
  { id: 'korea', displayName: 'Korea', pairs: [['koreasouth', 'koreacentral']], status: 'supported' },
  { id: 'norway', displayName: 'Norway', pairs: [['norwaywest', 'norwayeast']], status: 'supported' },
  { id: 'singapore', displayName: 'Singapore', pairs: [['southeastasia']], status: 'supported' },
  { id: 'sweden', displayName: 'Sweden', pairs: [['swedencentral']], status: 'supported' },
  { id: 'italy', displayName: 'Italy', pairs: [['italynorth']], status: 'supported' },
  { id: 'usgov', displayName: 'US Government (GCC High)', pairs: [['usgovtexas', 'usgovvirginia']], status: 'supported' },
  {
    id: 'usdod', displayName: 'US Department of Defense', pairs: [['usdodeast', 'usdodcentral']], status: 'unavailable',
    note: 'The module accepts usdod, but Microsoft Learn says DoD environments are not available.',
  },
  { id: 'centraluseuap', displayName: 'Central US EUAP (internal)', pairs: [['eastus', 'westus']], status: 'internal' },
  { id: 'eastus2euap', displayName: 'East US 2 EUAP (internal)', pairs: [['eastus', 'westus']], status: 'internal' },
  { id: 'unitedstateseuap', displayName: 'United States EUAP (internal)', pairs: [['eastus', 'westus']], status: 'internal' },
];

/** Environment location spellings that Power Platform treats as the same geography as the policy. */
// The module maps only this one; it has no `southamerica` → `brazil` alias (domain.md §11).
const ALIASES: Readonly<Record<string, string>> = { unitedkingdom: 'uk' };

const BY_ID = new Map(GEOGRAPHIES.map((g) => [g.id, g]));

/** Normalises a geography name: lower case, aliases resolved (`unitedkingdom` → `uk`). */
export function canonicalGeography(name: string): string {
  const lower = name.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

export function findGeography(name: string | undefined): Geography | undefined {
  return name === undefined ? undefined : BY_ID.get(canonicalGeography(name));
}

export function allowedRegions(geo: Geography): string[] {
  return [...new Set(geo.pairs.flat())];
}

export function requiresPair(geo: Geography): boolean {
  return allowedRegions(geo).length > 1;
}

/** The pair that contains both regions (order-free), if the two form an allowed pair. */
export function pairOf(geo: Geography, a: string, b: string): readonly string[] | undefined {
  if (a === b) return undefined;
  return geo.pairs.find((p) => p.includes(a) && p.includes(b));
}

/** Every Azure region named anywhere in the table, for pickers. */
export const ALL_REGIONS: readonly string[] = [...new Set(GEOGRAPHIES.flatMap((g) => g.pairs.flat()))].sort();

/** Azure regions that are obviously not geographies: used to tell users they wrote a region where a geography goes. */
export function isAzureRegionName(name: string): boolean {
  return ALL_REGIONS.includes(name.trim().toLowerCase());
}
