// Checks across every design of a workspace, which no single-design rule can see: VNets of different
// designs whose address spaces overlap, VNets outside the configured address pools, and VNets on reserved
// or on-premises ranges. Pure; findings point into designs by file and element, the caller places them.
import type { ElementOf } from '../model/schema';
import { contains, findOverlaps, overlaps, type Cidr } from '../net/cidr';
import type { DesignRef } from '../rules/rule';
import type { AddressPlanConfig } from './address-plan-config';
import { usedRanges, type PlannedDesign, type UsedRange } from './plan-addresses';

export const WORKSPACE_RULE_ID = 'PPV-WORKSPACE';

export interface WorkspaceRef extends DesignRef {
  readonly file: string;
}

export interface WorkspaceFinding extends WorkspaceRef {
  readonly message: string;
  readonly related: readonly (WorkspaceRef & { readonly message: string })[];
}

export interface WorkspaceDesign extends PlannedDesign {
  /** The address plan of the configuration that applies to this design, if any. */
  readonly plan?: AddressPlanConfig;
}

const vnetRef = (u: UsedRange): WorkspaceRef => ({ file: u.file, elementId: u.elementId, property: 'addressSpaces' });
const vnetText = (u: UsedRange) => `VNet "${u.elementName}" (${u.cidr.text}) in ${u.file}`;

/**
 * The same VNet drawn in two designs (a shared hub, a landing zone both workloads peer with) is not a
 * conflict: same name, region and address spaces means one Azure resource seen twice.
 */
function sameVnet(a: ElementOf<'vnet'>, b: ElementOf<'vnet'>): boolean {
  const spaces = (v: ElementOf<'vnet'>) => [...(v.addressSpaces ?? [])].sort().join(',');
  return a.name.toLowerCase() === b.name.toLowerCase() && a.region === b.region && spaces(a) === spaces(b);
}

export function checkWorkspace(designs: readonly WorkspaceDesign[]): WorkspaceFinding[] {
  const out: WorkspaceFinding[] = [];
  const vnetOf = new Map<string, ElementOf<'vnet'>>();
  for (const { file, design } of designs) {
    for (const e of design.elements) if (e.kind === 'vnet') vnetOf.set(`${file}\u0000${e.id}`, e);
  }
  const vnets = usedRanges(designs).filter((u) => u.kind === 'vnet');

  // Overlaps inside one design are the single-design rules' business (AZ rules, PPV-011's pairing).
  const seen = new Set<string>();
  for (const [a, b] of findOverlaps(vnets.map((u) => ({ cidr: u.cidr, tag: u })))) {
    if (a.file === b.file) continue;
    const [first, second] = a.file.localeCompare(b.file) <= 0 ? [a, b] : [b, a];
    if (sameVnet(vnetOf.get(`${first.file}\u0000${first.elementId}`)!, vnetOf.get(`${second.file}\u0000${second.elementId}`)!)) continue;
    const key = `${first.file}\u0000${first.elementId}\u0000${second.file}\u0000${second.elementId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...vnetRef(second),
      message: `${vnetText(second)} overlaps ${vnetText(first)}. Designs of one workspace share its address plan: overlapping VNets cannot be peered or routed to each other, nor reached through a shared hub.`,
      related: [{ ...vnetRef(first), message: `${vnetText(first)} uses the same addresses.` }],
    });
  }

  for (const { file, plan } of designs) {
    if (!plan) continue;
    for (const u of vnets.filter((v) => v.file === file)) {
      if (plan.pools.length > 0 && !plan.pools.some((p) => p.ranges.some((r) => contains(r, u.cidr)))) {
        out.push({ ...vnetRef(u), message: `${vnetText(u)} lies outside every address pool (${plan.pools.map((p) => p.name).join(', ')}) of the configuration.`, related: [] });
      }
      const clash = (ranges: readonly Cidr[], what: string) => {
        const hit = ranges.find((r) => overlaps(r, u.cidr));
        if (hit) out.push({ ...vnetRef(u), message: `${vnetText(u)} overlaps the ${what} range ${hit.text} of the configuration.`, related: [] });
      };
      clash(plan.reserved, 'reserved');
      clash(plan.onPremises, 'on-premises');
    }
  }
  return out;
}
