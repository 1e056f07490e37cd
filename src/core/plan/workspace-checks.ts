// Checks across every design of a workspace, which no single-design rule can see: VNets of different
// designs whose address spaces overlap, VNets outside the configured address pools, and VNets on reserved
// or on-premises ranges. Pure; findings point into designs by file and element, the caller places them.
// Like any rule, PPV-WORKSPACE is re-levelled or switched off in the `rules` section of each design's
// configuration; a finding takes the level of the design it is reported in.
import type { ElementOf } from '../model/schema';
import { contains, findOverlaps, overlaps, type Cidr } from '../net/cidr';
import type { DesignRef, Severity } from '../rules/rule';
import type { RuleLevel, RulesConfig } from '../rules/rules-config';
import type { AddressPlanConfig } from './address-plan-config';
import { usedRanges, type PlannedDesign, type UsedRange } from './plan-addresses';

export const WORKSPACE_RULE_ID = 'PPV-WORKSPACE';

/** The level when no configuration says otherwise. */
export const WORKSPACE_DEFAULT_SEVERITY: Severity = 'warning';

/** PPV-WORKSPACE's level in a design's configuration: its `rules` entry, else the default. */
export function workspaceLevel(config: RulesConfig | undefined): RuleLevel {
  return config?.rules?.[WORKSPACE_RULE_ID] ?? WORKSPACE_DEFAULT_SEVERITY;
}

export interface WorkspaceRef extends DesignRef {
  readonly file: string;
}

export interface WorkspaceRelated extends WorkspaceRef {
  readonly message: string;
  /** The level in the related design, undefined where it is off: an editor showing the finding there too uses it. */
  readonly severity: Severity | undefined;
}

export interface WorkspaceFinding extends WorkspaceRef {
  readonly message: string;
  readonly severity: Severity;
  readonly related: readonly WorkspaceRelated[];
}

export interface WorkspaceDesign extends PlannedDesign {
  /** The address plan of the configuration that applies to this design, if any. */
  readonly plan?: AddressPlanConfig;
  /** PPV-WORKSPACE's level in that configuration (workspaceLevel); warning when absent. */
  readonly level?: RuleLevel;
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
  const levels = new Map(designs.map((d) => [d.file, d.level ?? WORKSPACE_DEFAULT_SEVERITY]));
  const severityIn = (file: string): Severity | undefined => {
    const level = levels.get(file) ?? WORKSPACE_DEFAULT_SEVERITY;
    return level === 'off' ? undefined : level;
  };
  const vnetOf = new Map<string, ElementOf<'vnet'>>();
  for (const { file, design } of designs) {
    for (const e of design.elements) if (e.kind === 'vnet') vnetOf.set(`${file}\u0000${e.id}`, e);
  }
  const vnets = usedRanges(designs).filter((u) => u.kind === 'vnet');

  // Overlaps inside one design are the single-design rules' business (AZ rules, PPV-011's pairing).
  const seen = new Set<string>();
  for (const [a, b] of findOverlaps(vnets.map((u) => ({ cidr: u.cidr, tag: u })))) {
    if (a.file === b.file) continue;
    const [early, late] = a.file.localeCompare(b.file) <= 0 ? [a, b] : [b, a];
    // Reported in the later file unless its configuration switched the check off; off in both, not at all.
    const [first, second] = severityIn(late.file) === undefined ? [late, early] : [early, late];
    const severity = severityIn(second.file);
    if (severity === undefined) continue;
    if (sameVnet(vnetOf.get(`${first.file}\u0000${first.elementId}`)!, vnetOf.get(`${second.file}\u0000${second.elementId}`)!)) continue;
    const key = `${first.file}\u0000${first.elementId}\u0000${second.file}\u0000${second.elementId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      ...vnetRef(second),
      message: `${vnetText(second)} overlaps ${vnetText(first)}. Designs of one workspace share its address plan: overlapping VNets cannot be peered or routed to each other, nor reached through a shared hub.`,
      severity,
      related: [{ ...vnetRef(first), message: `${vnetText(first)} uses the same addresses.`, severity: severityIn(first.file) }],
    });
  }

  for (const { file, plan } of designs) {
    const severity = severityIn(file);
    if (!plan || severity === undefined) continue;
    for (const u of vnets.filter((v) => v.file === file)) {
      if (plan.pools.length > 0 && !plan.pools.some((p) => p.ranges.some((r) => contains(r, u.cidr)))) {
        out.push({ ...vnetRef(u), message: `${vnetText(u)} lies outside every address pool (${plan.pools.map((p) => p.name).join(', ')}) of the configuration.`, severity, related: [] });
      }
      const clash = (ranges: readonly Cidr[], what: string) => {
        const hit = ranges.find((r) => overlaps(r, u.cidr));
        if (hit) out.push({ ...vnetRef(u), message: `${vnetText(u)} overlaps the ${what} range ${hit.text} of the configuration.`, severity, related: [] });
      };
      clash(plan.reserved, 'reserved');
      clash(plan.onPremises, 'on-premises');
    }
  }
  return out;
}
